package org.tanghulu.core.progress;

/** Where one matter of a case stands, in the words an applicant understands. */
public enum Stage {
    /** Not begun: it waits for an earlier step (its task does not exist yet). */
    WAITING,
    /** Its department is working on it (ready or claimed). */
    IN_PROGRESS,
    /** Its department asked the applicant for a correction (补正) and waits for the answer. */
    CORRECTION,
    /** Its task waits for a material the applicant promised (容缺) or that is asked at its step. */
    MATERIAL,
    /** Approved, or done before the case began (a held result the department confirmed). */
    DONE,
    /** Rejected by its department. */
    REJECTED,
    /** Will not be done: another matter of the case was rejected. */
    CANCELLED
}
