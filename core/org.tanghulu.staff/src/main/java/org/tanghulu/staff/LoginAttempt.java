package org.tanghulu.staff;

import java.time.Duration;
import java.util.Optional;

/**
 * What became of one login attempt.
 *
 * @param who the logged-in party; empty if the password was wrong or the attempt was not checked
 * @param lockedFor how long the name or the address is locked; zero unless the attempt was refused
 *        unchecked because of an earlier run of failures
 * @param <T> what a successful check yields
 */
public record LoginAttempt<T>(Optional<T> who, Duration lockedFor) {

    /** @return whether the attempt was refused without checking the password */
    public boolean locked() {
        return !lockedFor.isZero();
    }

    /** @return the wait in whole seconds, rounded up, for a {@code Retry-After} header */
    public long waitSeconds() {
        return (lockedFor.toMillis() + 999) / 1000;
    }

    /** @return the wait in whole minutes, rounded up, for telling a person */
    public long waitMinutes() {
        return (waitSeconds() + 59) / 60;
    }
}
