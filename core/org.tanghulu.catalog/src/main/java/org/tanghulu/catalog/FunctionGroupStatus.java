package org.tanghulu.catalog;

import java.util.List;

import org.tanghulu.api.definition.FunctionGroup;

/**
 * A contributed function group and whether it can take new cases.
 *
 * @param group the definition
 * @param bundle the bundle that contributed it
 * @param problems why the definition itself is refused; empty if it is clear
 * @param missing why it cannot take new cases now (a department not installed, a
 *        matter not defined); empty if it is available
 */
public record FunctionGroupStatus(FunctionGroup group, String bundle, List<String> problems, List<String> missing) {

    /** Normalises lists to unmodifiable ones. */
    public FunctionGroupStatus {
        problems = List.copyOf(problems);
        missing = List.copyOf(missing);
    }

    /** @return whether new cases can be started on this group */
    public boolean available() {
        return problems.isEmpty() && missing.isEmpty();
    }
}
