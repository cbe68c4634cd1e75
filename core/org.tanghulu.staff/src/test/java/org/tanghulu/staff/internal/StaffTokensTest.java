package org.tanghulu.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.staff.StaffToken;

/** Staff API tokens on H2 and Hibernate. */
class StaffTokensTest {

    private static StaffTestDatabase db;
    private static final LoginThrottleTest.TestClock clock = new LoginThrottleTest.TestClock();
    private static DatabaseStaffTokens tokens;
    private static final Actor WANG = new Actor("wang", Set.of("aic", "psb"), false);

    @BeforeAll
    static void start() {
        db = new StaffTestDatabase();
        tokens = new DatabaseStaffTokens(db.database(),
                new DatabaseStaffTokens.Lifetimes(Duration.ofMinutes(30), Duration.ofHours(2)), clock);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aTokenIsRandomStoredOnlyAsItsHashAndCarriesTheRolesOfTheLogin() {
        StaffToken t = tokens.issue(WANG);
        assertEquals(43, t.token().length(), "256 bits, URL-safe Base64");
        assertNotEquals(t.token(), tokens.issue(WANG).token());
        assertEquals(clock.instant().plus(Duration.ofHours(2)), t.expiresAt());
        assertEquals(Optional.of(WANG), tokens.actor(t.token()));
        assertEquals(Optional.empty(), db.txExpr(em -> Optional.ofNullable(em.find(StaffTokenEntity.class, t.token()))));
        StaffTokenEntity stored = db.txExpr(em -> em.find(StaffTokenEntity.class, DatabaseStaffTokens.hash(t.token())));
        assertEquals("wang", stored.user);
        assertEquals(64, stored.tokenHash.length());
    }

    @Test
    void garbageAndUnknownTokensAreNobody() {
        assertEquals(Optional.empty(), tokens.actor(null));
        assertEquals(Optional.empty(), tokens.actor("x"));
        assertEquals(Optional.empty(), tokens.actor("A".repeat(43)));
        assertEquals(Optional.empty(), tokens.actor("' or 1=1 --" + "A".repeat(32)));
        assertFalse(tokens.revoke("A".repeat(43)));
    }

    @Test
    void logoutRevokesTheTokenOnly() {
        StaffToken a = tokens.issue(WANG);
        StaffToken b = tokens.issue(WANG);
        assertTrue(tokens.revoke(a.token()));
        assertEquals(Optional.empty(), tokens.actor(a.token()));
        assertFalse(tokens.revoke(a.token()), "revoked once");
        assertEquals(Optional.of(WANG), tokens.actor(b.token()));
    }

    @Test
    void aTokenEndsWhenIdleTooLongAndAtItsAbsoluteEndHoweverUsed() {
        StaffToken idle = tokens.issue(WANG);
        StaffToken used = tokens.issue(WANG);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(25));
            assertEquals(Optional.of(WANG), tokens.actor(used.token()), "used every 25 minutes: alive after " + (i + 1));
        }
        assertEquals(Optional.empty(), tokens.actor(idle.token()), "unused for 100 minutes");
        clock.advance(Duration.ofMinutes(19));
        assertEquals(Optional.of(WANG), tokens.actor(used.token()));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), tokens.actor(used.token()), "two hours after login");
    }
}
