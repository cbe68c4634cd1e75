package org.tanghulu.core.cases;

/** Where one department's task on a case stands. */
public enum TaskState {
    /** Ready for an officer of the department to claim. */
    READY,
    /**
     * Created, but waiting for materials from the applicant ({@link MaterialWait}): a minor material
     * promised at submission, or one asked at this step. Not workable; it becomes {@link #READY},
     * and its time limits start, when the last one is supplied.
     */
    WAITING,
    /** An officer has claimed it. */
    CLAIMED,
    /** Waiting for the applicant to answer a correction request (补证); the clock is paused. */
    CORRECTION,
    /** Approved; its outputs are data for later matters. */
    APPROVED,
    /** Rejected with a reason. */
    REJECTED,
    /** Closed without a decision because another matter of the case was rejected. */
    CANCELLED,
    /**
     * Done before the case began: the applicant already held the result ({@link HeldResult}) and the
     * department's system confirmed it; its outputs are data for later matters, as for {@link #APPROVED}.
     */
    REUSED;

    /** @return whether the task still waits for a decision */
    public boolean open() {
        return this == READY || this == WAITING || this == CLAIMED || this == CORRECTION;
    }

    /** @return whether the matter's outputs exist: {@link #APPROVED} or {@link #REUSED} */
    public boolean hasOutputs() {
        return this == APPROVED || this == REUSED;
    }
}
