package org.tanghulu.uploads;

import java.util.Objects;

/**
 * An application in progress that uploads belong to until it is submitted.
 *
 * @param owner the applicant's account id
 * @param group the function group applied for
 * @param submissionKey the form's submission key (16 to 100 letters, digits, {@code -} or {@code _}), the one
 *        the submission will carry
 */
public record Draft(long owner, String group, String submissionKey) {

    /** @throws IllegalArgumentException if the group or the key is missing or malformed */
    public Draft {
        Objects.requireNonNull(group, "group");
        if (submissionKey == null || !submissionKey.matches("[A-Za-z0-9_-]{16,100}")) {
            throw new IllegalArgumentException("malformed submission key");
        }
    }
}
