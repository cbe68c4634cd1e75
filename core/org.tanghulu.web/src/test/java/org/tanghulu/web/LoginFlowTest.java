package org.tanghulu.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.tanghulu.staff.Audience;
import org.tanghulu.staff.LoginAttempt;
import org.tanghulu.staff.LoginThrottle;

/** The flow around the throttle; the throttle itself is the core's (tested there and in StaffLoginIT). */
class LoginFlowTest {

    record Shown(int status, String failure) {
    }

    final List<Shown> shown = new ArrayList<>();
    final List<String> checked = new ArrayList<>();
    final Map<String, String> headers = new HashMap<>();
    final int[] status = { 0 };
    final Sessions sessions = Sessions.of("TEST", "/", 30, 8, 10);
    Duration lockedFor = Duration.ZERO;
    Audience counted;
    char[] passwordSeen;

    final LoginThrottle throttle = new LoginThrottle() {
        @Override
        public <T> LoginAttempt<T> attempt(Audience audience, String user, String address, Supplier<Optional<T>> check) {
            counted = audience;
            return lockedFor.isZero() ? new LoginAttempt<>(check.get(), Duration.ZERO)
                    : new LoginAttempt<>(Optional.empty(), lockedFor);
        }
    };

    final LoginFlow<String> flow = LoginFlow.<String>builder(throttle, Audience.STAFF, (user, password) -> {
        checked.add(user);
        passwordSeen = password;
        return "secret pw".equals(new String(password)) ? Optional.of(user.toUpperCase(Locale.ROOT)) : Optional.empty();
    }).userField("user").failedKey("web.error.forbidden").form((x, s, failure) -> shown.add(new Shown(s, failure)))
            .landing(x -> "/home").build();

    Exchange exchange(Map<String, String> params) {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> "POST";
                    case "getPathInfo" -> "/login";
                    case "getContextPath" -> "/desk";
                    case "getRemoteAddr" -> "192.0.2.1";
                    case "getParameter" -> params.get((String) a[0]);
                    case "isSecure" -> false;
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status[0] = (Integer) a[0];
                        case "setHeader", "addHeader" -> headers.put((String) a[0], (String) a[1]);
                        default -> {
                        }
                    }
                    return null;
                });
        return new Exchange(request, response, Texts.of(Locale.ENGLISH, getClass().getClassLoader()),
                new Pages(LoginFlowTest.class), sessions, new HashMap<>());
    }

    @Test
    void aRightPasswordStartsASessionAndGoesToTheLanding() throws Exception {
        flow.login(exchange(Map.of("user", " anna ", "password", "secret pw")));
        assertEquals(List.of("anna"), checked, "the name trimmed, the password as given");
        assertEquals(Audience.STAFF, counted);
        assertEquals(303, status[0]);
        assertEquals("/desk/home", headers.get("Location"));
        assertTrue(headers.get("Set-Cookie").startsWith("TEST="));
        assertEquals(1, sessions.size());
        assertTrue(shown.isEmpty());
        assertArrayEquals(new char[9], passwordSeen, "the password's characters are cleared after the check");
    }

    @Test
    void aWrongPasswordShowsTheFormWith401() throws Exception {
        flow.login(exchange(Map.of("user", "anna", "password", "guess")));
        assertEquals(List.of(new Shown(401, "You are not allowed to do this.")), shown);
        assertEquals(0, sessions.size());
        assertFalse(headers.containsKey("Location"));
    }

    @Test
    void aMissingNameOrPasswordIsNotEvenCounted() throws Exception {
        flow.login(exchange(Map.of("user", "anna")));
        flow.login(exchange(Map.of("user", "  ", "password", "x")));
        assertEquals(2, shown.size());
        assertTrue(shown.stream().allMatch(s -> s.status() == 401));
        assertEquals(null, counted);
        assertTrue(checked.isEmpty());
    }

    @Test
    void aLockAnswers429WithRetryAfterWithoutCheckingThePassword() throws Exception {
        lockedFor = Duration.ofSeconds(61);
        flow.login(exchange(Map.of("user", "anna", "password", "secret pw")));
        assertTrue(checked.isEmpty());
        assertEquals("61", headers.get("Retry-After"));
        assertEquals(List.of(new Shown(429, "Too many failed logins; try again in 2 minutes.")), shown);
        assertEquals(0, sessions.size());
    }

    @Test
    void theFormAndTheLogout() throws Exception {
        flow.show(exchange(Map.of()));
        assertEquals(List.of(new Shown(200, null)), shown);
        flow.logout(exchange(Map.of()), "/login");
        assertEquals(303, status[0]);
        assertEquals("/desk/login", headers.get("Location"));
        assertTrue(headers.get("Set-Cookie").contains("Max-Age=0"));
    }
}
