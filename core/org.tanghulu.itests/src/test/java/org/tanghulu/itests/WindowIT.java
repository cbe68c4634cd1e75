package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The comprehensive window (综合窗口) through real HTTP on the shared distribution: an applicant applies on the
 * portal; the window clerk checks the originals at acceptance (a mismatch without a reason refused, with one recorded
 * and shown to the case's officers and to the applicant, a second check refused); the case is driven to its end by
 * the departments' officers; the clerk hands the certificates over with a receipt (refused without an identity
 * number, before the end and a second time); the applicant confirms receipt on the portal (a second time refused).
 * Officers cannot do the clerk's actions. Last, the clerk's pages in Chromium in Chinese and English. Then: the
 * window's acts are events of the case, once each, in the case's history in plain words in both languages, and the
 * hand-over is notified; a correction asking for materials supplied at a step, later (容缺) or issued names each on the
 * portal; a form sent twice is one case, the same form with changed data a new one (not a conflict).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WindowIT {

    static final String CLERK = "it-window-clerk";
    private static final String OFFICER = "officer-aic";
    private static final String GROUP = "enterprise-establishment";
    private static final String PASSWORD = "a-much-longer-secret-window";

    private Distribution platform;
    private JsonNode application;
    private JsonNode outputs;
    private final HttpClient applicant = session();
    private final HttpClient clerk = session();
    private final HttpClient officer = session();
    private String tn;
    private List<String> materials;

    private static HttpClient session() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @BeforeAll
    void start() throws Exception {
        platform = Distribution.shared();
        application = platform.demo("enterprise-establishment-application.json");
        outputs = platform.demo("enterprise-establishment-outputs.json");
        materials = new ArrayList<>();
        application.get("materials").forEach(m -> materials.add(m.asText()));
        String user = "window-" + Long.toHexString(System.nanoTime());
        assertEquals(303, post(applicant, platform.portal("/register"), List.of(new String[] {"username", user},
                new String[] {"password", PASSWORD}, new String[] {"name", "张三"}, new String[] {"mobile", "13800138000"},
                new String[] {"email", user + "@example.cn"})).statusCode());
        tn = apply();
        AuthorizationIT.deskLogin(platform, clerk, CLERK);
        AuthorizationIT.deskLogin(platform, officer, OFFICER);
        awaitOnList("window-acceptance");
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theClerkChecksTheOriginalsAtAcceptance() throws Exception {
        HttpResponse<String> page = get(clerk, platform.desk("/window/cases/" + tn));
        assertEquals(200, page.statusCode());
        for (String m : materials) {
            assertTrue(page.body().contains("name=\"v." + m + "\""), m);
        }
        String mismatched = materials.get(0);
        // a mismatch without a reason: 422 with a sentence, nothing recorded
        HttpResponse<String> noReason = post(clerk, platform.desk("/window/cases/" + tn + "/check"), checks(mismatched, ""));
        assertEquals(422, noReason.statusCode());
        assertTrue(noReason.body().contains("data-reason=\"REASON_MISSING\"") && noReason.body().contains("必须填写原因"),
                noReason.body());
        assertFalse(noReason.body().contains("Exception"));
        // an officer cannot do the clerk's work
        assertEquals(403, post(officer, platform.desk("/window/cases/" + tn + "/check"), checks(mismatched, "x")).statusCode());
        assertEquals(403, get(officer, platform.desk("/window")).statusCode());
        HttpResponse<String> checked = post(clerk, platform.desk("/window/cases/" + tn + "/check"),
                checks(mismatched, "复印件与原件地址不一致"));
        assertEquals(303, checked.statusCode(), checked.body());
        page = get(clerk, platform.desk("/window/cases/" + tn + "?done=checked"));
        assertTrue(page.body().contains("id=\"window-notice\""));
        assertTrue(page.body().contains("data-material=\"" + mismatched + "\" data-verdict=\"MISMATCH\""), page.body());
        assertTrue(page.body().contains("复印件与原件地址不一致"));
        assertFalse(get(clerk, platform.desk("/window?q=" + tn)).body().contains("data-tracking-number=\"" + tn + "\""));
        // a second check: 409
        HttpResponse<String> again = post(clerk, platform.desk("/window/cases/" + tn + "/check"), checks(mismatched, "再次"));
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("data-reason=\"ALREADY_CHECKED\""));
        // the mismatch is plain to the officers of the case's departments, and shown to the applicant
        JsonNode view = supervised();
        long task = view.get("tasks").get(0).get("id").asLong();
        HttpResponse<String> taskPage = get(officer, platform.desk("/tasks/" + task));
        assertEquals(200, taskPage.statusCode());
        assertTrue(taskPage.body().contains("id=\"window-mismatch\"") && taskPage.body().contains("复印件与原件地址不一致"),
                taskPage.body());
        String mine = get(applicant, platform.portal("/cases/" + tn)).body();
        assertTrue(mine.contains("id=\"window-receipt\"") && mine.contains("data-verdict=\"MISMATCH\""), mine);
        assertFalse(mine.contains("id=\"window-confirm\""));
        // nothing to hand over nor to confirm yet: 409
        HttpResponse<String> early = post(clerk, platform.desk("/window/cases/" + tn + "/handover"),
                List.of(new String[] {"recipient", "张三"}, new String[] {"idNumber", "110105194912310021"}));
        assertEquals(409, early.statusCode());
        assertTrue(early.body().contains("data-reason=\"NOT_FINISHED\""));
        HttpResponse<String> confirmEarly = post(applicant, platform.portal("/cases/" + tn + "/window/confirm"), List.of());
        assertEquals(409, confirmEarly.statusCode());
        assertTrue(confirmEarly.body().contains("尚未出件"), confirmEarly.body());
        // an unknown case: 404
        assertEquals(404, get(clerk, platform.desk("/window/cases/TH00000000000")).statusCode());
    }

    @Test
    @Order(2)
    void theCertificatesAreHandedOverWithAReceiptAndTheApplicantConfirms() throws Exception {
        drive();
        awaitOnList("window-ready");
        HttpResponse<String> page = get(clerk, platform.desk("/window/cases/" + tn));
        assertTrue(page.body().contains("id=\"window-certificates\"") && page.body().contains("id=\"window-handover-form\""),
                page.body());
        String url = platform.desk("/window/cases/" + tn + "/handover");
        HttpResponse<String> noId = post(clerk, url, List.of(new String[] {"recipient", "张三"}, new String[] {"idNumber", ""}));
        assertEquals(422, noId.statusCode());
        assertTrue(noId.body().contains("data-reason=\"ID_NUMBER_WRONG\"") && noId.body().contains("身份证件号码"));
        assertEquals(403, post(officer, url, List.of(new String[] {"recipient", "张三"},
                new String[] {"idNumber", "110105194912310021"})).statusCode());
        HttpResponse<String> handed = post(clerk, url, List.of(new String[] {"recipient", "张三"},
                new String[] {"idNumber", "110105194912310021"}));
        assertEquals(303, handed.statusCode(), handed.body());
        page = get(clerk, platform.desk("/window/cases/" + tn));
        assertTrue(page.body().contains("id=\"receipt-number\">HJ-" + tn + "<"), page.body());
        assertTrue(page.body().contains("**************0021"));
        assertFalse(page.body().contains("110105194912310021"));
        HttpResponse<String> twice = post(clerk, url, List.of(new String[] {"recipient", "张三"},
                new String[] {"idNumber", "110105194912310021"}));
        assertEquals(409, twice.statusCode());
        assertTrue(twice.body().contains("data-reason=\"ALREADY_HANDED_OVER\"") && twice.body().contains("不能重复出件"));
        // the applicant sees the receipt and confirms
        String mine = get(applicant, platform.portal("/cases/" + tn)).body();
        assertTrue(mine.contains("HJ-" + tn) && mine.contains("id=\"window-confirm\""), mine);
        HttpResponse<String> confirmed = post(applicant, platform.portal("/cases/" + tn + "/window/confirm"), List.of());
        assertEquals(303, confirmed.statusCode(), confirmed.body());
        mine = get(applicant, platform.portal("/cases/" + tn + "?window=confirmed")).body();
        assertTrue(mine.contains("data-confirmed=\"true\"") && mine.contains("id=\"window-notice\""), mine);
        assertFalse(mine.contains("id=\"window-confirm\""));
        assertEquals(409, post(applicant, platform.portal("/cases/" + tn + "/window/confirm"), List.of()).statusCode());
        // and the officers see the hand-over and its confirmation
        JsonNode view = supervised();
        String taskPage = get(officer, platform.desk("/tasks/" + view.get("tasks").get(0).get("id").asLong())).body();
        assertTrue(taskPage.contains("id=\"window-handover\" data-confirmed=\"true\""), taskPage);
        assertFalse(get(clerk, platform.desk("/window")).body().contains("data-tracking-number=\"" + tn + "\""));
    }

    @Test
    @Order(3)
    void theClerksPagesInChromiumInChineseAndEnglish() throws Exception {
        try (Browser browser = new Browser()) {
            new DeskSteps(browser, platform).login(CLERK);
            browser.open(platform.desk("/window?lang=zh"));
            assertTrue(browser.await("h1").getText().contains("综合窗口"));
            browser.await("#window-search");
            browser.screenshot("window-list-zh");
            browser.open(platform.desk("/window/cases/" + tn));
            assertTrue(browser.await("#window-receipt h2").getText().contains("出件回执"));
            assertEquals("HJ-" + tn, browser.find("#receipt-number").getText());
            browser.screenshot("window-case-zh");
            browser.open(platform.desk("/window?lang=en"));
            assertTrue(browser.await("h1").getText().contains("Comprehensive service window"));
            browser.screenshot("window-list-en");
            browser.open(platform.desk("/window/cases/" + tn));
            assertTrue(browser.await("#window-receipt h2").getText().contains("Hand-over receipt"));
            assertTrue(browser.find("#window-record").getText().contains("Original does not match"));
            browser.screenshot("window-case-en");
            browser.open(platform.desk("/window?lang=zh"));
        }
    }

    @Test
    @Order(4)
    void theWindowsActsAreCaseEventsOnceEachInTheHistoryInPlainWordsAndTheHandOverIsNotified() throws Exception {
        HttpResponse<String> r = platform.send("GET", "/api/cases/" + tn + "/events", null, platform.staffAuth("it-supervisor"));
        assertEquals(200, r.statusCode(), r.body());
        List<String> types = new ArrayList<>();
        Distribution.JSON.readTree(r.body()).forEach(e -> types.add(e.get("type").asText()));
        for (String type : List.of("ORIGINALS_CHECKED", "CERTIFICATES_HANDED_OVER", "RECEIPT_CONFIRMED")) {
            assertEquals(1, types.stream().filter(type::equals).count(), type + " once in " + types);
        }
        assertTrue(types.indexOf("ORIGINALS_CHECKED") < types.indexOf("COMPLETED")
                && types.indexOf("COMPLETED") < types.indexOf("CERTIFICATES_HANDED_OVER")
                && types.indexOf("CERTIFICATES_HANDED_OVER") < types.indexOf("RECEIPT_CONFIRMED"), types.toString());
        String zh = get(applicant, platform.portal("/cases/" + tn + "?lang=zh")).body();
        assertTrue(zh.contains("窗口已核验原件") && zh.contains("复印件与原件地址不一致"), zh);
        assertTrue(zh.contains("证照已在窗口领取（一窗出件），回执编号 HJ-" + tn), zh);
        assertTrue(zh.contains("申请人已确认领取证照，回执编号 HJ-" + tn), zh);
        String en = get(applicant, platform.portal("/cases/" + tn + "?lang=en")).body();
        get(applicant, platform.portal("/cases/" + tn + "?lang=zh"));
        assertTrue(en.contains("Originals checked at the window") && en.contains("Original does not match ("), en);
        assertTrue(en.contains("Certificates collected at the window, receipt HJ-" + tn), en);
        assertTrue(en.contains("The applicant confirmed receipt of the certificates, receipt HJ-" + tn), en);
        String desk = get(officer, platform.desk("/tasks/" + supervised().get("tasks").get(0).get("id").asLong())).body();
        assertTrue(desk.contains("data-type=\"CERTIFICATES_HANDED_OVER\"") && desk.contains("窗口出件"), desk);
        Distribution.await(Duration.ofSeconds(30), "the hand-over's notification", () -> {
            try {
                return platform.console("tanghulu:notifications -a " + tn).contains("CERTIFICATES_HANDED_OVER");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @Order(5)
    void aCorrectionNamesEveryMaterialAskedForHoweverItIsSuppliedInThePagesLanguage() throws Exception {
        String asked = apply(UUID.randomUUID().toString(), application.get("applicantName").asText());
        JsonNode view = json(platform.send("GET", "/api/cases/" + asked, null, platform.staffAuth("it-supervisor")));
        long task = view.get("tasks").get(0).get("id").asLong();
        String[] aic = platform.staffAuth(OFFICER);
        assertEquals(200, platform.send("POST", "/api/tasks/" + task + "/claim", null, aic).statusCode());
        // asked at its step (ltax, lss), supplied later on a commitment (lss), issued by aic/business-licence
        List<String> materials = List.of("bank-account-licence-copy", "labour-contracts", "business-licence-copy");
        HttpResponse<String> decided = platform.send("POST", "/api/tasks/" + task + "/decision", Distribution.JSON
                .writeValueAsString(Map.of("kind", "REQUEST_CORRECTION", "message", "请补交以下材料。", "fields", List.of(),
                        "materials", materials)), aic);
        assertEquals(200, decided.statusCode(), decided.body());
        String zh = get(applicant, platform.portal("/cases/" + asked + "?lang=zh")).body();
        for (String name : List.of("基本存款账户开户许可证（复印件）", "职工名册及劳动合同（复印件）", "企业法人营业执照副本（原件及复印件）")) {
            assertTrue(zh.contains("\">" + name + "</label>"), name + " in the answer form: " + zh);
        }
        assertTrue(zh.contains("需补交的材料：基本存款账户开户许可证（复印件）"), "the history names them too: " + zh);
        for (String id : materials) {
            assertFalse(zh.contains("\">" + id + "</label>"), id + " shown as its id");
        }
        String en = get(applicant, platform.portal("/cases/" + asked + "?lang=en")).body();
        get(applicant, platform.portal("/cases/" + asked + "?lang=zh"));
        assertTrue(en.contains("\">Permit for opening the basic deposit account (copy)</label>")
                && en.contains("\">Staff roster and labour contracts (copies)</label>"), en);
        JsonNode events = json(platform.send("GET", "/api/cases/" + asked + "/events", null, platform.staffAuth("it-supervisor")));
        assertTrue(events.toString().contains("CORRECTION_REQUESTED"), events.toString());
    }

    @Test
    @Order(6)
    void aFormSentTwiceIsOneCaseAndTheSameFormWithChangedDataANewOne() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = application.get("applicantName").asText();
        String first = apply(key, name);
        assertEquals(first, apply(key, name), "a double submission: the same case");
        // the form posted again with a changed name (the browser's Back button): a new application, not a 409
        String changed = apply(key, name + "（二）");
        assertFalse(first.equals(changed), first);
        assertEquals(changed, apply(key, name + "（二）"), "that one sent twice: still one case");
        assertEquals(name + "（二）", json(platform.send("GET", "/api/cases/" + changed, null,
                platform.staffAuth("it-supervisor"))).get("applicantName").asText());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return Distribution.JSON.readTree(r.body());
    }

    /** @return the case as the supervisor reads it over the API */
    private JsonNode supervised() throws Exception {
        HttpResponse<String> r = platform.send("GET", "/api/cases/" + tn, null, platform.staffAuth("it-supervisor"));
        assertEquals(200, r.statusCode(), r.body());
        return Distribution.JSON.readTree(r.body());
    }

    /** Claims and approves every ready task with the demo outputs, step by step, until the case is completed. */
    private void drive() throws Exception {
        for (int step = 0; step < 12; step++) {
            JsonNode view = supervised();
            if (view.get("state").asText().equals("COMPLETED")) {
                return;
            }
            for (JsonNode t : view.get("tasks")) {
                if (!t.get("state").asText().equals("READY")) {
                    continue;
                }
                String department = t.get("matter").get("department").asText();
                String matter = department + "/" + t.get("matter").get("matter").asText();
                String[] auth = platform.staffAuth("officer-" + department);
                HttpResponse<String> claim = platform.send("POST", "/api/tasks/" + t.get("id").asLong() + "/claim", null, auth);
                assertEquals(200, claim.statusCode(), claim.body());
                HttpResponse<String> approve = platform.send("POST", "/api/tasks/" + t.get("id").asLong() + "/decision",
                        Distribution.JSON.writeValueAsString(Map.of("kind", "APPROVE", "outputs", outputs.get(matter))), auth);
                assertEquals(200, approve.statusCode(), approve.body());
            }
        }
        fail("the case did not complete");
    }

    /** Waits (up to 30 s: the window follows the case event log) until the case is on this list of the window. */
    private void awaitOnList(String list) throws Exception {
        Pattern row = Pattern.compile("id=\"" + list + "\".*data-tracking-number=\"" + Pattern.quote(tn) + "\"", Pattern.DOTALL);
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> page = get(clerk, platform.desk("/window?q=" + tn));
            assertEquals(200, page.statusCode());
            String body = page.body();
            int end = body.indexOf("</table>", Math.max(0, body.indexOf("id=\"" + list + "\"")));
            if (row.matcher(end < 0 ? body : body.substring(0, end)).find()) {
                return;
            }
            Thread.sleep(500);
        }
        fail(tn + " not on " + list);
    }

    /** The check form: the first material {@code mismatched} with {@code reason}, the others matching. */
    private List<String[]> checks(String mismatched, String reason) {
        List<String[]> form = new ArrayList<>();
        for (String m : materials) {
            form.add(new String[] {"v." + m, m.equals(mismatched) ? "MISMATCH" : "MATCHES"});
            form.add(new String[] {"r." + m, m.equals(mismatched) ? reason : ""});
        }
        return form;
    }

    /** The applicant's case, submitted with the portal's unified form; returns its tracking number. */
    private String apply() throws Exception {
        return apply(UUID.randomUUID().toString(), application.get("applicantName").asText());
    }

    /** The demo application from a form with this key, under this applicant's name; returns its tracking number. */
    private String apply(String key, String applicantName) throws Exception {
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"submissionKey", key});
        form.add(new String[] {"applicantName", applicantName});
        for (String particular : List.of("applicantType", "contactPhone", "contactEmail")) {
            form.add(new String[] {particular, application.get(particular).asText()});
        }
        application.get("values").fields().forEachRemaining(v -> form.add(new String[] {"v." + v.getKey(), v.getValue().asText()}));
        application.get("materials").forEach(m -> form.add(new String[] {"m", m.asText()}));
        HttpResponse<String> r = post(applicant, platform.portal("/groups/" + GROUP + "/apply"), form);
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = Pattern.compile("/cases/([^/]+)/receipt").matcher(r.headers().firstValue("Location").orElse(""));
        assertTrue(m.find(), r.headers().map().toString());
        return m.group(1);
    }

    private static HttpResponse<String> get(HttpClient session, String url) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A form POST in the session with its CSRF token (from the portal's or the desk's page). */
    private HttpResponse<String> post(HttpClient session, String url, List<String[]> fields) throws Exception {
        String home = url.contains("/desk/") ? platform.desk("/") : platform.portal("/");
        List<String> pairs = new ArrayList<>();
        pairs.add("_csrf=" + URLEncoder.encode(AuthorizationIT.csrf(session, home), StandardCharsets.UTF_8));
        for (String[] f : fields) {
            pairs.add(URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return session.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
