package org.tanghulu.exchange;

import java.time.Instant;

/**
 * A result from a department's front-end processor that the platform could not use (not readable, an
 * unknown task, another department's task, a second decision, a decision the case engine refused),
 * parked so that it is neither lost nor retried forever. The console lists it and sends it back once
 * the cause is mended ({@link Exchanges#resend}).
 *
 * @param id the parked result's number, for {@link Exchanges#resend}
 * @param at when it was parked, or last sent back
 * @param department the department whose front-end processor wrote it
 * @param messageId the front-end processor's id of the result
 * @param reason why it could not be used
 * @param body the result as written
 * @since 1.2
 */
public record ParkedResult(long id, Instant at, String department, String messageId, String reason, String body) {
}
