package org.tanghulu.core.cases;

/** Where a case stands. */
public enum CaseState {
    /** Departments are working on it. */
    OPEN,
    /** Every matter was approved. */
    COMPLETED,
    /** A department rejected a matter; the case is closed. */
    REJECTED
}
