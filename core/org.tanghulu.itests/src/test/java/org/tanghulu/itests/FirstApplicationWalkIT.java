package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14's "resolved when": a first-time applicant in a real Chromium from the search to a rated, finished case,
 * once in Chinese at 1366 px and once in English on a 390 px phone. On the way: two files uploaded on the form (a PDF
 * and a PNG), the labour contracts left out on a commitment (容缺受理), the window clerk's check of the originals,
 * one merged correction request of two departments answered once (with a file), the bank-account permit asked at its
 * step, the window's hand-over confirmed by the applicant, a step and the case rated. Every applicant page is also
 * looked at in the other width (no horizontal overflow, a screenshot {@code walk-<lang>-<width>-<stage>}), and its
 * texts are checked against the portal's message bundles. Officers work on the desk in the browser where the walk is
 * about them (the first approval, both corrections, the window); the other approvals go through the staff API.
 */
@Tag("walk")
class FirstApplicationWalkIT extends BrowserOnSharedPlatform {

    private static final String GROUP = "enterprise-establishment";
    private static final String PASSWORD = "a-much-longer-secret-walk";
    /** The minor material left out on a commitment, and the material asked at its step. */
    private static final String PROMISED = "labour-contracts";
    private static final String PERMIT = "bank-account-licence-copy";
    /** The materials uploaded on the form, and the one a correction asks for. */
    private static final String PDF_MATERIAL = "articles-of-association";
    private static final String PNG_MATERIAL = "representative-identity-card-copy";
    private static final String ASKED_MATERIAL = "legal-representative-id-copy";
    /** The two departments of step 3 that ask for a correction, each for a field of its own. */
    private static final String ZGC = "zgc/high-tech-qualification";
    private static final String PSB = "psb/seal-engraving";
    private static final String ZGC_FIELD = "core-technology";
    private static final String PSB_FIELD = "seal-engraver";
    private static final Duration WINDOW_LAG = Duration.ofSeconds(30);

    private String lang;
    private int width;
    private int height;
    private Properties portalTexts;
    private Properties deskTexts;
    private Path files;

    @AfterEach
    void fullSize() {
        browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.open(platform.portal("/?lang=zh"));
    }

    @Test
    void inChineseOnAWideScreen() throws Exception {
        walk("zh", 1366, 900);
    }

    @Test
    void inEnglishOnAPhone() throws Exception {
        walk("en", 390, 844);
    }

