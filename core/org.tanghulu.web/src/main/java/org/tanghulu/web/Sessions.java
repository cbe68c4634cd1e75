package org.tanghulu.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The sessions of one set of pages (the portal's or the desk's), each under its own cookie name so
 * that both can be open in one browser. A session ends when it has been idle for the idle timeout
 * or has lived for the absolute timeout, whichever comes first; logging in always starts a new
 * session (a new identifier), so an identifier known before login is worth nothing after it.
 *
 * <p>Held in memory: a restart logs everybody out, which for this platform is the safe side.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String cookieName;
    private final String cookiePath;
    private final Duration idle;
    private final Duration absolute;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /**
     * @param cookieName the session cookie's name
     * @param cookiePath the path the cookie is sent for
     * @param idle how long an unused session lives
     * @param absolute how long any session lives
     * @param capacity the most sessions kept; beyond it the least recently used are dropped
     */
    public Sessions(String cookieName, String cookiePath, Duration idle, Duration absolute, int capacity, Clock clock) {
        this.cookieName = cookieName;
        this.cookiePath = cookiePath;
        this.idle = idle;
        this.absolute = absolute;
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * The sessions of a set of pages as configured: idle and absolute timeouts in the configuration's
     * units, on the system clock.
     *
     * @throws IllegalArgumentException if a timeout or the capacity is not positive
     */
    public static Sessions of(String cookieName, String cookiePath, int idleMinutes, int absoluteHours,
            int capacity) {
        if (idleMinutes < 1 || absoluteHours < 1 || capacity < 1) {
            throw new IllegalArgumentException("session timeouts and capacity must be positive: idle " + idleMinutes
                    + " min, absolute " + absoluteHours + " h, capacity " + capacity);
        }
        return new Sessions(cookieName, cookiePath, Duration.ofMinutes(idleMinutes), Duration.ofHours(absoluteHours),
                capacity, Clock.systemUTC());
    }

    /** One visitor's session. The principal is whoever logged in, or {@code null}. */
    public static final class Session {
        private final String id;
        private final String csrfToken;
        private final Instant created;
        private volatile Instant lastSeen;
        private final Object principal;

        Session(String id, Instant now, Object principal) {
            this.id = id;
            this.csrfToken = token();
            this.created = now;
            this.lastSeen = now;
            this.principal = principal;
        }

        public String csrfToken() {
            return csrfToken;
        }

        public Instant created() {
            return created;
        }

        /** @return who logged in, if anybody and of that type */
        public <T> Optional<T> principal(Class<T> type) {
            return type.isInstance(principal) ? Optional.of(type.cast(principal)) : Optional.empty();
        }

        /** @return whether {@code token} is this session's CSRF token (compared in constant time) */
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(), token.getBytes());
        }
    }

    /** @return the request's live session, if it has one; using it counts as activity */
    public Optional<Session> current(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (Cookie cookie : cookies) {
            if (cookieName.equals(cookie.getName())) {
                Session session = sessions.get(cookie.getValue());
                if (session != null) {
                    if (expired(session, now)) {
                        sessions.remove(session.id);
                    } else {
                        session.lastSeen = now;
                        return Optional.of(session);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** @return the request's session, or a new anonymous one (for its CSRF token) */
    public Session open(HttpServletRequest request, HttpServletResponse response) {
        return current(request).orElseGet(() -> start(request, response, null));
    }

    /** Ends the current session, if any, and starts a new one for {@code principal}. */
    public Session login(HttpServletRequest request, HttpServletResponse response, Object principal) {
        current(request).ifPresent(s -> sessions.remove(s.id));
        return start(request, response, principal);
    }

    /** Ends the current session, if any, and tells the browser to forget its cookie. */
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        current(request).ifPresent(s -> sessions.remove(s.id));
        setCookie(request, response, "", 0);
    }

    /** @return how many sessions are live now */
    public int size() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        return sessions.size();
    }

    private Session start(HttpServletRequest request, HttpServletResponse response, Object principal) {
        Instant now = clock.instant();
        if (sessions.size() >= capacity) {
            sessions.values().removeIf(s -> expired(s, now));
            while (sessions.size() >= capacity) {
                sessions.values().stream().min(Comparator.comparing((Session s) -> s.lastSeen))
                        .ifPresent(s -> sessions.remove(s.id));
            }
        }
        Session session = new Session(token(), now, principal);
        sessions.put(session.id, session);
        setCookie(request, response, session.id, -1);
        return session;
    }

    private boolean expired(Session session, Instant now) {
        return session.lastSeen.plus(idle).isBefore(now) || session.created.plus(absolute).isBefore(now);
    }

    private void setCookie(HttpServletRequest request, HttpServletResponse response, String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(cookieName).append('=').append(value)
                .append("; Path=").append(cookiePath).append("; HttpOnly; SameSite=Lax");
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (request.isSecure()) {
            cookie.append("; Secure");
        }
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
