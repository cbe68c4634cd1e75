package org.tanghulu.core.accounts;

import java.time.Instant;

/**
 * An applicant's account, without its password.
 *
 * @param id the account's id; the {@code owner} of the cases it submits
 * @param username the lower-case user name
 * @param name the applicant's name
 * @param email the mail address, or {@code null}
 * @param mobile the mobile number, or {@code null}
 * @param created when the account was opened
 */
public record Account(long id, String username, String name, String email, String mobile, Instant created) {
}
