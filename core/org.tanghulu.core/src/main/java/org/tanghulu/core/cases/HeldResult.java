package org.tanghulu.core.cases;

import org.tanghulu.api.definition.MatterKey;

/**
 * A result the applicant already holds (a name pre-approval notice, a licence), entered instead of
 * applying for its matter again: the platform confirms it with the issuing department's system
 * ({@link ResultVerifier}), records the matter as {@link TaskState#REUSED} with the outputs the system
 * returns, and the case starts at the step after it (once-only reuse).
 *
 * @param matter the matter whose result is held
 * @param reference the number on the result, as printed on it
 * @param holderId the identity-card number of the person the result was issued to (for a name
 *        pre-approval: the designated representative or an investor); the department's system
 *        refuses a result that is not this person's
 */
public record HeldResult(MatterKey matter, String reference, String holderId) {
}
