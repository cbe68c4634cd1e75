package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The officers' desk in a real headless Chromium against the real distribution: a case submitted over
 * the JSON API is claimed, approved (after a refused attempt) and sent back for correction on the desk;
 * another department's officer cannot see or decide it; the supervisor's numbers and charts match; and
 * logging out ends the session. The tests run in order on one platform and one case. Last, the four tables of
 * every department download as CSV and XLSX with the same rows, and an officer gets only his own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskIT {

    private static final String AIC = "officer-aic";
    private static final String ZGC = "officer-zgc";
    private static final String SUPERVISOR = "it-supervisor";
    /** A second officer of aic, who finds the task already taken. */
    private static final String AIC_2 = "officer-aic-2";
    private static final String PREAPPROVAL = "aic/name-preapproval";
    private static final String LICENCE = "aic/business-licence";

    private Distribution platform;
    private Browser browser;
    private String trackingNumber;
    private String accessKey;
    private JsonNode outputs;
    /** The supervisors' figures before this class's case. */
    private java.util.Map<String, java.util.Map<String, Integer>> before;

    @BeforeAll
    void start() throws Exception {
        platform = Distribution.shared();
        browser = new Browser();
        login(SUPERVISOR);
        before = new DeskSteps(browser, platform).statistics();
        logout();
        outputs = platform.demo("enterprise-establishment-outputs.json");
        ObjectNode application = (ObjectNode) platform.demo("enterprise-establishment-application.json");
        application.put("submissionKey", UUID.randomUUID().toString());
        HttpResponse<String> submitted = platform.send("POST", "/api/cases",
                Distribution.JSON.writeValueAsString(application));
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonNode receipt = Distribution.JSON.readTree(submitted.body());
        trackingNumber = receipt.get("trackingNumber").asText();
        accessKey = receipt.get("accessKey").asText();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private String desk(String path) {
        return platform.desk(path);
    }

    /** @return the case's task of this matter as its applicant sees it over the API */
    private JsonNode task(String matter) throws Exception {
        HttpResponse<String> r = platform.send("GET", "/api/cases/" + trackingNumber, null, "X-Access-Key", accessKey);
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode t : Distribution.JSON.readTree(r.body()).get("tasks")) {
            if ((t.get("matter").get("department").asText() + "/" + t.get("matter").get("matter").asText())
                    .equals(matter)) {
                return t;
            }
        }
        return null;
    }

    private JsonNode applicantCase() throws Exception {
        return Distribution.JSON.readTree(platform.send("GET", "/api/cases/" + trackingNumber, null,
                "X-Access-Key", accessKey).body());
    }

    private void login(String user) {
        new DeskSteps(browser, platform).login(user);
    }

    private void logout() {
        new DeskSteps(browser, platform).logout();
    }

    /** Waits for the element; on a timeout the failure shows the page the browser has. */
    private WebElement await(String css) {
        try {
            return browser.await(css);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + browser.driver.getCurrentUrl() + ":\n"
                    + browser.find("main").getText(), e);
        }
    }

    private WebElement row(String table, long taskId) {
        return browser.await("#" + table + " tr[data-task-id='" + taskId + "']");
    }

    @Test
    @Order(1)
    void anOfficerClaimsAndApprovesAfterARefusedAttempt() throws Exception {
        long id = task(PREAPPROVAL).get("id").asLong();
        login(AIC);
        WebElement row = row("work-list", id);
        assertEquals(trackingNumber, row.getAttribute("data-tracking-number"));
        assertTrue(row.getText().contains(trackingNumber), row.getText());
        browser.screenshot("desk-work-list");

        // an officer is not a supervisor
        browser.open(desk("/supervision"));
        assertNotNull(browser.await("#error-message"));
        assertFalse(browser.driver.getPageSource().contains("statistics"));

        browser.open(desk("/"));
        row("work-list", id).findElement(By.cssSelector("a")).click();
        browser.await("#claim");
        assertTrue(browser.find("#case-data").getText().contains("北京星河智联科技有限公司"), "the data this department needs");
        assertTrue(browser.find("#timeline").getText().contains("提交申请"));
        browser.screenshot("desk-task-ready");
        browser.find("#claim").click();
        browser.await("#task-notice");
        assertEquals("CLAIMED", task(PREAPPROVAL).get("state").asText());

        String output = "o.name-preapproval-number";
        WebElement input = browser.await("#approve-form [name='" + output + "']");
        assertEquals(output, input.getAttribute("id"));
        assertNotNull(browser.find("label[for='" + output + "']").getText());
        browser.find("#approve-form button[type=submit]").click();
        WebElement error = await("#problem-name-preapproval-number");
        assertTrue(error.getText().contains("批准时须填写"), error.getText());
        assertEquals("true", browser.find("[name='" + output + "']").getAttribute("aria-invalid"));
        assertTrue(browser.find("#task-alert").getText().contains(error.getText()), "listed at the top too");
        browser.screenshot("desk-task-approve-refused");
        assertEquals("CLAIMED", task(PREAPPROVAL).get("state").asText(), "nothing decided");

        String value = outputs.get(PREAPPROVAL).get("name-preapproval-number").asText();
        browser.find("[name='" + output + "']").sendKeys(value);
        browser.find("#approve-form button[type=submit]").click();
        browser.await("#task-notice");
        JsonNode approved = task(PREAPPROVAL);
        assertEquals("APPROVED", approved.get("state").asText());
        assertEquals(value, approved.get("outputs").get("name-preapproval-number").asText());
        browser.screenshot("desk-task-approved");
    }

    @Test
    @Order(2)
    void theNextStepAsksForACorrection() throws Exception {
        long id = task(LICENCE).get("id").asLong();
        browser.open(desk("/"));
        row("work-list", id).findElement(By.cssSelector("a")).click();
        browser.await("#claim").click();
        browser.await("#correction-request-form");
        // a correction without a message is refused at the message
        browser.find("#correction-request-form button[type=submit]").click();
        assertFalse(browser.await("#correction-request-form #problem-message").getText().isBlank());
        WebElement field = browser.find("#correction-request-form input[name=field]");
        String fieldId = field.getAttribute("value");
        field.click();
        browser.find("#REQUEST_CORRECTION-message").sendKeys("请更正注册资本并补交验资证明。");
        browser.screenshot("desk-task-correction");
        browser.find("#correction-request-form button[type=submit]").click();
        browser.await("#task-notice");
        JsonNode t = task(LICENCE);
        assertEquals("CORRECTION", t.get("state").asText());
        assertEquals("请更正注册资本并补交验资证明。", t.get("message").asText());
        assertEquals(List.of(fieldId), Distribution.JSON.convertValue(t.get("correctionFields"), List.class));
        logout();
    }

    @Test
    @Order(3)
    void anotherDepartmentCanNeitherSeeNorDecide() throws Exception {
        long id = task(LICENCE).get("id").asLong();
        login(ZGC);
        assertTrue(browser.driver.findElements(By.cssSelector("tr[data-task-id='" + id + "']")).isEmpty());
        browser.open(desk("/tasks/" + id));
        assertFalse(browser.await("#error-message").getText().isBlank());
        assertTrue(browser.driver.findElements(By.cssSelector("#reject-form, #claim, #case-data")).isEmpty());
        browser.screenshot("desk-task-other-department");

        // a forged POST with the officer's own session and token
        String cookies = browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        String csrf = browser.find("meta[name=csrf-token]").getAttribute("content");
        HttpClient http = HttpClient.newHttpClient();
        for (String action : List.of("/decision", "/claim")) {
            String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&kind=REJECT&message=forged";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(desk("/tasks/" + id + action)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() == 403 || r.statusCode() == 404, r.statusCode() + ": " + r.body());
            assertTrue(r.body().contains("id=\"error-message\""), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
        assertEquals("CORRECTION", task(LICENCE).get("state").asText(), "unchanged");
        assertEquals("OPEN", applicantCase().get("state").asText());
        logout();
    }

    @Test
    @Order(4)
    void theSupervisorSeesTheNumbersAndTheCharts() throws Exception {
        login(SUPERVISOR);
        browser.find("header nav a[href$='/supervision']").click();
        browser.await("#statistics tr[data-department='aic']");
        // this class's case added one done, one open and one correction of aic, and nothing else
        var now = new DeskSteps(browser, platform).statistics();
        var expected = new java.util.TreeMap<>(before);
        var aicBefore = before.getOrDefault("aic", java.util.Map.of("open", 0, "done", 0, "overdue", 0,
                "corrections", 0, "ratings", 0));
        var aicNow = new java.util.TreeMap<>(aicBefore);
        aicNow.merge("done", 1, Integer::sum);
        aicNow.merge("open", 1, Integer::sum);
        aicNow.merge("corrections", 1, Integer::sum);
        expected.put("aic", aicNow);
        assertEquals(expected, now, "before: " + before);
        int departments = now.size();
        assertEquals(departments, browser.driver.findElements(By.cssSelector("#handling-chart g.group")).size());
        assertEquals("img", browser.find("#handling-chart").getAttribute("role"));
        assertEquals(2 * departments, browser.driver.findElements(By.cssSelector("#handling-chart g.group rect.bar")).size(),
                "handling and promised limit");
        assertEquals(departments, browser.driver.findElements(By.cssSelector("#rating-chart g.group")).size());
        boolean rated = before.values().stream().anyMatch(d -> d.get("ratings") > 0);
        assertEquals(!rated, !browser.driver.findElements(By.id("no-ratings")).isEmpty(), "a note while no case is rated");
        browser.screenshot("desk-supervision");
        browser.find("a[lang=en]").click();
        assertEquals("Supervision", browser.await("html[lang=en] h1").getText());
        assertTrue(browser.find("#handling-chart title").getAttribute("textContent").contains("promised limit"));
        browser.screenshot("desk-supervision-en");
        browser.find("a[lang=zh-CN]").click();
        browser.await("html[lang=zh-CN]");
        WebElement aic = browser.await("#statistics tr[data-department='aic']");

        aic.findElement(By.cssSelector("th a")).click();
        browser.await("#department-tasks tr[data-tracking-number='" + trackingNumber + "'] a").click();
        WebElement timeline = browser.await("#timeline");
        assertTrue(timeline.findElements(By.cssSelector("li[data-type=CORRECTION_REQUESTED]")).size() == 1,
                timeline.getText());
        assertTrue(browser.driver.findElements(By.cssSelector("form[action*='/tasks/']")).isEmpty(), "read-only");
        // the exchange dossier: filled from the event log every 3 s, verified as the page is made
        Distribution.await(Duration.ofSeconds(20), "the dossier to show the correction request", () -> {
            browser.driver.navigate().refresh();
            return !browser.driver.findElements(By.cssSelector("#dossier tr[data-kind=CORRECTION_REQUESTED]")).isEmpty();
        });
        assertEquals("true", browser.find("#dossier-check").getAttribute("data-intact"), browser.find("#dossier-check").getText());
        assertEquals(1, browser.driver.findElements(By.cssSelector("#dossier tr[data-direction=IN][data-kind=APPROVED]")).size());
        assertTrue(browser.driver.findElements(By.cssSelector("#dossier tr[data-direction=OUT][data-kind=TASK]")).size() >= 2);
        browser.screenshot("desk-case");
    }

    @Test
    @Order(5)
    void loggingOutEndsTheSession() throws Exception {
        String caseUrl = browser.driver.getCurrentUrl();
        logout();
        browser.driver.navigate().back();
        browser.await("#user");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/desk/login"), browser.driver.getCurrentUrl());
        browser.open(caseUrl);
        browser.await("#user");
        browser.open(desk("/"));
        browser.await("#user");
        assertTrue(browser.driver.findElements(By.cssSelector(".who")).isEmpty());
    }

    @Test
    @Order(6)
    void aClaimThatCameTooLateIsToldOnTheTaskPage() throws Exception {
        long id = task(LICENCE).get("id").asLong();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String csrf = csrf(http.send(HttpRequest.newBuilder(URI.create(desk("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> login = http.send(post(desk("/login"), "_csrf=" + enc(csrf) + "&user=" + enc(AIC_2)
                + "&password=" + enc(Distribution.STAFF_PASSWORD)), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode(), login.body());
        csrf = csrf(http.send(HttpRequest.newBuilder(URI.create(desk("/tasks/" + id))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> claim = http.send(post(desk("/tasks/" + id + "/claim"), "_csrf=" + enc(csrf)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(409, claim.statusCode(), claim.body());
        assertTrue(claim.body().contains("id=\"task-alert\" data-kind=\"CONFLICT\""), claim.body());
        assertTrue(claim.body().contains("id=\"task-summary\""), "the task is shown with the sentence: " + claim.body());
        assertEquals("CORRECTION", task(LICENCE).get("state").asText());
    }

    private static final List<String> TABLES = List.of("applicant-types", "matter-scope", "collaboration", "process");

    @Test
    @Order(7)
    void theFourTablesOfEveryDepartmentDownloadAsCsvAndXlsx() throws Exception {
        HttpClient supervisor = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        AuthorizationIT.deskLogin(platform, supervisor, SUPERVISOR);
        int departments = 0;
        for (JsonNode d : platform.json("/api/departments")) {
            if (!"ACTIVE".equals(d.get("state").asText())) {
                continue;
            }
            departments++;
            String id = d.get("id").asText();
            for (String table : TABLES) {
                List<List<String>> rows = tableFile(supervisor, "/tables/departments/" + id + "/" + table, "csv");
                assertEquals(rows, tableFile(supervisor, "/tables/departments/" + id + "/" + table, "xlsx"),
                        id + " " + table + ": the same rows in both files");
                if (table.equals("matter-scope")) {
                    List<String> codes = rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toList();
                    List<String> matters = new java.util.ArrayList<>();
                    d.get("matters").forEach(m -> matters.add(id + "/" + m.asText()));
                    assertEquals(matters, codes, id + ": one row per matter");
                }
                if (!table.equals("applicant-types")) {
                    assertTrue(rows.size() > 1, id + " " + table + " is empty: every demo matter is in the demo group");
                }
            }
        }
        assertTrue(departments >= 8, "the demo's departments: " + departments);

        List<String> preapproval = row(tableFile(supervisor, "/tables/departments/aic/matter-scope", "xlsx"), PREAPPROVAL);
        assertEquals(List.of("北京市工商行政管理局海淀分局", PREAPPROVAL, "企业名称预先核准"), preapproval.subList(0, 3));
        assertEquals(List.of("10", "3"), preapproval.subList(7, 9), "statutory and promised days");
        assertTrue(preapproval.get(3).contains("《"), "legal basis: " + preapproval.get(3));
        assertEquals(List.of("", "✓", "", ""), row(tableFile(supervisor, "/tables/departments/aic/applicant-types", "csv"),
                PREAPPROVAL).subList(3, 7), "enterprises only");
        List<List<String>> collaboration = tableFile(supervisor, "/tables/departments/aic/collaboration", "csv");
        List<String> toLicence = collaboration.stream().filter(r -> r.get(1).equals(PREAPPROVAL) && r.get(4).equals(LICENCE))
                .findFirst().orElseThrow(() -> new AssertionError(collaboration.toString()));
        assertFalse(toLicence.get(7).isBlank(), "the licence takes the pre-approval notice as a material: " + toLicence);
        assertTrue(toLicence.get(9).contains("内资高新技术企业设立"), toLicence.toString());
        List<List<String>> process = tableFile(supervisor, "/tables/groups/enterprise-establishment/process", "xlsx");
        assertEquals(1 + 9 + 1, process.size(), "nine matters and the total: " + process);
        assertEquals("5", process.get(9).get(1), "five steps");
        assertEquals("合计", process.get(10).get(1));

        // an officer: his own department's, and a clear refusal for anything else
        HttpClient officer = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        AuthorizationIT.deskLogin(platform, officer, AIC);
        assertEquals(List.of("10", "3"), row(tableFile(officer, "/tables/departments/aic/matter-scope", "xlsx"), PREAPPROVAL)
                .subList(7, 9));
        for (String[] refused : new String[][] {{"/tables/departments/zgc/matter-scope.csv", "403"},
                {"/tables/groups/enterprise-establishment/process", "403"}, {"/tables/departments/nowhere/process", "404"},
                {"/tables/departments/aic/five-tables.csv", "404"}, {"/tables/departments/aic/process.pdf", "404"}}) {
            HttpResponse<String> r = officer.send(HttpRequest.newBuilder(URI.create(desk(refused[0]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(Integer.parseInt(refused[1]), r.statusCode(), refused[0] + ": " + r.body());
            assertTrue(r.body().contains("id=\"error-message\""), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }

        // the pages, from the navigation
        login(AIC);
        browser.find("header nav a[href$='/tables']").click();
        browser.await("#tables-department-aic a[data-table='matter-scope']").click();
        assertTrue(await("#four-table").getText().contains("企业名称预先核准"), browser.find("#four-table").getText());
        assertTrue(browser.driver.findElements(By.cssSelector("#tables-department-zgc")).isEmpty());
        browser.screenshot("desk-four-tables");
        logout();
    }

    /** @return the rows (headings first) of a table downloaded as {@code format}, after checking how it is named */
    private List<List<String>> tableFile(HttpClient session, String path, String format) throws Exception {
        HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(URI.create(desk(path + "." + format))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path + "." + format + ": " + new String(r.body(), StandardCharsets.UTF_8));
        String[] parts = path.split("/");
        String name = parts[3] + "-%E5%9B%9B%E8%A1%A8-" + parts[4] + "." + format;
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;") && disposition.endsWith("filename*=UTF-8''" + name), disposition);
        return format.equals("csv") ? csv(r.body()) : xlsx(r.body());
    }

    private static List<List<String>> csv(byte[] file) throws Exception {
        String text = new String(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark for spreadsheet programs");
        return org.apache.commons.csv.CSVFormat.EXCEL.parse(new java.io.StringReader(text.substring(1))).getRecords().stream()
                .map(org.apache.commons.csv.CSVRecord::toList).toList();
    }

    /** @return the first sheet's rows, read from its XML by the ZIP's central directory, empty cells as "" */
    private static List<List<String>> xlsx(byte[] file) throws Exception {
        java.nio.file.Path temp = java.nio.file.Files.createTempFile("four-tables", ".xlsx");
        try {
            java.nio.file.Files.write(temp, file);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(temp.toFile())) {
                javax.xml.parsers.DocumentBuilder xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder();
                List<String> shared = new java.util.ArrayList<>();
                org.w3c.dom.NodeList si = xml.parse(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")))
                        .getElementsByTagName("si");
                for (int i = 0; i < si.getLength(); i++) {
                    shared.add(si.item(i).getTextContent());
                }
                List<List<String>> rows = new java.util.ArrayList<>();
                org.w3c.dom.NodeList sheetRows = xml.parse(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")))
                        .getElementsByTagName("row");
                for (int i = 0; i < sheetRows.getLength(); i++) {
                    List<String> row = new java.util.ArrayList<>();
                    org.w3c.dom.NodeList cells = ((org.w3c.dom.Element) sheetRows.item(i)).getElementsByTagName("c");
                    for (int j = 0; j < cells.getLength(); j++) {
                        org.w3c.dom.Element c = (org.w3c.dom.Element) cells.item(j);
                        int column = c.getAttribute("r").replaceAll("\\d", "").chars().reduce(0, (n, ch) -> n * 26 + ch - 'A' + 1) - 1;
                        while (row.size() < column) {
                            row.add("");
                        }
                        org.w3c.dom.Node value = c.getElementsByTagName("v").item(0);
                        String v = value == null ? "" : value.getTextContent();
                        row.add("s".equals(c.getAttribute("t")) && !v.isEmpty() ? shared.get(Integer.parseInt(v)) : v);
                    }
                    rows.add(row);
                }
                int width = rows.get(0).size();
                rows.forEach(r -> {
                    while (r.size() < width) {
                        r.add("");
                    }
                });
                return rows;
            }
        } finally {
            java.nio.file.Files.delete(temp);
        }
    }

    private static List<String> row(List<List<String>> rows, String code) {
        return rows.stream().filter(r -> r.size() > 1 && r.get(1).equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + code + " in " + rows));
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String csrf(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }
}
