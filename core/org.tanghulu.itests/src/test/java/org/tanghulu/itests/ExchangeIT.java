package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tanghulu.itests.ExchangeCases.count;
import static org.tanghulu.itests.ExchangeCases.state;
import static org.tanghulu.itests.ExchangeCases.task;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tanghulu.simulator.DepartmentSystem;

/**
 * The departments' own systems, on a platform started as the README's demo ({@code bin/tanghulu-demo}:
 * the demo department system answers for qts and stats in DIRECT mode and is the front-end processor of
 * ltax and ntax in FRONT_END mode): a case decided by those systems without an officer, with a dossier that verifies; callbacks that are forged, for another
 * department's task or for a closed task refused and recorded, and never served on the public port.
 * Tagged {@code reliability} (run by {@code .ci/run}, on H2 and PostgreSQL): stats relinked to a system in
 * this JVM that goes down (the breaker opens, the desk takes over, automatic handling resumes), answers by
 * callback twice and once more, and answers slowly while the platform is killed with {@code kill -9}; and
 * the platform killed while the front-end processor's batches are under way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeIT {

    /** Decided by the demo's department system: qts and stats DIRECT, ltax and ntax FRONT_END through its front-end processor. */
    private static final Set<String> AUTOMATIC = Set.of("qts", "stats", "ltax", "ntax");
    private static final String SECRET = "it-" + UUID.randomUUID() + "-stats-secret";

    private Distribution karaf;
    private int demoSystemPort;
    private ObjectNode application;
    private JsonNode outputs;
    private DepartmentSystem system;
    private ExchangeCases cases;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void boot() throws Exception {
        karaf = new Distribution("exchange-" + ItDatabase.kind(), ItDatabase.datasource("tanghulu_it_exchange"));
        for (String d : List.of("aic", "zgc", "psb", "qts", "ltax", "ntax", "stats", "lss")) {
            karaf.staff("officer-" + d, "officer-" + d);
        }
        // short times, so that retries, the breaker and a lost answer play out within the test
        karaf.edit("org.tanghulu.exchange.cfg", Map.of("timeoutMillis", "2000", "backoffMillis", "300",
                "breakerOpenSeconds", "4", "attempts", "3", "breakerFailures", "3"));
        demoSystemPort = Distribution.freePort();
        karaf.startDemo(demoSystemPort);
        application = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
        outputs = karaf.demo("enterprise-establishment-outputs.json");
        cases = new ExchangeCases(karaf, application, outputs, AUTOMATIC);
    }

    @AfterAll
    void shutdown() throws InterruptedException {
        if (system != null) {
            system.stop();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void theDemosSystemsDecideTheirMattersWithoutAnOfficerAndTheDossierVerifies() throws Exception {
        String links = karaf.console("tanghulu:exchange");
        assertTrue(links.contains("http://127.0.0.1:" + demoSystemPort + "/stats") && links.contains("organization-code")
                && links.contains("statistical-registration") && links.contains("CLOSED"), links);
        assertTrue(links.contains("front-end jdbc:h2:tcp://127.0.0.1:" + karaf.frontEndPort + "/fe")
                && links.contains("tax-registration"), links);

        ExchangeCases.Receipt r = cases.submit();
        JsonNode done = cases.drive(r, Set.of(), v -> "COMPLETED".equals(v.get("state").asText()), Duration.ofSeconds(120));
        for (String matter : List.of("qts/organization-code", "stats/statistical-registration", "ltax/tax-registration",
                "ntax/tax-registration")) {
            JsonNode t = task(done, matter);
            assertEquals("APPROVED", t.get("state").asText(), matter);
            assertEquals("exchange:" + matter.substring(0, matter.indexOf('/')), t.get("assignee").asText(), matter);
            assertEquals(outputs.get(matter), t.get("outputs"), matter + ": the outputs the department's system gave");
        }

        // the officer sees on the desk that the department's system decided it
        HttpClient officer = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AuthorizationIT.deskLogin(karaf, officer, "officer-qts");
        String page = officer.send(HttpRequest.newBuilder(URI.create(karaf.desk("/tasks/"
                + task(done, "qts/organization-code").get("id").asLong()))).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("id=\"task-exchange\" data-state=\"DONE\""), page);
        AuthorizationIT.deskLogin(karaf, officer, "officer-ltax");
        String fePage = officer.send(HttpRequest.newBuilder(URI.create(karaf.desk("/tasks/"
                + task(done, "ltax/tax-registration").get("id").asLong()))).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(fePage.contains("id=\"task-exchange\" data-state=\"DONE\""), fePage);

        String verify = "tanghulu:dossier --verify " + r.trackingNumber();
        Distribution.await(Duration.ofSeconds(30), "the dossier to hold every decision", () -> Distribution.is(true,
                () -> karaf.console(verify).contains("verifies: 26 entries")));
        List<String> dossier = cases.dossier(r);
        assertEquals(2, count(dossier, "DIRECT OUT ", " REQUEST "), dossier.toString());
        assertEquals(2, count(dossier, "DIRECT IN ", " ANSWER "), dossier.toString());
        assertEquals(2, count(dossier, "DIRECT IN ", " APPROVED "), dossier.toString());
        for (String d : List.of("ltax", "ntax")) {
            assertEquals(1, count(dossier, "FRONT_END OUT " + d + " TASK"), dossier.toString());
            assertEquals(1, count(dossier, "FRONT_END OUT " + d + " REQUEST"), dossier.toString());
            assertEquals(1, count(dossier, "FRONT_END IN " + d + " RESULT"), dossier.toString());
            assertEquals(1, count(dossier, "FRONT_END IN " + d + " APPROVED"), dossier.toString());
        }
        assertEquals(5, count(dossier, "MANUAL IN ", " APPROVED "), dossier.toString());
        assertEquals(1, count(dossier, "DIRECT OUT qts REQUEST", "\"JGMC\""),
                "qts's adapter renamed the company's name for its system: " + dossier);
    }

    @Test
    @Order(2)
    void forgedMisdirectedAndLateCallbacksAreRefusedAndRecorded() throws Exception {
        ExchangeCases.Receipt r = cases.submit();
        JsonNode done = cases.drive(r, Set.of(), v -> "COMPLETED".equals(v.get("state").asText()), Duration.ofSeconds(120));
        long stats = task(done, "stats/statistical-registration").get("id").asLong();
        long aic = task(done, "aic/name-preapproval").get("id").asLong();
        String statsSecret = Files.readString(karaf.home.resolve("demo/department-system/stats.secret")).strip();
        String qtsSecret = Files.readString(karaf.home.resolve("demo/department-system/qts.secret")).strip();
        String late = "{\"answerId\":\"late-1\",\"task\":" + stats + ",\"kind\":\"APPROVED\",\"outputs\":{}}";

        assertEquals(401, callback("stats", late, "not-" + statsSecret).statusCode(), "a forged signature");
        assertEquals(403, callback("qts", late, qtsSecret).statusCode(), "qts calling back on stats's task");
        assertEquals(404, callback("stats", late.replace("\"task\":" + stats, "\"task\":" + aic), statsSecret).statusCode(),
                "a task never sent to a system");
        HttpResponse<String> closed = callback("stats", late, statsSecret);
        assertEquals(409, closed.statusCode(), closed.body());
        assertTrue(closed.body().contains("decided already"), closed.body());
        assertEquals(400, callback("stats", "{\"task\":", statsSecret).statusCode());

        // the public port serves no callbacks (the portal takes it for a form without its CSRF token)
        HttpResponse<String> publicPort = karaf.send("POST", "/exchange/callback/stats", late);
        assertEquals(403, publicPort.statusCode(), publicPort.body());

        String listed = karaf.console("tanghulu:exchange");
        assertTrue(listed.contains("Callbacks refused") && listed.contains("signature does not match")
                && listed.contains("a task of department stats, not of qts") && listed.contains("decided already"), listed);
        JsonNode view = cases.view(r);
        assertEquals("APPROVED", task(view, "stats/statistical-registration").get("state").asText());
        assertEquals(1, cases.approvals(r, stats), "the late answer decided nothing");
    }

    @Test
    @Order(3)
    @Tag("reliability")
    void aSystemThatGoesDownOpensTheBreakerTheDeskTakesOverAndAutomaticHandlingResumes() throws Exception {
        relinkStats();
        system.down(true);
        ExchangeCases.Receipt down = cases.submit();
        JsonNode atDesk = cases.drive(down, Set.of(), v -> desk(down, v, "stats/statistical-registration"), Duration.ofSeconds(120));
        long task = task(atDesk, "stats/statistical-registration").get("id").asLong();
        List<String> dossier = cases.dossier(down);
        assertEquals(1, count(dossier, "MANUAL OUT stats TO_DESK", "circuit breaker"), dossier.toString());
        assertTrue(karaf.console("tanghulu:exchange").contains("OPEN"), "the breaker is open");
        // the officer sees on the task page why it came to the desk
        HttpClient officer = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AuthorizationIT.deskLogin(karaf, officer, "officer-stats");
        String page = officer.send(HttpRequest.newBuilder(URI.create(karaf.desk("/tasks/" + task))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("id=\"task-exchange\" data-state=\"DESK\"") && page.contains("circuit breaker"), page);
        // the officer decides it on the desk, and the case goes on
        cases.drive(down, Set.of("stats"), v -> "COMPLETED".equals(v.get("state").asText()), Duration.ofSeconds(60));
        assertEquals("officer-stats", task(cases.view(down), "stats/statistical-registration").get("assignee").asText());

        system.down(false);
        Thread.sleep(4500); // the breaker's open time
        ExchangeCases.Receipt after = cases.submit();
        JsonNode done = cases.drive(after, Set.of(), v -> "COMPLETED".equals(v.get("state").asText()), Duration.ofSeconds(120));
        assertEquals("exchange:stats", task(done, "stats/statistical-registration").get("assignee").asText(),
                "automatic again after recovery");
        assertTrue(karaf.console("tanghulu:exchange").contains("CLOSED"));
        assertEquals(0, system.requests(task), "the system was down: nothing reached it");
        assertEquals(1, count(dossier, "DIRECT OUT stats REQUEST"), "but the platform had tried: " + dossier);
    }

    @Test
    @Order(4)
    @Tag("reliability")
    void answersByCallbackRepeatedAndDuplicatedDecideOnce() throws Exception {
        relinkStats();
        system.callbackMode(true).duplicate(true);
        try {
            ExchangeCases.Receipt r = cases.submit();
            JsonNode done = cases.drive(r, Set.of(), v -> "COMPLETED".equals(v.get("state").asText()), Duration.ofSeconds(120));
            long stats = task(done, "stats/statistical-registration").get("id").asLong();
            Distribution.await(Duration.ofSeconds(30), "the system's three callbacks", () -> system.callbackStatuses().size() >= 3);
            assertEquals(List.of(200, 200, 409), system.callbackStatuses().subList(system.callbackStatuses().size() - 3,
                    system.callbackStatuses().size()), "decided, a replay acknowledged, a second answer refused");
            assertEquals(1, cases.approvals(r, stats));
            List<String> dossier = cases.dossier(r);
            assertEquals(2, count(dossier, "DIRECT IN stats CALLBACK"), "two distinct answers recorded, the replay once: " + dossier);
            assertEquals(1, count(dossier, "DIRECT IN stats ANSWER", "ACCEPTED"), dossier.toString());
            assertTrue(karaf.console("tanghulu:dossier --verify " + r.trackingNumber()).contains("verifies"));
        } finally {
            system.callbackMode(false).duplicate(false);
        }
    }

    @Test
    @Order(5)
    @Tag("reliability")
    void killedBetweenSendingAndRecordingTheAnswerLosesNothingAndDoublesNothing() throws Exception {
        relinkStats();
        ExchangeCases.Receipt r = cases.submit();
        system.slowMillis(1500); // within the platform's 2 s, but long enough to kill it meanwhile
        try {
            cases.drive(r, Set.of(), v -> "READY".equals(state(v, "stats/statistical-registration")), Duration.ofSeconds(120));
            long stats = task(cases.view(r), "stats/statistical-registration").get("id").asLong();
            Distribution.await(Duration.ofSeconds(30), "the request to reach the system", () -> system.requests(stats) >= 1);
            karaf.kill();
            system.slowMillis(0);
            karaf.startDemo(demoSystemPort);
            JsonNode done = cases.drive(r, Set.of(), v -> "COMPLETED".equals(v.get("state").asText()), Duration.ofSeconds(120));
            assertEquals("exchange:stats", task(done, "stats/statistical-registration").get("assignee").asText());
            assertTrue(system.requests(stats) >= 2, "sent again after the crash");
            assertEquals(1, cases.approvals(r, stats), "decided once");
            List<String> dossier = cases.dossier(r);
            assertEquals(1, count(dossier, "DIRECT OUT stats REQUEST"), "one request, sent twice: " + dossier);
            assertEquals(1, count(dossier, "DIRECT IN stats ANSWER"), "one answer: " + dossier);
            assertTrue(karaf.console("tanghulu:dossier --verify " + r.trackingNumber()).contains("verifies"));
        } finally {
            system.slowMillis(0);
        }
    }

    @Test
    @Order(6)
    @Tag("reliability")
    void killedWhileFrontEndBatchesAreUnderWayLosesNothingAndDoublesNothing() throws Exception {
        List<ExchangeCases.Receipt> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            submitted.add(cases.submit());
        }
        // officers bring each case to its tax step; the front-end processor takes the tax tasks in batches meanwhile
        for (ExchangeCases.Receipt r : submitted) {
            cases.drive(r, Set.of(), v -> state(v, "ltax/tax-registration") != null, Duration.ofSeconds(120));
        }
        karaf.kill(); // the last case's tax tasks are between the outbox, the processor's tables and the decision
        karaf.startDemo(demoSystemPort);
        for (ExchangeCases.Receipt r : submitted) {
            JsonNode done = cases.drive(r, Set.of(), v -> "COMPLETED".equals(v.get("state").asText()), Duration.ofSeconds(120));
            List<String> dossier = cases.dossier(r);
            for (String department : List.of("ltax", "ntax")) {
                JsonNode t = task(done, department + "/tax-registration");
                assertEquals("exchange:" + department, t.get("assignee").asText(), r.trackingNumber());
                assertEquals(1, cases.approvals(r, t.get("id").asLong()), "decided once");
                assertEquals(1, count(dossier, "FRONT_END OUT " + department + " REQUEST"), "one request: " + dossier);
                assertEquals(1, count(dossier, "FRONT_END IN " + department + " RESULT"), "one result: " + dossier);
            }
            String verify = "tanghulu:dossier --verify " + r.trackingNumber();
            Distribution.await(Duration.ofSeconds(30), "the dossier to verify", () -> Distribution.is(true,
                    () -> karaf.console(verify).contains("verifies")));
        }
        assertTrue(karaf.console("tanghulu:exchange-parked").contains("No result is parked"), "nothing parked");
    }

    @Test
    @Order(7)
    void anApplicantHoldingANamePreApprovalStartsAtTheNextStepAndUnknownOrAnotherApplicantsNumbersAreRefused()
            throws Exception {
        String number = "（京海）名称预核（内）字[2026]第0123456号";
        String holder = "110108199007223016"; // the designated representative of the demo application
        // before submitting: the department's system confirms the number and gives the data it holds
        HttpResponse<String> confirmed = held(number, holder);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        JsonNode c = Distribution.JSON.readTree(confirmed.body());
        assertTrue(c.get("confirmed").asBoolean(), confirmed.body());
        assertEquals(number, c.get("outputs").get("name-preapproval-number").asText());
        assertEquals(application.get("values").get("enterprise-name"), c.get("values").get("enterprise-name"));
        // refused with the reason: a number the department does not know, another applicant's number, and ours for another
        assertRefusedHeld(held("（京海）名称预核（内）字[2026]第0999999号", holder), "不存在");
        assertRefusedHeld(held("（京海）名称预核（内）字[2026]第0765432号", holder), "issued to another applicant");
        assertRefusedHeld(held(number, "110101198001010011"), "issued to another applicant");

        // submitted holding it: nothing of the pre-approval is asked, and the case starts at step 2
        ObjectNode app = application.deepCopy();
        app.put("submissionKey", UUID.randomUUID().toString());
        ((ObjectNode) app.get("values")).remove("enterprise-name-alternatives");
        ArrayNode materials = app.putArray("materials");
        application.get("materials").forEach(m -> {
            if (!m.asText().equals("name-preapproval-application")) { // the certificate of the representative is the licence's too
                materials.add(m);
            }
        });
        app.putArray("held").addObject().put("matter", "aic/name-preapproval").put("reference", number).put("holderId", holder);
        HttpResponse<String> refusedTwin = karaf.send("POST", "/api/cases", withHeld(app, "（京海）名称预核（内）字[2026]第0765432号"));
        assertEquals(422, refusedTwin.statusCode(), refusedTwin.body());
        assertTrue(refusedTwin.body().contains("held:aic/name-preapproval") && refusedTwin.body().contains("another applicant"),
                refusedTwin.body());
        HttpResponse<String> submitted = karaf.send("POST", "/api/cases", app.toString());
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonNode receipt = Distribution.JSON.readTree(submitted.body());
        ExchangeCases.Receipt r = new ExchangeCases.Receipt(receipt.get("trackingNumber").asText(), receipt.get("accessKey").asText());
        JsonNode view = cases.view(r);
        JsonNode reused = task(view, "aic/name-preapproval");
        assertEquals("REUSED", reused.get("state").asText(), view.toString());
        assertEquals(number, reused.get("outputs").get("name-preapproval-number").asText());
        assertEquals("READY", task(view, "aic/business-licence").get("state").asText(), "step 2 is ready at once: " + view);
        Distribution.await(Duration.ofSeconds(30), "the reuse in the dossier", () -> Distribution.is(1L,
                () -> count(cases.dossier(r), "DIRECT IN aic REUSED", number)));
    }

    @Test
    @Order(8)
    void onThePortalNamesComeFromThePopulationRegistryWithConsentAndAHeldPreApprovalStartsTheCaseAtStepTwo() throws Exception {
        String number = "（京海）名称预核（内）字[2026]第0123456号";
        try (Browser browser = new Browser()) {
            String user = "reuse" + Long.toHexString(System.nanoTime());
            browser.open(karaf.portal("/register"));
            browser.await("#f-username").sendKeys(user);
            browser.find("#f-password").sendKeys("a-much-longer-secret-1");
            browser.find("#f-name").sendKeys("王强");
            browser.find("#f-email").sendKeys(user + "@example.cn");
            browser.find("#register-submit").click();
            browser.await(".who");
            browser.open(karaf.portal("/groups/enterprise-establishment/apply"));
            // names from the population registry: only with consent, which is recorded with the key masked
            browser.await("#lookup");
            browser.find("#f-legal-representative-id-number").sendKeys("110108197809151545");
            browser.submit(browser.find("#lookup-persons"));
            assertFalse(browser.await("#f-consent-error").getText().isBlank(), "no lookup without consent");
            assertTrue(browser.find("#f-legal-representative-name").getAttribute("value").isEmpty());
            browser.find("#f-consent").click();
            browser.submit(browser.find("#lookup-persons"));
            assertTrue(browser.await("#lookup-note").getText().contains("1"), browser.find("#lookup-note").getText());
            WebElement representative = browser.find("#f-legal-representative-name");
            assertEquals("张明", representative.getAttribute("value"));
            assertTrue(browser.find("#f-legal-representative-name-help").getText().contains("人口基础信息库"));
            String consents = karaf.console("tanghulu:exchange-consents");
            assertTrue(consents.contains("PERSONS") && consents.contains("1101************45") && consents.contains("FOUND")
                    && !consents.contains("110108197809151545"), consents);

            browser.await("#held");
            WebElement reference = browser.driver.findElement(By.id("f-held:aic/name-preapproval"));
            WebElement holder = browser.driver.findElement(By.id("f-held:aic/name-preapproval-holder"));

            // another applicant's notice: refused with the department's reason at the field
            reference.sendKeys("（京海）名称预核（内）字[2026]第0765432号");
            holder.sendKeys("110108199007223016");
            browser.submit(browser.find("#confirm-held"));
            WebElement error = browser.await("#error-summary");
            assertTrue(error.getText().contains("another applicant"), error.getText());
            assertTrue(browser.driver.findElement(By.id("f-held:aic/name-preapproval-error")).getText().contains("不属于该申请人"));

            // the holder's own: confirmed by aic's system, the approved data filled in and marked where it came from
            reference = browser.driver.findElement(By.id("f-held:aic/name-preapproval"));
            reference.clear();
            reference.sendKeys(number);
            browser.submit(browser.find("#confirm-held"));
            assertTrue(browser.await("#held .confirmed").getText().contains("北京市工商行政管理局海淀分局"));
            WebElement name = browser.find("#f-enterprise-name");
            assertEquals(application.get("values").get("enterprise-name").asText(), name.getAttribute("value"));
            assertTrue(name.getAttribute("class").contains("prefilled"));
            assertTrue(browser.find("#f-enterprise-name-help").getText().contains("系统核验带出"));
            browser.screenshot("portal-held-confirmed");

            // the rest of the demo application, without what only the pre-approval needs; the case starts at step 2
            ObjectNode values = application.get("values").deepCopy();
            values.remove("enterprise-name-alternatives");
            List<?> materials = Distribution.JSON.convertValue(application.get("materials"), List.class).stream()
                    .filter(m -> !"name-preapproval-application".equals(m)).toList();
            DemoForm.fill(browser, values, application.get("applicantName").asText(), materials, true);
            browser.submit(browser.find("#submit-application"));
            WebElement tracking = browser.await("#tracking-number, #error-summary");
            assertEquals("tracking-number", tracking.getAttribute("id"), tracking.getText());
            browser.open(karaf.portal("/cases/" + tracking.getText().trim()));
            String timeline = browser.await("#timeline").getText();
            assertTrue(timeline.contains("已复用已有结果"), timeline);
            assertTrue(browser.find("#events").getText().contains("复用已有结果"));
            browser.screenshot("portal-held-case");
        }
    }

    private HttpResponse<String> held(String reference, String holder) throws IOException {
        return karaf.send("POST", "/api/cases/held-results", Distribution.JSON.createObjectNode()
                .put("group", application.get("group").asText()).put("matter", "aic/name-preapproval")
                .put("reference", reference).put("holderId", holder).toString());
    }

    private static void assertRefusedHeld(HttpResponse<String> answer, String reason) {
        assertEquals(422, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(reason), answer.body());
    }

    private static String withHeld(ObjectNode app, String reference) {
        ObjectNode other = app.deepCopy();
        other.put("submissionKey", UUID.randomUUID().toString());
        ((ObjectNode) other.get("held").get(0)).put("reference", reference);
        return other.toString();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Links stats to a department system in this JVM (once), with its own secret. */
    private void relinkStats() throws Exception {
        if (system == null) {
            system = DepartmentSystem.start("--port", "0", "--secret", "stats=" + SECRET);
        }
        Path secret = Files.createTempFile("stats", ".secret");
        Files.writeString(secret, SECRET);
        String out = karaf.console("tanghulu:exchange-link --secret-file " + secret + " stats http://127.0.0.1:"
                + system.port() + "/stats");
        assertTrue(out.contains("linked"), out);
    }

    /** @return whether the task is ready and its dossier shows it came to the desk */
    private boolean desk(ExchangeCases.Receipt r, JsonNode view, String matter) {
        try {
            return "READY".equals(state(view, matter)) && count(cases.dossier(r), "TO_DESK") > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A callback as a department's system sends it, signed with {@code secret}, to the internal (desk) port. */
    private HttpResponse<String> callback(String department, String body, String secret) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + karaf.deskPort + "/exchange/callback/"
                + department)).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("X-Tanghulu-Timestamp", timestamp)
                .header("X-Tanghulu-Signature", DepartmentSystem.sign(secret, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
