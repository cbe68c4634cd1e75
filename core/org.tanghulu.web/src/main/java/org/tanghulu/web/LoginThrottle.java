package org.tanghulu.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for one user name within
 * {@code window}, that name may not log in for {@code lockout}, right password or not. A success
 * forgets the failures. Kept in memory, like the sessions; at most {@code capacity} names are tracked
 * (the oldest are dropped first).
 */
public final class LoginThrottle {

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Duration lockout, int capacity, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The platform's setting: 5 failures within 15 minutes lock the name for 15 minutes. */
    public static LoginThrottle standard() {
        return new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 100_000, Clock.systemUTC());
    }

    /** @return the wait in whole minutes, rounded up, for telling a person */
    public static long minutes(Duration wait) {
        return (wait.toSeconds() + 59) / 60;
    }

    /** @return how long {@code user} must still wait before trying again; zero if it may try now */
    public Duration wait(String user) {
        Failures f = failures.get(key(user));
        if (f == null || f.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Counts a failed login of {@code user}; the one that reaches the limit starts the lockout. */
    public void failed(String user) {
        Instant now = clock.instant();
        if (failures.size() >= capacity) {
            failures.values().removeIf(f -> f.first().plus(window).plus(lockout).isBefore(now));
            if (failures.size() >= capacity) {
                failures.entrySet().stream().min(Map.Entry.comparingByValue(
                        (a, b) -> a.first().compareTo(b.first()))).ifPresent(e -> failures.remove(e.getKey()));
            }
        }
        failures.compute(key(user), (k, f) -> {
            if (f == null || f.first().plus(window).isBefore(now)
                    || (f.lockedUntil() != null && !f.lockedUntil().isAfter(now))) {
                f = new Failures(0, now, null);
            }
            int count = f.count() + 1;
            return new Failures(count, f.first(), count >= maxFailures ? now.plus(lockout) : null);
        });
    }

    /** Forgets the failures of {@code user} after a successful login. */
    public void succeeded(String user) {
        failures.remove(key(user));
    }

    private static String key(String user) {
        return user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
    }
}
