package org.tanghulu.core.accounts;

/**
 * What an applicant gives to open an account. Never logged, never kept as given: the password
 * is only ever stored as a bcrypt hash.
 *
 * @param username 3 to 32 characters of {@code a-z 0-9 . _ -}; upper-case letters are
 *        lower-cased first; unique on the platform
 * @param password at least 10 characters and at most 72 bytes in UTF-8, not containing the
 *        user name
 * @param name the applicant's name, 1 to 50 characters
 * @param email a mail address; may be {@code null} or blank
 * @param mobile a mainland mobile number (11 digits starting 13 to 19); may be {@code null} or blank
 */
public record Registration(String username, String password, String name, String email, String mobile) {

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "Registration[username=" + username + ", name=" + name + ", email=" + email + ", mobile=" + mobile + "]";
    }
}
