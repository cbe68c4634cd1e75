package org.tanghulu.catalog;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;

/**
 * What other platform bundles (the case engine, above all) need of the departments present now,
 * and the only way they reach department code: every call goes through the catalog's guarded
 * path (named threads, a bounded number of calls per department, a deadline, failures as values).
 */
@ProviderType
public interface DepartmentGateway {

    /** One {@link org.tanghulu.api.Department#check} to make: the department, its matter and the values. */
    record Check(String department, String matter, Map<String, String> values) {
    }

    /** @return the definitions of the active departments, by id */
    Map<String, DepartmentDefinition> active();

    /**
     * @param active departments as {@link #active()} gave them: one view for everything one request
     *        plans, so that a department leaving meanwhile cannot make the parts disagree
     * @return the shared dictionary and these departments' own data elements, by id
     */
    Map<String, DataElement> elements(Map<String, DepartmentDefinition> active);

    /** @return every data element known now: the shared dictionary and the active departments' own, by id */
    default Map<String, DataElement> elements() {
        return elements(active());
    }

    /**
     * Runs the checks through the guarded path, in parallel under one common deadline (at most
     * {@code callsPerDepartment} at a time into one department).
     *
     * @return per check, in order, the department's problems or a failure (absent department, time-out,
     *         department busy with calls past their timeout, exception)
     */
    List<Outcome<List<FieldProblem>>> check(List<Check> checks);

    /** Runs one {@link org.tanghulu.api.Department#check} through the guarded path; see {@link #check(List)}. */
    default Outcome<List<FieldProblem>> check(String department, String matter, Map<String, String> values) {
        return check(List.of(new Check(department, matter, values))).get(0);
    }

    /**
     * Runs other code a department registered (its exchange adapter, say) through the same guarded
     * path as {@link #check}: the department's bounded slots and the call timeout. The department
     * need not be active: an adapter may outlive its department for a moment.
     *
     * @param department whose code it is; its slots are used
     * @param what what is called, for the failure text (e.g. {@code "mode(statistical-registration)"})
     * @param code the call
     * @return its value, or a failure (time-out, exception, department busy, {@code null} returned)
     * @since 1.1
     */
    <T> Outcome<T> call(String department, String what, java.util.concurrent.Callable<T> code);
}
