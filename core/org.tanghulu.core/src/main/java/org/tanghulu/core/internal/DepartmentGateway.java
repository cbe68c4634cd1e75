package org.tanghulu.core.internal;

import java.util.List;
import java.util.Map;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.core.internal.GuardedCaller.Outcome;

/** What the rest of the core needs of the present departments; the only way it reaches department code. */
public interface DepartmentGateway {

    /** @return the definitions of the active departments, by id */
    Map<String, DepartmentDefinition> active();

    /** @return every data element known now: the shared dictionary and the active departments' own, by id */
    Map<String, DataElement> elements();

    /**
     * Runs {@link org.tanghulu.api.Department#check} through the guarded path.
     *
     * @return the department's problems, or a failure (absent department, time-out, exception)
     */
    Outcome<List<FieldProblem>> check(String department, String matter, Map<String, String> values);
}
