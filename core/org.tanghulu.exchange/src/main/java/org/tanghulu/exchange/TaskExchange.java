package org.tanghulu.exchange;

import java.time.Instant;

/**
 * Where a task of a {@link org.tanghulu.api.exchange.ExchangeMode#DIRECT} or
 * {@link org.tanghulu.api.exchange.ExchangeMode#FRONT_END} matter stands with its department's system.
 *
 * @param task the task's id
 * @param trackingNumber its case
 * @param department its department
 * @param matter its matter's id
 * @param state where it stands
 * @param attempts how many times it was sent
 * @param updated when it last changed
 * @param reason for {@link State#DESK} why it came to the desk; else the last failure, or {@code null}
 * @since 1.2
 */
public record TaskExchange(long task, String trackingNumber, String department, String matter, State state, int attempts,
        Instant updated, String reason) {

    /** The stages of a task's exchange. */
    public enum State {
        /** To be sent (again, after a failure) to the department's system. */
        QUEUED,
        /** The system accepted it and will answer by callback. */
        WAITING,
        /** The system asked the applicant for a correction; the task goes to it again once answered. */
        WAITING_CORRECTION,
        /** The system's answer decided it. */
        DONE,
        /** Handed to the officers on the desk; {@link TaskExchange#reason} says why. */
        DESK
    }

    /** @return whether the department's system handles it now, so that officers leave it alone */
    public boolean automatic() {
        return state == State.QUEUED || state == State.WAITING || state == State.WAITING_CORRECTION;
    }
}
