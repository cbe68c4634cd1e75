package org.tanghulu.catalog;

import java.time.Instant;
import java.util.List;

import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.LocalizedText;

/**
 * A present department as the core sees it.
 *
 * @param id the department id from its service property
 * @param name its name, or the id in both languages while it is unknown
 * @param state never {@link DepartmentState#ABSENT}
 * @param problems why it is refused, one readable sentence each; empty unless refused
 * @param bundle symbolic name and version of the bundle that registered it
 * @param since when it entered its state
 * @param definition its definition once read, else {@code null}
 * @param failures how many guarded calls into it timed out or threw
 */
public record DepartmentStatus(String id, LocalizedText name, DepartmentState state, List<String> problems,
        String bundle, Instant since, DepartmentDefinition definition, int failures) {

    /** Normalises {@code problems} to an unmodifiable list. */
    public DepartmentStatus {
        problems = List.copyOf(problems);
    }
}
