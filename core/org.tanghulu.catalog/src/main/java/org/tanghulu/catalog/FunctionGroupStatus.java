package org.tanghulu.catalog;

import java.util.List;

import org.tanghulu.api.definition.FunctionGroup;

/**
 * A contributed function group and whether it can take new cases.
 *
 * @param group the definition as new cases run it: with the matters of the applied
 *        extensions added and, if there are any, at the version of that edition
 * @param bundle the bundle that contributed it
 * @param problems why the definition itself is refused; empty if it is clear
 * @param missing why it cannot take new cases now (a department not installed, a
 *        matter not defined); empty if it is available
 * @param extensions the ids of the extensions applied, sorted (since 1.2)
 */
public record FunctionGroupStatus(FunctionGroup group, String bundle, List<String> problems, List<String> missing,
        List<String> extensions) {

    /** Normalises lists to unmodifiable ones. */
    public FunctionGroupStatus {
        problems = List.copyOf(problems);
        missing = List.copyOf(missing);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** A group without extensions. */
    public FunctionGroupStatus(FunctionGroup group, String bundle, List<String> problems, List<String> missing) {
        this(group, bundle, problems, missing, List.of());
    }

    /** @return whether new cases can be started on this group */
    public boolean available() {
        return problems.isEmpty() && missing.isEmpty();
    }
}
