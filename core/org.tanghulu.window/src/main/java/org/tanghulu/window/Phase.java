package org.tanghulu.window;

/** Where a case stands at the window. */
public enum Phase {
    /** Submitted; the originals are not checked yet (on the acceptance list). */
    ACCEPTANCE,
    /** Originals checked; the departments are at work. */
    IN_PROGRESS,
    /** Completed: the certificates wait to be handed over (on the hand-over list). */
    READY,
    /** Handed over; the applicant has not confirmed yet (no signature on paper either). */
    HANDED_OVER,
    /** Handed over and confirmed by the applicant, on the portal or by a signature on paper. */
    CONFIRMED,
    /** The case was rejected: nothing to hand over. */
    REJECTED
}
