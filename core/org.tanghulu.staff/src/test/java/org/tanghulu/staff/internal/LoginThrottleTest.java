package org.tanghulu.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tanghulu.staff.Audience;
import org.tanghulu.staff.LoginAttempt;

/** The database throttle on H2 and Hibernate, as in the platform but outside OSGi. */
class LoginThrottleTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-03-02T02:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    private static final DatabaseLoginThrottle.Limits LIMITS = new DatabaseLoginThrottle.Limits(5, 12,
            Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static StaffTestDatabase db;
    private static final TestClock clock = new TestClock();
    private static DatabaseLoginThrottle throttle;
    private static final AtomicInteger checks = new AtomicInteger();
    private static final AtomicInteger addresses = new AtomicInteger();

    @BeforeAll
    static void start() {
        db = new StaffTestDatabase();
        throttle = new DatabaseLoginThrottle(db.database(), LIMITS, clock);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** A login whose password check says {@code right}, counted in {@link #checks}. */
    private static LoginAttempt<String> login(Audience audience, String user, String address, boolean right) {
        return throttle.attempt(audience, user, address, () -> {
            checks.incrementAndGet();
            return right ? Optional.of(user) : Optional.empty();
        });
    }

    private static String address() {
        return "10.0.0." + addresses.incrementAndGet();
    }

    private static int failures(String subject) {
        return db.txExpr(em -> {
            LoginFailureEntity f = em.find(LoginFailureEntity.class, subject);
            return f == null ? 0 : f.failures;
        });
    }

    @Test
    void fiveFailuresLockTheNameWithoutCheckingThePasswordAgainUntilTheLockoutEnds() {
        String ip = address();
        for (int i = 0; i < 5; i++) {
            LoginAttempt<String> a = login(Audience.STAFF, "wang", ip, false);
            assertFalse(a.locked(), "failure " + (i + 1) + " is still checked");
            assertTrue(a.who().isEmpty());
        }
        int before = checks.get();
        LoginAttempt<String> locked = login(Audience.STAFF, "Wang ", address(), true);
        assertTrue(locked.locked(), "the right password, other case and address, is refused");
        assertTrue(locked.who().isEmpty());
        assertEquals(Duration.ofMinutes(15), locked.lockedFor());
        assertEquals(15, locked.waitMinutes());
        assertEquals(900, locked.waitSeconds());
        assertEquals(before, checks.get(), "no password was checked while locked");

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertEquals(1, login(Audience.STAFF, "wang", ip, true).waitSeconds());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of("wang"), login(Audience.STAFF, "wang", ip, true).who());
        assertEquals(0, failures("staff:name:wang"), "a success forgets the name's failures");
    }

    @Test
    void aNameWithControlCharactersIsCountedUnderAKeyTheDatabaseStores() {
        String ip = address();
        for (int i = 0; i < 5; i++) {
            assertFalse(login(Audience.STAFF, "a\u0000b\u001b", ip, false).locked());
        }
        assertEquals(5, failures("staff:name:a\uFFFDb\uFFFD"));
        assertTrue(login(Audience.STAFF, "a\u0000b\u001b", address(), false).locked());
    }

    @Test
    void applicantsAndStaffAreCountedApart() {
        String ip = address();
        for (int i = 0; i < 5; i++) {
            login(Audience.APPLICANT, "li", ip, false);
        }
        assertTrue(login(Audience.APPLICANT, "li", ip, true).locked());
        assertEquals(Optional.of("li"), login(Audience.STAFF, "li", address(), true).who(),
                "the staff account li is not locked by the portal");
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        String ip = address();
        for (int i = 0; i < 4; i++) {
            login(Audience.STAFF, "zhao", ip, false);
        }
        clock.advance(Duration.ofMinutes(15));
        login(Audience.STAFF, "zhao", ip, false);
        assertFalse(login(Audience.STAFF, "zhao", ip, true).locked(), "4 old + 1 new is not 5 in the window");
    }

    @Test
    void oneAddressTryingManyNamesIsLockedForEveryName() {
        String ip = address();
        for (int i = 0; i < 12; i++) {
            assertFalse(login(Audience.STAFF, "spray-" + i, ip, false).locked());
        }
        LoginAttempt<String> a = login(Audience.STAFF, "someone-else", ip, true);
        assertTrue(a.locked(), "the address is locked");
        assertEquals(Optional.of("someone-else"), login(Audience.STAFF, "someone-else", address(), true).who(),
                "the same name from another address is not");
        assertEquals(12, failures("staff:address:" + ip));
    }

    @Test
    void aSuccessDoesNotForgetTheAddressesFailures() {
        String ip = address();
        for (int i = 0; i < 11; i++) {
            login(Audience.STAFF, "guess-" + i, ip, false);
            login(Audience.STAFF, "own-account", ip, true);
        }
        login(Audience.STAFF, "guess-last", ip, false);
        assertTrue(login(Audience.STAFF, "own-account", ip, true).locked());
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        int threads = 16;
        String[] ips = new String[threads];
        for (int i = 0; i < threads; i++) {
            ips[i] = address();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int locked = 0;
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LoginAttempt<String>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String ip = ips[i % 2]; // two addresses, eight failures each
                results.add(pool.submit(() -> {
                    go.await();
                    return login(Audience.STAFF, "concurrent", ip, false);
                }));
            }
            go.countDown();
            for (Future<LoginAttempt<String>> r : results) {
                assertTrue(r.get().who().isEmpty());
                locked += r.get().locked() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        // an attempt that starts after the fifth failure has committed is refused as locked, uncounted
        int counted = failures("staff:name:concurrent");
        assertEquals(threads, counted + locked, "every concurrent failure counted or refused as locked, none lost");
        assertTrue(counted >= 5, "counted " + counted);
        assertEquals(counted, failures("staff:address:" + ips[0]) + failures("staff:address:" + ips[1]),
                "each counted failure counted for its address too");
        assertTrue(login(Audience.STAFF, "concurrent", address(), true).locked());
    }
}
