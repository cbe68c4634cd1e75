package org.tanghulu.exchange;

import java.time.Instant;

/**
 * A callback the platform refused, as recorded.
 *
 * @param at when it arrived
 * @param department the department it claimed to come from (the path it was sent to)
 * @param task the task it named, or {@code null} if it named none the platform could read
 * @param status the HTTP status it got
 * @param reason why it was refused
 * @since 1.2
 */
public record RefusedCallback(Instant at, String department, Long task, int status, String reason) {
}
