package org.tanghulu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

class SessionsTest {

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final Hands clock = new Hands();
    final Sessions sessions = new Sessions("TEST", "/", Duration.ofMinutes(30), Duration.ofHours(8), 3, clock);
    final List<String> setCookies = new ArrayList<>();

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (p, m, a) -> {
                    if (m.getName().equals("addHeader") && "Set-Cookie".equals(a[0])) {
                        setCookies.add((String) a[1]);
                    }
                    return null;
                });
    }

    HttpServletRequest request(String sessionId) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (p, m, a) -> switch (m.getName()) {
                    case "getCookies" -> sessionId == null ? null : new Cookie[] { new Cookie("TEST", sessionId) };
                    case "isSecure" -> false;
                    default -> null;
                });
    }

    String lastId() {
        String cookie = setCookies.get(setCookies.size() - 1);
        return cookie.substring("TEST=".length(), cookie.indexOf(';'));
    }

    @Test
    void loginStartsANewSessionAndTheOldIdentifierIsWorthless() {
        sessions.open(request(null), response());
        String anonymous = lastId();
        assertTrue(setCookies.get(0).contains("HttpOnly") && setCookies.get(0).contains("SameSite=Lax"));
        sessions.login(request(anonymous), response(), "alice");
        String loggedIn = lastId();
        assertNotEquals(anonymous, loggedIn);
        assertEquals(Optional.empty(), sessions.current(request(anonymous)));
        assertEquals(Optional.of("alice"), sessions.current(request(loggedIn)).flatMap(s -> s.principal(String.class)));
    }

    @Test
    void idleAndAbsoluteTimeoutsEndSessions() {
        sessions.login(request(null), response(), "alice");
        String id = lastId();
        for (int i = 0; i < 16; i++) { // active every 29 minutes: the idle timeout never strikes...
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            assertTrue(sessions.current(request(id)).isPresent(), "active session ended after " + i);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(29)); // ...but 17 x 29 min > 8 h: the absolute one does
        assertFalse(sessions.current(request(id)).isPresent());

        sessions.login(request(null), response(), "bob");
        String bob = lastId();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertFalse(sessions.current(request(bob)).isPresent());
    }

    @Test
    void csrfTokenIsPerSessionAndCheckedExactly() {
        Sessions.Session a = sessions.open(request(null), response());
        Sessions.Session b = sessions.open(request(null), response());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertTrue(a.csrfMatches(a.csrfToken()));
        assertFalse(a.csrfMatches(b.csrfToken()));
        assertFalse(a.csrfMatches(null));
        assertFalse(a.csrfMatches(""));
    }

    @Test
    void capacityDropsTheLeastRecentlyUsed() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.now = clock.now.plusSeconds(1);
            sessions.login(request(null), response(), "user" + i);
            ids.add(lastId());
        }
        assertEquals(3, sessions.size());
        assertFalse(sessions.current(request(ids.get(0))).isPresent());
        assertTrue(sessions.current(request(ids.get(3))).isPresent());
    }
}
