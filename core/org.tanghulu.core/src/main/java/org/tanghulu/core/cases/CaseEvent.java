package org.tanghulu.core.cases;

import java.time.Instant;

/**
 * One transition of a case or one of its tasks; events are only ever appended.
 *
 * @param sequence increases with every event on the platform
 * @param trackingNumber the case
 * @param taskId the task, or {@code null} for the case itself
 * @param at when
 * @param actor who: an officer's login, {@code applicant} or {@code platform}
 * @param type what happened, e.g. {@code SUBMITTED}, {@code TASK_CREATED}, {@code APPROVED}
 * @param before the state before, or {@code null}
 * @param after the state after, or {@code null}
 * @param detail a sentence with the particulars (outputs, reason, pause length); {@code null} for an
 *        officer reading another department's task on the case
 */
public record CaseEvent(long sequence, String trackingNumber, Long taskId, Instant at, String actor, String type,
        String before, String after, String detail) {
}
