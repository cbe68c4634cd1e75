package org.tanghulu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    final SessionsTest.Hands clock = new SessionsTest.Hands();
    final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), Duration.ofMinutes(5), 100, clock);

    @Test
    void theThirdFailureWithinTheWindowLocksTheNameForTheLockout() {
        throttle.failed("Alice");
        throttle.failed("alice ");
        assertEquals(Duration.ZERO, throttle.wait("alice"));
        throttle.failed("ALICE");
        assertEquals(Duration.ofMinutes(5), throttle.wait("alice"));
        assertEquals(Duration.ZERO, throttle.wait("bob"), "other names are not affected");
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertEquals(Duration.ofMinutes(1), throttle.wait("alice"));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, throttle.wait("alice"));
        throttle.failed("alice"); // after a lockout the count starts again
        assertEquals(Duration.ZERO, throttle.wait("alice"));
    }

    @Test
    void failuresOutsideTheWindowAndBeforeASuccessDoNotCount() {
        throttle.failed("alice");
        throttle.failed("alice");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        throttle.failed("alice");
        assertEquals(Duration.ZERO, throttle.wait("alice"));
        throttle.failed("alice");
        throttle.succeeded("alice");
        throttle.failed("alice");
        throttle.failed("alice");
        assertEquals(Duration.ZERO, throttle.wait("alice"));
    }

    @Test
    void capacityIsBounded() {
        LoginThrottle small = new LoginThrottle(1, Duration.ofMinutes(15), Duration.ofMinutes(5), 2, clock);
        small.failed("a");
        clock.now = clock.now.plusSeconds(1);
        small.failed("b");
        clock.now = clock.now.plusSeconds(1);
        small.failed("c");
        assertEquals(Duration.ZERO, small.wait("a"), "the oldest was dropped");
        assertEquals(Duration.ofMinutes(5), small.wait("c"));
    }
}
