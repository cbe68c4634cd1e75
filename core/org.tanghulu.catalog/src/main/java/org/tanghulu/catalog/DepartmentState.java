package org.tanghulu.catalog;

/** Where a department stands with the platform. */
public enum DepartmentState {
    /** Its service arrived; its definition is being read and checked. */
    LOADING,
    /** Accepted: its matters can be used. */
    ACTIVE,
    /** Its definition could not be read or is not clear; see the problems. */
    REFUSED,
    /** Seen before, not installed now. */
    ABSENT
}