    private void walk(String language, int w, int h) throws Exception {
        lang = language;
        width = w;
        height = h;
        portalTexts = bundle("org.tanghulu.portal", "org/tanghulu/portal/messages");
        deskTexts = bundle("org.tanghulu.desk", "org/tanghulu/desk/messages");
        files = Files.createTempDirectory("walk-" + lang);
        resize(width);
        JsonNode demo = platform.demo("enterprise-establishment-application.json");
        JsonNode outputs = platform.demo("enterprise-establishment-outputs.json");

        // 1. a new applicant registers, searches for the need, opens the group, ticks the checklist, starts
        String user = "walk-" + lang + "-" + Long.toHexString(System.nanoTime());
        String person = lang.equals("zh") ? "王强" : "Wang Qiang";
        browser.open(platform.portal("/register?lang=" + lang));
        browser.await("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(PASSWORD);
        browser.find("#f-name").sendKeys(person);
        browser.find("#f-mobile").sendKeys("13800138000");
        browser.find("#f-email").sendKeys(user + "@example.cn");
        look("register");
        browser.submit(browser.find("#register-submit"));
        assertTrue(browser.await(".who").getText().contains(person));
        assertTrue(browser.find("html").getAttribute("lang").startsWith(lang));

        String need = lang.equals("zh") ? "开办企业" : "register a company";
        browser.open(platform.portal("/"));
        browser.await("#q").sendKeys(need);
        browser.submit(browser.find("form.search button"));
        WebElement hit = browser.await("#search-results li.search-hit[data-group='" + GROUP + "']");
        String kind = lang.equals("zh") ? "NEED" : "KEYWORD";
        WebElement reason = hit.findElement(By.cssSelector(".match-reason"));
        assertEquals(kind, reason.getAttribute("data-kind"));
        assertEquals(text("portal.search.why", text("portal.search.kind." + kind), need), reason.getText());
        look("search");
        browser.submit(hit.findElement(By.tagName("a")));

        assertEquals(9, browser.await("#flowchart").findElements(By.cssSelector(".flow-step .block")).size());
        look("group");
        List<WebElement> upFront = browser.driver.findElements(By.cssSelector("#checklist-form input[name=m][data-upfront=true]"));
        assertTrue(upFront.size() > 3, "materials to tick");
        String firstTicked = upFront.get(0).getAttribute("value");
        for (WebElement box : upFront) {
            box.click();
        }
        browser.submit(browser.find("#checklist-form button"));
        WebElement ready = browser.await("#checklist-ready");
        int later = browser.driver.findElements(By.cssSelector("#checklist-lines li[data-supply=AT_STEP], "
                + "#checklist-lines li[data-supply=MINOR], #checklist-lines li[data-supply=ISSUED]")).size();
        assertEquals(text("portal.group.readyLater", later), ready.getText());
        assertEquals("MINOR", browser.find("#checklist-lines li[data-material=" + PROMISED + "]").getAttribute("data-supply"));
        assertEquals("AT_STEP", browser.find("#checklist-lines li[data-material=" + PERMIT + "]").getAttribute("data-supply"));
        look("checklist");
        browser.submit(browser.find("#start-application"));

        // 2. two files through the form's upload controls (each reloads the form), the demo application, a commitment
        browser.await("#f-applicantName");
        assertTrue(browser.find("#m-" + firstTicked).isSelected(), "the checklist's ticks are carried to the form");
        upload("#file-" + PDF_MATERIAL, "#uploads-" + PDF_MATERIAL, Files.write(files.resolve("articles-" + lang + ".pdf"), Multipart.pdf()));
        upload("#file-" + PNG_MATERIAL, "#uploads-" + PNG_MATERIAL, Files.write(files.resolve("id-card-" + lang + ".png"),
                Multipart.png()));
        Set<String> handedIn = new TreeSet<>();
        demo.get("materials").forEach(m -> handedIn.add(m.asText()));
        handedIn.removeAll(Set.of(PROMISED, PERMIT));
        fillDemo(demo, handedIn);
        browser.find("#promise-" + PROMISED).click();
        assertFalse(browser.find("#m-" + PROMISED).isSelected());
        assertFalse(browser.find("#m-" + PERMIT).isSelected());
        assertTrue(browser.find("#uploads-" + PDF_MATERIAL).getText().contains("articles-" + lang + ".pdf"));
        browser.driver.executeScript("document.getElementById('f-materials').scrollIntoView()");
        look("form");
        browser.submit(browser.find("#submit-application"));
        WebElement tracking = browser.await("#tracking-number, #error-summary");
        assertEquals("tracking-number", tracking.getAttribute("id"), tracking.getText());
        String tn = tracking.getText().trim();
        assertEquals(text("portal.receipt.title"), browser.find("h1").getText());
        look("receipt");

        // 3. the case page: every matter with its expected date from the start, the commitment, the files
        browser.open(platform.portal("/cases/" + tn));
        assertEquals(text("portal.state.OPEN"), browser.await("#case-state").getText());
        List<WebElement> matters = browser.driver.findElements(By.cssSelector("#timeline li.matter"));
        assertEquals(9, matters.size(), "every matter of the group from the start");
        for (WebElement m : matters) {
            assertTrue(m.getAttribute("data-expected").matches("\\d{4}-\\d{2}-\\d{2}"), m.getAttribute("data-matter"));
        }
        stagesAreInWords();
        assertFalse(browser.find("main").getText().contains(text("portal.case.done")), "a new case never reads as closed");
        JsonNode view = staffView(tn);
        JsonNode promise = view.get("waits").get(0);
        assertEquals(PROMISED, promise.get("material").asText());
        WebElement promised = browser.find("#waits li[data-material=" + PROMISED + "]");
        assertEquals("true", promised.getAttribute("data-pending"));
        assertTrue(promised.getText().contains(text("portal.case.waits.PROMISED", promise.get("due").asText())), promised.getText());
        String uploadsBlock = browser.find("#uploads").getText();
        assertTrue(uploadsBlock.contains("articles-" + lang + ".pdf") && uploadsBlock.contains("id-card-" + lang + ".png"),
                uploadsBlock);
        look("case");

        // 4. the window clerk checks the originals against the uploads at acceptance: all match
        DeskSteps desk = new DeskSteps(browser, platform);
        desk.login(WindowIT.CLERK);
        awaitOnWindow(tn, "#window-check-form");
        assertTrue(browser.find("#material-" + PDF_MATERIAL).getText().contains("articles-" + lang + ".pdf"));
        assertTrue(browser.find("#material-" + PNG_MATERIAL).getText().contains("id-card-" + lang + ".png"));
        assertEquals(handedIn.size(), browser.driver.findElements(By.cssSelector("#window-check-form input[value=MATCHES]:checked"))
                .size());
        browser.screenshot("walk-" + lang + "-" + width + "-desk-window-check");
        browser.submit(browser.find("#window-check-submit"));
        assertEquals(deskText("desk.window.done.checked"), browser.await("#window-notice").getText());
        desk.logout();

        // 5. the first approval on the desk, the licence over the API; then both departments of step 3 ask
        desk.login("officer-aic");
        desk.open(taskId(tn, "aic/name-preapproval"));
        desk.approve(outputsOf(outputs, "aic/name-preapproval"));
        assertEquals("APPROVED", task(staffView(tn), "aic/name-preapproval").get("state").asText());
        browser.screenshot("walk-" + lang + "-" + width + "-desk-approved");
        desk.logout();
        approve(tn, "aic/business-licence", outputs);
        assertEquals(Set.of(ZGC, PSB), inState(staffView(tn), "READY"), "two departments at once");
        String zgcMessage = lang.equals("zh") ? "请补充核心技术的来源和技术水平。" : "Please say where the core technology comes from.";
        String psbMessage = lang.equals("zh") ? "请填写承刻单位全称，并补交法定代表人身份证复印件。"
                : "Please give the engraver's full name and hand in the legal representative's ID copy.";
        askCorrection("officer-zgc", taskId(tn, ZGC), ZGC_FIELD, null, zgcMessage);
        askCorrection("officer-psb", taskId(tn, PSB), PSB_FIELD, ASKED_MATERIAL, psbMessage);
        assertEquals(Set.of(ZGC, PSB), inState(staffView(tn), "CORRECTION"));

        // the applicant sees one request naming both departments, answers once with a file
        JsonNode before = staffView(tn).get("values");
        browser.open(platform.portal("/cases/" + tn));
        WebElement request = browser.await("#correction-request");
        assertEquals(text("portal.correction.title"), request.findElement(By.tagName("h3")).getText());
        assertEquals(2, request.findElements(By.cssSelector(".correction-askers > li")).size());
        for (String matter : List.of(ZGC, PSB)) {
            String department = browser.find("#timeline li[data-matter='" + matter + "'] .matter-department").getText();
            assertTrue(browser.find("#correction-asker-" + taskId(tn, matter)).getText().contains(department), department);
        }
        assertTrue(request.getText().contains(zgcMessage) && request.getText().contains(psbMessage), request.getText());
        assertEquals(Set.of("v." + ZGC_FIELD, "v." + PSB_FIELD), names("#correction-form [name^='v.']"), "only the fields asked");
        assertEquals(Set.of("cm-" + ASKED_MATERIAL), ids("#correction-form input[name=m]"), "only the material asked");
        Set<String> offered = ids("#uploads input[type=file]");
        assertTrue(offered.containsAll(Set.of("case-file-" + ASKED_MATERIAL, "case-file-" + PROMISED))
                && Set.of("case-file-" + ASKED_MATERIAL, "case-file-" + PROMISED, "case-file-" + PERMIT).containsAll(offered),
                "files are offered for what is asked now (the correction's material, the awaited ones), no other: " + offered);
        assertEquals(handedIn.size(), browser.driver.findElements(By.cssSelector("#window-checks li[data-verdict=MATCHES]")).size(),
                "the window's check, all originals matching");
        assertEquals("CORRECTION", browser.find("#timeline li[data-matter='" + ZGC + "']").getAttribute("data-stage"));
        stagesAreInWords();
        browser.driver.executeScript("document.getElementById('correction-request').scrollIntoView()");
        look("correction");
        upload("#case-file-" + ASKED_MATERIAL, "#uploads", Files.write(files.resolve("legal-rep-id-" + lang + ".png"),
                Multipart.png()));
        String technology = "自主研发的分布式数据存储与检索技术，源自创始团队在高校的研究，达到国内先进水平（" + lang + "）。";
        String engraver = "北京海淀金石刻字厂有限公司";
        WebElement form = browser.await("#correction-form");
        form.findElement(By.name("v." + ZGC_FIELD)).clear();
        form.findElement(By.name("v." + ZGC_FIELD)).sendKeys(technology);
        form.findElement(By.name("v." + PSB_FIELD)).clear();
        form.findElement(By.name("v." + PSB_FIELD)).sendKeys(engraver);
        browser.find("#cm-" + ASKED_MATERIAL).click();
        browser.find("#correction-message").sendKeys(lang.equals("zh") ? "已补充。" : "Done.");
        browser.submit(browser.find("#correction-submit"));
        WebElement confirmation = browser.await("#correction-confirmation");
        assertTrue(confirmation.getText().contains(text("portal.correction.sent")), confirmation.getText());
        assertTrue(browser.driver.findElements(By.id("correction-request")).isEmpty(), "no request pending any more");
        look("corrected");
        JsonNode after = staffView(tn);
        assertEquals(Set.of(ZGC, PSB), inState(after, "CLAIMED"), "both tasks back with their officers");
        assertEquals(Set.of(ZGC_FIELD, PSB_FIELD), changed(before, after.get("values")), "only the fields asked changed");
        assertEquals(technology, after.get("values").get(ZGC_FIELD).asText());
        assertTrue(after.get("materials").toString().contains(ASKED_MATERIAL));

        // 6. the other approvals until only the waits are left: the bank-account permit, then the labour contracts
        approveOpen(tn, outputs);
        assertEquals(Set.of("ltax/tax-registration", "ntax/tax-registration", "lss/social-insurance-registration"),
                inState(staffView(tn), "WAITING"));
        browser.open(platform.portal("/cases/" + tn));
        assertEquals("MATERIAL", browser.await("#timeline li[data-matter='lss/social-insurance-registration']").getAttribute("data-stage"));
        assertEquals("MATERIAL", browser.find("#timeline li[data-matter='ltax/tax-registration']").getAttribute("data-stage"));
        WebElement permit = browser.find("#waits li[data-material=" + PERMIT + "]");
        assertTrue(permit.getText().contains(text("portal.case.waits.AT_STEP")), permit.getText());
        assertFalse(browser.find("main").getText().contains(text("portal.case.done")), "an open case never reads as closed");
        stagesAreInWords();
        browser.driver.executeScript("document.getElementById('waits').scrollIntoView()");
        look("waiting");
        assertEquals(Set.of("case-file-" + PERMIT, "case-file-" + PROMISED), ids("#uploads input[type=file]"),
                "files are offered for the materials awaited only");
        upload("#case-file-" + PERMIT, "#uploads", Files.write(files.resolve("bank-permit-" + lang + ".pdf"), Multipart.pdf()));
        supply(PERMIT);
        assertEquals("MATERIAL", browser.find("#timeline li[data-matter='lss/social-insurance-registration']").getAttribute("data-stage"),
                "social insurance still waits for the labour contracts");
        assertEquals("IN_PROGRESS", browser.find("#timeline li[data-matter='ltax/tax-registration']").getAttribute("data-stage"));
        supply(PROMISED);
        assertEquals("IN_PROGRESS", browser.find("#timeline li[data-matter='lss/social-insurance-registration']").getAttribute("data-stage"));
        assertEquals("false", browser.find("#waits li[data-material=" + PROMISED + "]").getAttribute("data-pending"));
        look("supplied");
        assertTrue(browser.find("#window-checks li[data-material=" + PROMISED + "]").getText()
                .contains(text("portal.window.unchecked")), "a material supplied after acceptance reads so at the window");
        approveOpen(tn, outputs);
        assertEquals("COMPLETED", staffView(tn).get("state").asText());

        // 7. the window hands the certificates over; the applicant confirms receipt
        desk.login(WindowIT.CLERK);
        awaitOnWindow(tn, "#window-handover-form");
        assertFalse(browser.driver.findElements(By.cssSelector("#window-certificates li")).isEmpty());
        browser.find("#idNumber").sendKeys("110108199007223016");
        browser.submit(browser.find("#window-handover-submit"));
        assertEquals("HJ-" + tn, browser.await("#receipt-number").getText());
        browser.screenshot("walk-" + lang + "-" + width + "-desk-window-handover");
        desk.logout();
        browser.open(platform.portal("/cases/" + tn));
        assertEquals("false", browser.await("#window-handover").getAttribute("data-confirmed"));
        assertEquals(lang.equals("zh"), browser.find("#window-handover").getText().contains("、"), "lists in the page's language");
        browser.driver.executeScript("document.getElementById('window-handover').scrollIntoView()");
        look("handed-over");
        browser.submit(browser.find("#window-confirm"));
        assertEquals(text("portal.window.confirmedNotice"), browser.await("#window-notice").getText());
        assertEquals("true", browser.find("#window-handover").getAttribute("data-confirmed"));
        assertTrue(browser.driver.findElements(By.id("window-confirm")).isEmpty());

        // 8. a department step and the case rated; the case finished and rated
        long psb = taskId(tn, PSB);
        new Select(browser.find("#f-step-" + psb + "-level")).selectByValue("4");
        browser.submit(browser.find("#step-rating-form-" + psb + " button[type=submit]"));
        assertEquals(text("portal.rating.given", text("portal.rating.4")),
                browser.await("#step-rating-" + psb + " .given-step-rating").getText());
        browser.find("#level-5").click();
        String comment = lang.equals("zh") ? "一次申请就办完了。" : "All done with one application.";
        browser.find("#f-comment").sendKeys(comment);
        browser.submit(browser.find("#rating-submit"));
        assertEquals(text("portal.rating.givenComment", text("portal.rating.5"), comment), browser.await("#given-rating").getText());
        assertEquals(text("portal.state.COMPLETED"), browser.find("#case-state").getText());
        assertEquals(text("portal.case.done"), browser.find("#next-step").getText());
        for (WebElement m : browser.driver.findElements(By.cssSelector("#timeline li.matter"))) {
            assertEquals("DONE", m.getAttribute("data-stage"), m.getAttribute("data-matter"));
        }
        stagesAreInWords();
        look("rated");
        assertEquals(5, staffView(tn).get("rating").get("level").asInt());
    }

    /**
     * Fills the unified form with the demo application ({@link DemoForm}, table rows included) and ticks exactly the
     * materials {@code handedIn}.
     */
    private void fillDemo(JsonNode demo, Set<String> handedIn) {
        DemoForm.fill(browser, demo.get("values"), demo.get("applicantName").asText(), List.of(), false);
        browser.driver.executeScript("var handedIn = arguments[0];"
                + "document.querySelectorAll('input[name=m]').forEach(function (el) {"
                + " el.checked = handedIn.indexOf(el.value) >= 0; });", List.copyOf(handedIn));
    }

    /**
     * Checks the page at the run's width and at the other one: no horizontal overflow, a screenshot each
     * ({@code walk-<lang>-<width>-<stage>}); the window is back at the run's width afterwards.
     */
    private void look(String stage) throws IOException {
        int other = width == 1366 ? 390 : 1366;
        fits(stage, width);
        resize(other);
        fits(stage, other);
        resize(width);
    }

    private void fits(String stage, int w) throws IOException {
        // a phone's window widens to what overflows it: then innerWidth stays above w
        try {
            until(d -> ((Number) browser.driver.executeScript("return window.innerWidth")).intValue() == w);
        } catch (org.openqa.selenium.TimeoutException wider) {
            // reported below, with what sticks out
        }
        long inner = ((Number) browser.driver.executeScript("return window.innerWidth")).longValue();
        long scroll = ((Number) browser.driver.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(inner == w && scroll <= w + 1, () -> stage + " at " + w + " px: window " + inner + ", page " + scroll
                + " px wide; sticking out: " + browser.driver.executeScript(OVERFLOWING, w));
        browser.screenshot("walk-" + lang + "-" + w + "-" + stage);
    }

    /** The innermost elements whose right edge is beyond arguments[0] px, with their right edges. */
    private static final String OVERFLOWING = "var w = arguments[0], out = [];"
            + "function over(e) { return e.getBoundingClientRect().right > w + 1; }"
            + "document.querySelectorAll('body *').forEach(function (e) {"
            + " if (over(e) && !Array.from(e.children).some(over)) {"
            + "  out.push(e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' '"
            + "   + Math.round(e.getBoundingClientRect().right) + ': ' + (e.textContent || '').slice(0, 40)); } });"
            + "return out.slice(0, 6).join('; ');";

    private void resize(int w) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", w,
                "height", w == width ? height : w == 390 ? 844 : 900, "deviceScaleFactor", 1, "mobile", w < 600));
    }

    /** Every matter's stage on the case page reads in the page's language. */
    private void stagesAreInWords() {
        for (WebElement m : browser.driver.findElements(By.cssSelector("#timeline li.matter"))) {
            assertEquals(text("portal.stage." + m.getAttribute("data-stage")), m.findElement(By.cssSelector(".badge.stage")).getText());
        }
    }

    /** Picks {@code file} in the file input {@code input} (the script sends it and reloads); waits until {@code list} names it. */
    private void upload(String input, String list, Path file) {
        String name = file.getFileName().toString();
        browser.await(input).sendKeys(file.toString());
        until(d -> d.findElement(By.cssSelector(list)).getText().contains(name));
    }

    /** Supplies an awaited material on the case page; the page comes back saying so. */
    private void supply(String material) {
        browser.submit(browser.find("#supply-" + material + " button"));
        assertEquals(text("portal.case.supplied"), browser.await("#supplied-note").getText());
    }

    /** An officer asks on the desk for one field and maybe one material of the task to be corrected. */
    private void askCorrection(String officer, long task, String field, String material, String message) throws IOException {
        DeskSteps desk = new DeskSteps(browser, platform);
        desk.login(officer);
        desk.open(task);
        WebElement form = browser.await("#correction-request-form");
        form.findElement(By.id("field-" + field)).click();
        if (material != null) {
            form.findElement(By.id("material-" + material)).click();
        }
        form.findElement(By.name("message")).sendKeys(message);
        browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
        browser.await("#task-notice");
        browser.screenshot("walk-" + lang + "-" + width + "-desk-correction-" + officer);
        desk.logout();
    }

    /** Opens the case on the window, reloading until the window (which follows the case event log) shows {@code css}. */
    private void awaitOnWindow(String tn, String css) {
        browser.open(platform.desk("/window/cases/" + tn));
        new WebDriverWait(browser.driver, WINDOW_LAG, Duration.ofMillis(500)).until(d -> {
            if (!d.findElements(By.cssSelector(css)).isEmpty()) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    /** Claims if need be and approves, over the staff API, every ready or claimed task, step by step, until none is left. */
    private void approveOpen(String tn, JsonNode outputs) throws IOException {
        for (int round = 0; round < 12; round++) {
            JsonNode view = staffView(tn);
            Set<String> open = new TreeSet<>(inState(view, "READY"));
            open.addAll(inState(view, "CLAIMED"));
            if (open.isEmpty()) {
                return;
            }
            for (String matter : open) {
                approve(tn, matter, outputs);
            }
        }
        fail("tasks still open after 12 rounds");
    }

    private void approve(String tn, String matter, JsonNode outputs) throws IOException {
        JsonNode t = task(staffView(tn), matter);
        String[] auth = platform.staffAuth("officer-" + matter.substring(0, matter.indexOf('/')));
        if (t.get("state").asText().equals("READY")) {
            HttpResponse<String> claim = platform.send("POST", "/api/tasks/" + t.get("id").asLong() + "/claim", null, auth);
            assertEquals(200, claim.statusCode(), claim.body());
        }
        HttpResponse<String> approve = platform.send("POST", "/api/tasks/" + t.get("id").asLong() + "/decision",
                Distribution.JSON.writeValueAsString(Map.of("kind", "APPROVE", "outputs", outputs.get(matter))), auth);
        assertEquals(200, approve.statusCode(), () -> matter + ": " + approve.body());
    }

    private JsonNode staffView(String tn) throws IOException {
        HttpResponse<String> r = platform.send("GET", "/api/cases/" + tn, null, platform.staffAuth("it-supervisor"));
        assertEquals(200, r.statusCode(), r.body());
        return Distribution.JSON.readTree(r.body());
    }

    private static String key(JsonNode task) {
        return task.get("matter").get("department").asText() + "/" + task.get("matter").get("matter").asText();
    }

    private static JsonNode task(JsonNode view, String matter) {
        for (JsonNode t : view.get("tasks")) {
            if (key(t).equals(matter)) {
                return t;
            }
        }
        throw new AssertionError(matter + " has no task: " + view.get("tasks"));
    }

    private long taskId(String tn, String matter) throws IOException {
        return task(staffView(tn), matter).get("id").asLong();
    }

    private static Set<String> inState(JsonNode view, String state) {
        Set<String> matters = new TreeSet<>();
        view.get("tasks").forEach(t -> {
            if (t.get("state").asText().equals(state)) {
                matters.add(key(t));
            }
        });
        return matters;
    }

    /** @return the names of the values that differ between the two cases' values */
    private static Set<String> changed(JsonNode before, JsonNode after) {
        Set<String> names = new HashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        return names.stream().filter(n -> !before.path(n).equals(after.path(n))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> outputsOf(JsonNode outputs, String matter) {
        return new TreeMap<>(Distribution.JSON.convertValue(outputs.get(matter),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {
                }));
    }

    private Set<String> names(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("name")).collect(Collectors.toSet());
    }

    private Set<String> ids(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("id")).collect(Collectors.toSet());
    }

    private void until(Function<WebDriver, Boolean> condition) {
        // a page being replaced (an upload reloads it) answers stale or "node does not belong to the document"
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(condition::apply);
    }

    /** A portal text of the run's language, from the portal's message bundle. */
    private String text(String key, Object... args) {
        return format(portalTexts, key, args);
    }

    private String deskText(String key, Object... args) {
        return format(deskTexts, key, args);
    }

    private String format(Properties texts, String key, Object... args) {
        String pattern = texts.getProperty(key);
        assertTrue(pattern != null, "no text " + key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(args);
    }

    /** The bundle's texts in the run's language (English over the Chinese default, as the pages fall back). */
    private Properties bundle(String module, String base) throws IOException {
        Path dir = Path.of("..", module, "src", "main", "resources");
        Properties texts = new Properties();
        load(texts, dir.resolve(base + ".properties"));
        if (lang.equals("en")) {
            load(texts, dir.resolve(base + "_en.properties"));
        }
        return texts;
    }

    private static void load(Properties into, Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(r);
        }
    }
}
