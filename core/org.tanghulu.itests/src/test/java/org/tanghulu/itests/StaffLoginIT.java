package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Staff logins on the real distribution: the throttle shared by the desk's login form (desk port)
 * and the API's login (portal port), per name and per client address, kept in the database across
 * a restart; the console's own login untouched by it; bearer tokens instead of passwords. One
 * platform for the class; every request comes from 127.0.0.1, so the failures of all tests count
 * towards that address, which is locked last.
 */
@Tag("long") // once, in .ci/run's PostgreSQL step: keeps the README's test command under 10 minutes
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffLoginIT {

    private static final String PG_DATABASE = "tanghulu_it_logins";
    private static final int NAME_FAILURES = 5;
    /** Set in etc/org.tanghulu.login.cfg: reached only by the last test, after the 15 failures of the others. */
    private static final int ADDRESS_FAILURES = 24;
    private static final String OFFICER = "login-officer";
    private static final String API_VICTIM = "api-victim";
    private static final String DESK_VICTIM = "desk-victim";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Distribution karaf;
    /** A token of {@link #OFFICER} kept across the restart. */
    private String kept;
    private int failures;

    @BeforeAll
    void boot() throws Exception {
        karaf = new Distribution("logins-" + ItDatabase.kind(), ItDatabase.datasource(PG_DATABASE));
        karaf.edit("org.tanghulu.login.cfg", Map.of("addressFailures", String.valueOf(ADDRESS_FAILURES)));
        for (String name : new String[] {OFFICER, API_VICTIM, DESK_VICTIM}) {
            karaf.staff(name, "officer-aic");
        }
        karaf.start();
    }

    @AfterAll
    void shutdown() throws InterruptedException {
        if (karaf != null) {
            karaf.close();
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException {
        return karaf.send("GET", path, null, "Authorization", authorization);
    }

    /** A failed API login, counted. */
    private void failApi(String name) throws IOException {
        HttpResponse<String> r = karaf.staffLogin(name, "wrong-" + failures);
        assertEquals(401, r.statusCode(), r.body());
        failures++;
    }

    private static void assertLocked(HttpResponse<String> r) {
        assertEquals(429, r.statusCode(), r.body());
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retry > 0 && retry <= 15 * 60, "Retry-After " + retry);
        assertTrue(r.body().contains("minute"), "says how long: " + r.body());
    }

    /** The desk's login form, as a browser sends it: the form first (session and CSRF token), then the POST. */
    private HttpResponse<String> deskLogin(String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(karaf.desk("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertTrue(csrf.find(), form.body());
        String body = "_csrf=" + enc(csrf.group(1)) + "&user=" + enc(user) + "&password=" + enc(password);
        return browser.send(HttpRequest.newBuilder(URI.create(karaf.desk("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void aTokenFromTheLoginOpensTheApiUntilLogoutAndNothingElseDoes() throws Exception {
        HttpResponse<String> login = karaf.staffLogin(OFFICER, Distribution.STAFF_PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
        JsonNode answer = Distribution.JSON.readTree(login.body());
        assertEquals(OFFICER, answer.get("user").asText());
        assertEquals("[\"aic\"]", answer.get("departments").toString());
        assertFalse(answer.get("supervisor").asBoolean());
        assertTrue(answer.get("expiresAt").asText().matches("\\d{4}-.*Z"), answer.toString());
        String token = "Bearer " + answer.get("token").asText();
        assertEquals(200, get("/api/tasks", token).statusCode());

        kept = karaf.staffAuthorization(OFFICER);
        HttpResponse<String> logout = karaf.send("POST", "/api/staff/logout", null, "Authorization", token);
        assertEquals(204, logout.statusCode(), logout.body());
        assertEquals(401, get("/api/tasks", token).statusCode(), "logged out");
        assertEquals(401, karaf.send("POST", "/api/staff/logout", null, "Authorization", token).statusCode());
        assertEquals(200, get("/api/tasks", kept).statusCode(), "another login's token still works");

        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (OFFICER + ":" + Distribution.STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String refused : new String[] {basic, "Bearer " + "A".repeat(43), "Bearer garbage", "Token x", ""}) {
            HttpResponse<String> r = get("/api/tasks", refused);
            assertEquals(401, r.statusCode(), refused + ": " + r.body());
            assertTrue(r.body().contains("POST /api/staff/login"), "says how to log in: " + r.body());
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), r.headers().map().toString());
        }
        assertEquals(400, karaf.send("POST", "/api/staff/login", "{\"user\":\"x\"}").statusCode(), "no password");
    }

    @Test
    @Order(2)
    void guessingOnTheApiLocksTheNameOnTheApiAndOnTheDesk() throws Exception {
        for (int i = 0; i < NAME_FAILURES; i++) {
            failApi(API_VICTIM);
        }
        assertLocked(karaf.staffLogin(API_VICTIM, Distribution.STAFF_PASSWORD));
        HttpResponse<String> desk = deskLogin(API_VICTIM, Distribution.STAFF_PASSWORD);
        assertEquals(429, desk.statusCode(), "the right password on the desk during the lockout");
        assertTrue(desk.headers().firstValue("Retry-After").isPresent());
        assertTrue(desk.body().contains("15"), "says how many minutes");
        assertEquals(200, karaf.staffLogin(OFFICER, Distribution.STAFF_PASSWORD).statusCode(), "other names log in");
    }

    @Test
    @Order(3)
    void guessingOnTheDeskLocksTheNameOnTheDeskAndOnTheApi() throws Exception {
        for (int i = 0; i < NAME_FAILURES; i++) {
            assertEquals(401, deskLogin(DESK_VICTIM, "wrong-" + i).statusCode(), "attempt " + i);
            failures++;
        }
        assertEquals(429, deskLogin(DESK_VICTIM, Distribution.STAFF_PASSWORD).statusCode(), "the right password");
        assertLocked(karaf.staffLogin(DESK_VICTIM, Distribution.STAFF_PASSWORD));
        assertEquals(303, deskLogin(OFFICER, Distribution.STAFF_PASSWORD).statusCode(), "other names log in on the desk");
    }

    @Test
    @Order(4)
    void aNameLockedOnThePublicPortStillLogsInToTheConsole() throws Exception {
        for (int i = 0; i < NAME_FAILURES; i++) {
            failApi(Distribution.ADMIN);
        }
        assertLocked(karaf.staffLogin(Distribution.ADMIN, Distribution.PASSWORD));
        assertFalse(karaf.consoleFails(Distribution.ADMIN, Distribution.PASSWORD), "the console's own login");
        assertTrue(karaf.console("tanghulu:departments").contains("aic"), "the admin runs commands");
    }

    @Test
    @Order(5)
    void lockoutsAndTokensSurviveARestart() throws Exception {
        karaf.stop();
        karaf.start();
        assertLocked(karaf.staffLogin(API_VICTIM, Distribution.STAFF_PASSWORD));
        assertEquals(429, deskLogin(DESK_VICTIM, Distribution.STAFF_PASSWORD).statusCode());
        assertEquals(200, get("/api/tasks", kept).statusCode(), "a token is kept in the database");
        assertEquals(200, karaf.staffLogin(OFFICER, Distribution.STAFF_PASSWORD).statusCode());
    }

    @Test
    @Order(6)
    void oneAddressGuessingManyNamesIsLockedForEveryName() throws Exception {
        assertEquals(3 * NAME_FAILURES, failures);
        for (int i = 0; failures < ADDRESS_FAILURES; i++) {
            failApi("sprayed-" + i);
        }
        assertLocked(karaf.staffLogin(OFFICER, Distribution.STAFF_PASSWORD));
        assertEquals(429, deskLogin(OFFICER, Distribution.STAFF_PASSWORD).statusCode(), "the desk too");
        assertEquals(200, get("/api/tasks", kept).statusCode(), "a token already issued is not a login");
        assertFalse(karaf.consoleFails(Distribution.ADMIN, Distribution.PASSWORD), "nor is the console locked");
    }
}
