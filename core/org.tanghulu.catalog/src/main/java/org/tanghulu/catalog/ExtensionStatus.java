package org.tanghulu.catalog;

import java.util.List;

import org.tanghulu.api.definition.GroupExtension;

/**
 * A contributed extension of a function group and whether it applies.
 *
 * @param extension the definition
 * @param bundle the bundle that contributed it
 * @param state whether it applies
 * @param reasons why it is refused or waiting; empty when it applies
 */
public record ExtensionStatus(GroupExtension extension, String bundle, State state, List<String> reasons) {

    /** Whether an extension applies. */
    public enum State {
        /** Its matters are part of the group's new cases. */
        APPLIED,
        /** The group or a department of its matters is not installed yet; the group runs without it. */
        WAITING,
        /** Not clear (a missing matter, a cycle, a refused department, a taken id); the group runs without it. */
        REFUSED
    }

    /** Normalises the list to an unmodifiable one. */
    public ExtensionStatus {
        reasons = List.copyOf(reasons);
    }
}
