package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.openqa.selenium.WebElement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Uploaded materials through real HTTP on the shared distribution: an applicant uploads to the application's draft
 * (a real PNG), is refused a renamed program (415), an empty file (400) and an oversized one (413) with a sentence,
 * removes a file before submitting, submits, and the file travels into the case; the owner views and downloads it,
 * another applicant gets 404; on the desk the officer of a department with a task on the case sees it listed and
 * views it, a supervisor too, an officer of another department gets 404. docs/portal.md and docs/desk.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadsIT {

    private static final String GROUP = "enterprise-establishment";
    static final String PASSWORD = "a-much-longer-secret-1";

    private Distribution karaf;
    private JsonNode demo;
    private final HttpClient owner = client();
    private final HttpClient other = client();

    @BeforeAll
    void boot() throws Exception {
        karaf = Distribution.shared();
        demo = karaf.demo("enterprise-establishment-application.json");
        String suffix = Long.toHexString(System.nanoTime());
        register(karaf, owner, "upl-a-" + suffix);
        register(karaf, other, "upl-b-" + suffix);
    }

    @Test
    void filesAreCheckedKeptWithTheDraftAndTravelIntoTheCase() throws Exception {
        String page = get(owner, karaf.portal("/groups/" + GROUP + "/apply")).body();
        String csrf = find(page, "name=\"csrf-token\" content=\"([^\"]+)\"");
        String key = find(page, "name=\"submissionKey\" value=\"([^\"]+)\"");
        String material = demo.get("materials").get(0).asText();
        int at = Math.max(0, page.indexOf("f-materials"));
        assertTrue(page.contains("id=\"file-" + material + "\""), "a file input per material line: "
                + page.substring(at, Math.min(page.length(), at + 1500)));

        byte[] png = Multipart.png();
        HttpResponse<String> ok = upload(owner, csrf, key, material, "营业执照 scan.png", "image/png", png);
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode u = Distribution.JSON.readTree(ok.body()).get("upload");
        assertEquals("PNG", u.get("type").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)), u.get("sha256").asText());
        String id = u.get("id").asText();

        HttpResponse<String> exe = upload(owner, csrf, key, material, "x.exe", "application/pdf", Multipart.exe());
        assertEquals(415, exe.statusCode(), exe.body());
        assertTrue(exe.body().contains("x.exe 不是 PDF、JPEG 或 PNG 文件"), exe.body());
        HttpResponse<String> empty = upload(owner, csrf, key, material, "empty.pdf", "application/pdf", new byte[0]);
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("empty.pdf"), empty.body());
        HttpResponse<String> big = upload(owner, csrf, key, material, "big.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 10]);
        assertEquals(413, big.statusCode(), big.body());
        assertTrue(big.body().contains("超过 10 MB"), big.body());
        HttpResponse<String> huge = upload(owner, csrf, key, material, "huge.pdf", "application/pdf", new byte[12 * 1024 * 1024]);
        assertEquals(413, huge.statusCode(), huge.body());
        // without the session's token nothing is stored
        assertEquals(403, upload(owner, "wrong", key, material, "a.png", "image/png", png).statusCode());

        // a second file, removed before submitting
        String second = Distribution.JSON.readTree(upload(owner, csrf, key, material, "b.png", "image/png", png).body())
                .get("upload").get("id").asText();
        assertEquals(404, post(other, "/uploads/" + second + "/remove", csrf(other)).statusCode(), "not B's to remove");
        assertEquals(303, post(owner, "/uploads/" + second + "/remove", csrf).statusCode());

        // the form shows the draft's file and keeps its submission key
        String again = get(owner, karaf.portal("/groups/" + GROUP + "/apply")).body();
        assertTrue(again.contains("营业执照 scan.png") && !again.contains("b.png"), "the list shows the kept file only");
        assertEquals(key, find(again, "name=\"submissionKey\" value=\"([^\"]+)\""));

        // the owner views it with its type, never sniffed; the other applicant does not
        HttpResponse<byte[]> view = bytes(owner, karaf.portal("/uploads/" + id));
        assertEquals(200, view.statusCode());
        assertArrayEquals(png, view.body());
        assertEquals("image/png", view.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", view.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(view.headers().firstValue("Content-Disposition").orElse("").startsWith("inline; filename=\""));
        assertTrue(bytes(owner, karaf.portal("/uploads/" + id + "?download")).headers().firstValue("Content-Disposition")
                .orElse("").startsWith("attachment;"));
        assertEquals(404, bytes(other, karaf.portal("/uploads/" + id)).statusCode());

        // submitting brings the file into the case
        String tn = submit(karaf, demo, owner, csrf, key);
        String casePage = get(owner, karaf.portal("/cases/" + tn)).body();
        assertTrue(casePage.contains("营业执照 scan.png"), "the case page lists the file");
        assertEquals(404, post(owner, "/uploads/" + id + "/remove", csrf).statusCode(), "a submitted file stays");
        String fresh = get(owner, karaf.portal("/groups/" + GROUP + "/apply")).body();
        assertFalse(fresh.contains("营业执照 scan.png"), "a new application starts without the submitted files");

        // the desk: aic has the first task; zgc none yet
        JsonNode tasks = Distribution.JSON.readTree(karaf.send("GET", "/api/tasks?department=aic", null,
                karaf.staffAuth("officer-aic")).body());
        long task = -1;
        for (JsonNode t : tasks) {
            if (t.get("trackingNumber").asText().equals(tn)) {
                task = t.get("id").asLong();
            }
        }
        assertTrue(task > 0, "aic's task on " + tn);
        HttpClient aic = client();
        AuthorizationIT.deskLogin(karaf, aic, "officer-aic");
        String taskPage = get(aic, karaf.desk("/tasks/" + task)).body();
        assertTrue(taskPage.contains("营业执照 scan.png") && taskPage.contains(u.get("sha256").asText()), "listed with its digest");
        HttpResponse<byte[]> officerView = bytes(aic, karaf.desk("/cases/" + tn + "/uploads/" + id));
        assertEquals(200, officerView.statusCode());
        assertArrayEquals(png, officerView.body());
        assertEquals("image/png", officerView.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", officerView.headers().firstValue("X-Content-Type-Options").orElse(""));
        HttpClient supervisor = client();
        AuthorizationIT.deskLogin(karaf, supervisor, "it-supervisor");
        assertEquals(200, bytes(supervisor, karaf.desk("/cases/" + tn + "/uploads/" + id)).statusCode());
        assertTrue(get(supervisor, karaf.desk("/cases/" + tn)).body().contains("营业执照 scan.png"));
        HttpClient zgc = client();
        AuthorizationIT.deskLogin(karaf, zgc, "officer-zgc");
        assertEquals(404, bytes(zgc, karaf.desk("/cases/" + tn + "/uploads/" + id)).statusCode());
        // the applicant's portal session opens nothing on the desk
        assertEquals(303, bytes(owner, karaf.desk("/cases/" + tn + "/uploads/" + id)).statusCode());
    }

    @Test
    void refusalsAreInEnglishOnTheEnglishPages() throws Exception {
        String page = get(owner, karaf.portal("/groups/" + GROUP + "/apply?lang=en")).body();
        HttpResponse<String> exe = upload(owner, find(page, "name=\"csrf-token\" content=\"([^\"]+)\""),
                find(page, "name=\"submissionKey\" value=\"([^\"]+)\""), demo.get("materials").get(0).asText(),
                "setup.exe", "application/octet-stream", Multipart.exe());
        assertEquals(415, exe.statusCode());
        assertTrue(exe.body().contains("setup.exe is not a PDF, JPEG or PNG file"), exe.body());
        get(owner, karaf.portal("/?lang=zh"));
    }

    /**
     * Chromium: the applicant picks a file on the form's material line (the script sends it at once and the list shows
     * it), a renamed program is refused under its line; after the submission the officer sees the file on the task page
     * and opens it.
     */
    @Test
    void inChromiumTheApplicantUploadsAndTheOfficerViews() throws Exception {
        String user = "upl-c-" + Long.toHexString(System.nanoTime());
        HttpClient http = client();
        register(karaf, http, user);
        String material = demo.get("materials").get(0).asText();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("uploads-it");
        java.nio.file.Path png = java.nio.file.Files.write(dir.resolve("执照.png"), Multipart.png());
        java.nio.file.Path exe = java.nio.file.Files.write(dir.resolve("setup.pdf"), Multipart.exe());
        try (Browser browser = new Browser()) {
            browser.open(karaf.portal("/login?next=/groups/" + GROUP + "/apply"));
            browser.await("#f-username").sendKeys(user);
            browser.find("#f-password").sendKeys(PASSWORD);
            browser.submit(browser.find("#login-submit"));
            browser.await("#file-" + material).sendKeys(png.toString());
            browser.await("#uploads-" + material + " li a");
            assertTrue(browser.find("#uploads-" + material).getText().contains("执照.png"), browser.find("#uploads-" + material).getText());
            browser.find("#file-" + material).sendKeys(exe.toString());
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .until(d -> !browser.find("#upload-error-" + material).getText().isBlank());
            assertTrue(browser.find("#upload-error-" + material).getText().contains("setup.pdf 不是 PDF、JPEG 或 PNG 文件"),
                    browser.find("#upload-error-" + material).getText());
            browser.driver.executeScript("document.getElementById('f-materials').scrollIntoView()");
            browser.screenshot("uploads-form");
            String key = browser.find("input[name=submissionKey]").getAttribute("value");
            String csrf = AuthorizationIT.csrf(http, karaf.portal("/groups/" + GROUP + "/apply"));
            String tn = submit(karaf, demo, http, csrf, key);

            long task = -1;
            for (JsonNode t : Distribution.JSON.readTree(karaf.send("GET", "/api/tasks?department=aic", null,
                    karaf.staffAuth("officer-aic")).body())) {
                if (t.get("trackingNumber").asText().equals(tn)) {
                    task = t.get("id").asLong();
                }
            }
            browser.open(karaf.desk("/login"));
            browser.find("#user").sendKeys("officer-aic");
            browser.find("#password").sendKeys(Distribution.STAFF_PASSWORD);
            browser.submit(browser.find("button[type=submit]"));
            browser.open(karaf.desk("/tasks/" + task));
            var link = browser.await("#upload-table a.upload-view");
            assertEquals("执照.png", link.getText());
            browser.driver.executeScript("document.getElementById('uploads').scrollIntoView()");
            browser.screenshot("uploads-desk");
            browser.open(link.getAttribute("href"));
            assertEquals("image/png", browser.driver.executeScript("return document.contentType"));
        }
    }

    /**
     * Chromium: aic's officer asks for a correction naming a material; the applicant uploads a real PDF for it on the case
     * page, ticks it in the answer and answers; the officer finds the file on the task page and opens it as a PDF.
     */
    @Test
    void inChromiumAFileUploadedWhileAnsweringACorrectionReachesTheDesk() throws Exception {
        String user = "upl-d-" + Long.toHexString(System.nanoTime());
        HttpClient http = client();
        register(karaf, http, user);
        String page = get(http, karaf.portal("/groups/" + GROUP + "/apply")).body();
        String tn = submit(karaf, demo, http, find(page, "name=\"csrf-token\" content=\"([^\"]+)\""),
                find(page, "name=\"submissionKey\" value=\"([^\"]+)\""));
        java.nio.file.Path pdf = java.nio.file.Files.write(java.nio.file.Files.createTempDirectory("uploads-it")
                .resolve("补正 章程.pdf"), Multipart.pdf());
        try (Browser browser = new Browser()) {
            DeskSteps desk = new DeskSteps(browser, karaf);
            desk.login("officer-aic");
            long task = aicTask(tn);
            desk.open(task);
            var asked = browser.await("#REQUEST_CORRECTION-materials input[name=material]");
            String material = asked.getAttribute("value");
            String materialName = browser.find("label[for='material-" + material + "']").getText();
            asked.click();
            browser.find("#REQUEST_CORRECTION-message").sendKeys("请上传盖章后的材料。");
            browser.submit(browser.find("#correction-request-form button[type=submit]"));
            browser.await("#task-notice");
            assertTrue(browser.find("#task-asked-materials").getText().contains(materialName),
                    browser.find("#task-asked-materials").getText());

            browser.open(karaf.portal("/login?next=/cases/" + tn));
            browser.await("#f-username").sendKeys(user);
            browser.find("#f-password").sendKeys(PASSWORD);
            browser.submit(browser.find("#login-submit"));
            assertTrue(browser.await("#correction-request").getText().contains(materialName),
                    browser.find("#correction-request").getText());
            assertTrue(browser.find("#uploads-none").isDisplayed(), "no file on the case yet");
            browser.find("#case-file-" + material).sendKeys(pdf.toString()); // the script sends it and reloads the page
            var row = browser.await("#uploads .upload-table tbody tr");
            assertTrue(row.getText().contains("补正 章程.pdf") && row.getText().contains(materialName), row.getText());
            WebElement answer = browser.await("#correction-form");
            answer.findElement(org.openqa.selenium.By.id("cm-" + material)).click();
            answer.findElement(org.openqa.selenium.By.name("message")).sendKeys("已上传。");
            browser.driver.executeScript("document.getElementById('uploads').scrollIntoView()");
            browser.screenshot("uploads-correction-answer");
            browser.submit(answer.findElement(org.openqa.selenium.By.id("correction-submit")));
            browser.await("#correction-confirmation");
            assertTrue(browser.find("#uploads").getText().contains("补正 章程.pdf"), "the case page lists the file after the answer");

            browser.open(karaf.desk("/tasks/" + task));
            var link = browser.await("#upload-table a.upload-view");
            assertEquals("补正 章程.pdf", link.getText());
            assertTrue(browser.find("#upload-table").getText().contains(materialName), browser.find("#upload-table").getText());
            browser.driver.executeScript("document.getElementById('uploads').scrollIntoView()");
            browser.screenshot("uploads-correction-desk");
            HttpClient aic = client();
            AuthorizationIT.deskLogin(karaf, aic, "officer-aic");
            HttpResponse<byte[]> view = bytes(aic, link.getAttribute("href"));
            assertEquals(200, view.statusCode());
            assertEquals("application/pdf", view.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(Multipart.pdf(), view.body());
        }
    }

    /**
     * Twelve uploads to one new draft at the same moment, with the limit set to 3 files on the console for the time
     * of the test: exactly 3 are kept and 9 refused with 422 (the draft's row lock of the uploads bundle).
     */
    @Test
    void concurrentUploadsKeepTheFileLimit() throws Exception {
        HttpClient probe = client();
        register(karaf, probe, "upl-e-" + Long.toHexString(System.nanoTime()));
        HttpClient racer = client();
        register(karaf, racer, "upl-f-" + Long.toHexString(System.nanoTime()));
        String material = demo.get("materials").get(0).asText();
        byte[] png = Multipart.png();
        String[] probeForm = applyForm(probe);
        karaf.console("config:property-set -p org.tanghulu.uploads maxFiles 3");
        try {
            // in force once a fourth file is refused
            Distribution.await(Duration.ofSeconds(30), "maxFiles 3 in force", () -> Distribution.is(422,
                    () -> upload(probe, probeForm[0], probeForm[1], material, "p.png", "image/png", png).statusCode()));
            String[] form = applyForm(racer);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(12);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return upload(racer, form[0], form[1], material, n + ".png", "image/png", png).statusCode();
                }));
            }
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (var a : answers) {
                statuses.merge(a.get(60, java.util.concurrent.TimeUnit.SECONDS), 1, Integer::sum);
            }
            pool.shutdown();
            assertEquals(Map.of(200, 3, 422, 9), statuses);
            String page = get(racer, karaf.portal("/groups/" + GROUP + "/apply")).body();
            assertEquals(3, Pattern.compile("id=\"upload-[0-9a-f-]{36}\"").matcher(page).results().count(), "three files listed");
        } finally {
            karaf.console("config:property-delete -p org.tanghulu.uploads maxFiles");
        }
        Distribution.await(Duration.ofSeconds(30), "the default limit back", () -> Distribution.is(200,
                () -> upload(probe, probeForm[0], probeForm[1], material, "q.png", "image/png", png).statusCode()));
    }

    /** @return the CSRF token and submission key of the application form in the session */
    private String[] applyForm(HttpClient session) throws Exception {
        String page = get(session, karaf.portal("/groups/" + GROUP + "/apply")).body();
        return new String[] {find(page, "name=\"csrf-token\" content=\"([^\"]+)\""),
                find(page, "name=\"submissionKey\" value=\"([^\"]+)\"")};
    }

    private long aicTask(String tn) throws Exception {
        for (JsonNode t : Distribution.JSON.readTree(karaf.send("GET", "/api/tasks?department=aic", null,
                karaf.staffAuth("officer-aic")).body())) {
            if (t.get("trackingNumber").asText().equals(tn)) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no aic task for " + tn);
    }

    private HttpResponse<String> upload(HttpClient session, String csrf, String key, String material, String name,
            String type, byte[] file) throws Exception {
        byte[] body = Multipart.body(Map.of("_csrf", csrf, "submissionKey", key, "material", material), name, type, file);
        return session.send(HttpRequest.newBuilder(URI.create(karaf.portal("/groups/" + GROUP + "/uploads")))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", Multipart.TYPE).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits the demo application through the portal's form in the session; @return the tracking number */
    static String submit(Distribution karaf, JsonNode demo, HttpClient session, String csrf, String key) throws Exception {
        List<String> form = new ArrayList<>();
        add(form, "_csrf", csrf);
        add(form, "submissionKey", key);
        for (String particular : List.of("applicantType", "applicantName", "contactPhone", "contactEmail")) {
            add(form, particular, demo.get(particular).asText());
        }
        demo.get("values").fields().forEachRemaining(v -> add(form, "v." + v.getKey(), v.getValue().asText()));
        demo.get("materials").forEach(m -> add(form, "m", m.asText()));
        HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(karaf.portal("/groups/" + GROUP + "/apply")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        return find(r.headers().firstValue("Location").orElse(""), "/cases/([^/]+)/receipt");
    }

    private static void add(List<String> form, String k, String v) {
        form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(HttpClient session, String path, String csrf) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create(karaf.portal(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(HttpClient session) throws Exception {
        return AuthorizationIT.csrf(session, karaf.portal("/cases"));
    }

    /** Registers an applicant (password {@link #PASSWORD}) and logs the session in. */
    static void register(Distribution karaf, HttpClient session, String username) throws Exception {
        String csrf = AuthorizationIT.csrf(session, karaf.portal("/register"));
        HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(karaf.portal("/register")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&username=" + username + "&password=" + PASSWORD
                        + "&name=%E5%BC%A0%E4%B8%89&mobile=13800138000&email=" + username + "%40example.cn")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
    }

    static HttpResponse<String> get(HttpClient session, String url) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> bytes(HttpClient session, String url) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + (text.length() > 400 ? text.substring(0, 400) : text));
        return m.group(1);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
