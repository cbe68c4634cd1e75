package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The applicant portal in a real headless Chromium against the real distribution: registering,
 * logging in, finding a service, its flow chart and checklist, the unified form with checks as you
 * type and a draft, submitting, following the case; and another applicant seeing none of it.
 */
class JourneyIT {

    static Distribution platform;
    static Browser browser;
    static JsonNode outputs;
    /** The supervisors' figures before this class's case. */
    static Map<String, Map<String, Integer>> before;

    @BeforeAll
    static void start() throws Exception {
        platform = Distribution.shared();
        outputs = platform.demo("enterprise-establishment-outputs.json");
        browser = new Browser();
        DeskSteps desk = new DeskSteps(browser, platform);
        desk.login("it-supervisor");
        before = desk.statistics();
        desk.logout();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    String portal(String path) {
        return platform.portal(path);
    }

    void register(String username, String name) throws Exception {
        browser.open(portal("/register"));
        browser.await("#f-username").sendKeys(username);
        browser.find("#f-password").sendKeys("short");
        browser.find("#f-name").sendKeys(name);
        browser.find("#f-mobile").sendKeys("13800138000");
        browser.find("#f-email").sendKeys(username + "@example.cn");
        browser.find("#register-submit").click();
        // every problem at once, next to its field; what was typed is kept, the password is not
        until(d -> !d.findElement(By.id("f-password-error")).getText().isBlank());
        assertEquals("true", browser.find("#f-password").getAttribute("aria-invalid"));
        assertTrue(browser.find("#f-password").getAttribute("aria-describedby").contains("f-password-error"));
        assertEquals(username, browser.find("#f-username").getAttribute("value"));
        assertEquals("", browser.find("#f-password").getAttribute("value"));
        assertTrue(browser.find("#error-summary a[href='#f-password']").isDisplayed());
        browser.screenshot("portal-register-error");
        browser.find("#f-password").sendKeys("a-much-longer-secret-1");
        browser.find("#register-submit").click();
        assertTrue(browser.await(".who").getText().contains(name));
    }

    void logout() {
        browser.find("header .account button.link").click();
        browser.await("a[href='/login']");
    }

    /** Runs fetch in the page, with the page's CSRF token; answers the status. */
    long fetchStatus(String method, String path, String body) {
        Object status = browser.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var token = document.querySelector('meta[name=\"csrf-token\"]').content;"
                        + "fetch(arguments[1], {method: arguments[0], credentials: 'same-origin',"
                        + " headers: arguments[0] === 'POST' ? {'X-CSRF-Token': token,"
                        + " 'Content-Type': 'application/x-www-form-urlencoded'} : {},"
                        + " body: arguments[2]}).then(function (r) { done(r.status); });",
                method, path, body);
        return ((Number) status).longValue();
    }

    /** Waits up to 10 s for a condition on the page (the page before a click may still be showing). */
    void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).ignoring(
                org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition::apply);
    }

    JsonNode staff(String method, String path, String body, String user) throws Exception {
        var r = platform.send(method, path, body, "Authorization", platform.staffAuthorization(user));
        assertEquals(200, r.statusCode(), () -> method + " " + path + ": " + r.body());
        return Distribution.JSON.readTree(r.body());
    }

    JsonNode task(String tn, String matter) throws Exception {
        for (JsonNode t : staff("GET", "/api/cases/" + tn, null, "it-supervisor").get("tasks")) {
            if (matter.equals(t.get("matter").get("department").asText() + "/" + t.get("matter").get("matter").asText())) {
                return t;
            }
        }
        throw new AssertionError(matter + " has no task on " + tn);
    }

    /** The outputs an officer of this matter enters: the demo's. */
    Map<String, String> outputsOf(String matter) {
        return Distribution.JSON.convertValue(outputs.get(matter), new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
    }

    /**
     * The officers of each department log in on the desk and claim and approve, with the demo outputs, the case's
     * ready tasks of these matters, step by step (a step's approvals make the next step's tasks ready).
     */
    void approveReady(String tn, Set<String> matters) throws Exception {
        DeskSteps desk = new DeskSteps(browser, platform);
        for (int step = 0; step < 10; step++) {
            Map<String, Map<Long, String>> ready = new java.util.TreeMap<>();
            for (JsonNode t : staff("GET", "/api/cases/" + tn, null, "it-supervisor").get("tasks")) {
                String matter = t.get("matter").get("department").asText() + "/" + t.get("matter").get("matter").asText();
                if (matters.contains(matter) && Set.of("READY", "CLAIMED").contains(t.get("state").asText())) {
                    ready.computeIfAbsent(t.get("matter").get("department").asText(), d -> new java.util.TreeMap<>())
                            .put(t.get("id").asLong(), matter);
                }
            }
            if (ready.isEmpty()) {
                return;
            }
            for (var department : ready.entrySet()) {
                desk.login("officer-" + department.getKey());
                for (var task : department.getValue().entrySet()) {
                    desk.open(task.getKey());
                    desk.approve(outputsOf(task.getValue()));
                    assertEquals("APPROVED", task(tn, task.getValue()).get("state").asText(), task.getValue());
                    browser.screenshot("journey-desk-approved-" + task.getValue().replace('/', '-'));
                }
                desk.logout();
            }
        }
        throw new AssertionError("still tasks to approve after 10 steps");
    }

    @Test
    void anApplicantRegistersFindsAServiceFillsTheFormAndFollowsTheCase() throws Exception {
        String alice = "alice" + Long.toHexString(System.nanoTime());
        register(alice, "王强");
        logout();

        // a page that needs login sends there and comes back afterwards
        browser.open(portal("/cases"));
        assertTrue(browser.await("#login-form").isDisplayed());
        assertTrue(browser.driver.getCurrentUrl().contains("next=%2Fcases"), browser.driver.getCurrentUrl());
        browser.find("#f-username").sendKeys(alice);
        browser.find("#f-password").sendKeys("wrong-password-123");
        browser.find("#login-submit").click();
        assertEquals("用户名或密码不正确。", browser.await("#login-error").getText());
        browser.screenshot("portal-login-failed");
        browser.find("#f-password").sendKeys("a-much-longer-secret-1");
        browser.find("#login-submit").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/cases"));
        assertTrue(browser.await("main").getText().contains("您还没有办件"));

        // the catalog: by need, and by searching
        browser.open(portal("/"));
        assertTrue(browser.await("#need-business-start h3").getText().contains("开办企业"));
        assertTrue(browser.find("#need-business-start a[href='/groups/enterprise-establishment']").isDisplayed());
        assertTrue(browser.find("#type-enterprise a[href='/groups/enterprise-establishment']").isDisplayed());
        assertTrue(browser.driver.findElements(By.cssSelector("#type-individual a[href='/groups/enterprise-establishment']"))
                .isEmpty());
        browser.find("#q").sendKeys("高新技术");
        browser.find("form.search button").click();
        assertTrue(browser.await("#search-result").getText().contains("1"));
        browser.screenshot("portal-home-search");
        browser.find("#q").clear();
        browser.find("#q").sendKeys("没有这种服务");
        browser.find("form.search button").click();
        until(d -> d.findElement(By.id("search-result")).getText().contains("找到 0 项"));
        assertTrue(browser.driver.findElements(By.cssSelector("a[href='/groups/enterprise-establishment']")).isEmpty());
        browser.open(portal("/?q=high-tech"));
        browser.await("#need-business-start a[href='/groups/enterprise-establishment']").click();

        // the group page: the flow chart as a picture with one box per step holding one box per matter
        WebElement chart = browser.await("#flowchart");
        assertEquals("img", chart.getAttribute("role"));
        int blocks = browser.driver.findElements(By.cssSelector("#flowchart .flow-step .block")).size();
        assertEquals(9, blocks, "the group runs nine matters");
        assertEquals(blocks, browser.driver.findElements(By.cssSelector("#chart-table tbody tr")).size());
        assertTrue(browser.driver.findElements(By.cssSelector("#flowchart .flow-step")).size() >= 4);
        browser.screenshot("portal-group");
        // the checklist is truthful (issue 14): what earlier steps issue is never asked, the bank-account permit is asked
        // at its step, the labour contracts may follow on a commitment; the verdict counts only what is needed now
        List<WebElement> upFront = browser.driver.findElements(By.cssSelector("#checklist-form input[name=m][data-upfront=true]"));
        assertTrue(upFront.size() > 3, "materials listed");
        assertFalse(browser.driver.findElements(By.cssSelector("#checklist-form .material-line[data-kind=ISSUED]")).isEmpty(),
                "materials an earlier step issues are shown as obtained during the procedure");
        assertTrue(browser.driver.findElements(By.cssSelector("#have-business-licence-copy")).isEmpty(), "and not ticked");
        String firstTicked = upFront.get(0).getAttribute("value");
        upFront.get(0).click();
        upFront.get(1).click();
        browser.find("#checklist-form button").click();
        WebElement missing = browser.await("#checklist-missing");
        assertEquals(upFront.size() - 2, missing.findElements(By.cssSelector("li")).size());
        assertEquals("AT_STEP", browser.find("#checklist-lines li[data-material=bank-account-licence-copy]").getAttribute("data-supply"));
        assertEquals("MINOR", browser.find("#checklist-lines li[data-material=labour-contracts]").getAttribute("data-supply"));
        assertEquals("ISSUED", browser.find("#checklist-lines li[data-material=business-licence-copy]").getAttribute("data-supply"));
        assertEquals(upFront.size() - 2, browser.driver.findElements(By.cssSelector("#checklist-lines li[data-supply=MISSING]")).size(),
                "only what is needed up front is marked missing");
        browser.screenshot("portal-group-checklist");
        for (WebElement box : browser.driver.findElements(By.cssSelector("#checklist-form input[name=m][data-upfront=true]"))) {
            if (!box.isSelected()) {
                box.click();
            }
        }
        browser.find("#checklist-form button").click();
        assertTrue(browser.await("#checklist-ready").getText().contains("可以申请"));
        assertTrue(browser.driver.findElements(By.cssSelector("#checklist-missing, #checklist-lines li[data-supply=MISSING]")).isEmpty(),
                "no missing line under the ready verdict");
        browser.screenshot("portal-group-checklist-ready");
        browser.find("#start-application").click();
        assertTrue(browser.await("#m-" + firstTicked).isSelected(), "the ticks of the checklist are carried to the form");
        assertTrue(browser.find("#promise-labour-contracts") != null, "a minor material can be promised on the form");

        // the unified form: prefilled from the account, checked as you type, kept as a draft
        // (the group is for enterprises: the applicant's name is the enterprise's, not the person's; FormIT)
        WebElement name = browser.await("#f-applicantName");
        assertEquals("", name.getAttribute("value"));
        assertTrue(browser.find("#f-contactPhone").getAttribute("class").contains("prefilled"));
        assertTrue(browser.find("#f-contactPhone-help").getText().contains("来自您的账户"));
        WebElement id = browser.find("#f-designated-representative-id-number");
        id.sendKeys("110108199007223017"); // wrong check digit
        browser.find("#f-designated-representative-name").click();
        assertFalse(browser.await("#f-designated-representative-id-number-error").getText().isBlank());
        assertEquals("true", id.getAttribute("aria-invalid"));
        browser.screenshot("portal-form-error");
        id.clear();
        id.sendKeys("110108199007223016");
        browser.find("#f-designated-representative-name").click();
        assertEquals("", browser.find("#f-designated-representative-id-number-error").getText());
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> "true".equals(d.findElement(By.id("draft-note")).getAttribute("data-saved")));
        browser.driver.navigate().refresh();
        assertEquals("110108199007223016", browser.await("#f-designated-representative-id-number").getAttribute("value"));
        assertFalse(browser.find("#draft-note").getText().isBlank());

        // submitting the incomplete form shows every problem at its field and a summary that has the focus
        String key = browser.find("input[name=submissionKey]").getAttribute("value");
        browser.find("#submit-application").click();
        WebElement summary = browser.await("#error-summary");
        assertEquals("error-summary", browser.driver.switchTo().activeElement().getAttribute("id"));
        assertTrue(summary.findElements(By.cssSelector("a[href='#f-enterprise-name']")).size() == 1, summary.getText());
        assertEquals("true", browser.find("#f-enterprise-name").getAttribute("aria-invalid"));
        assertFalse(browser.find("#f-enterprise-name-error").getText().isBlank());
        assertEquals("110108199007223016", browser.find("#f-designated-representative-id-number").getAttribute("value"));
        assertEquals(key, browser.find("input[name=submissionKey]").getAttribute("value"));
        browser.screenshot("portal-form-invalid");

        // submit the demo application
        JsonNode demo = platform.demo("enterprise-establishment-application.json");
        DemoForm.fill(browser, demo);
        browser.screenshot("portal-form-filled");
        browser.submit(browser.find("#submit-application")); // the page before has an #error-summary too
        WebElement tracking = browser.await("#tracking-number, #error-summary");
        assertEquals("tracking-number", tracking.getAttribute("id"), tracking.getText());
        String tn = tracking.getText().trim();
        assertFalse(tn.isEmpty());
        browser.screenshot("portal-receipt");

        // my cases and the case's timeline
        browser.open(portal("/cases"));
        browser.await("#my-cases a[href='/cases/" + tn + "']").click();
        assertEquals(tn, browser.await("#tracking-number").getText());
        assertEquals("办理中", browser.find("#case-state").getText());
        assertTrue(browser.driver.findElements(By.cssSelector("#timeline li.task")).size() >= 1);
        assertTrue(browser.find("#events").getText().contains("提交申请"));
        assertTrue(browser.driver.findElements(By.id("rating-form")).isEmpty(), "no rating while open");
        browser.screenshot("portal-case");

        // on the desk, an officer asks for a correction; the applicant answers it on the case page
        approveReady(tn, Set.of("aic/name-preapproval"));
        long licence = task(tn, "aic/business-licence").get("id").asLong();
        DeskSteps desk = new DeskSteps(browser, platform);
        desk.login("officer-aic");
        desk.open(licence);
        desk.requestCorrection("registered-address", "请更正注册地址。");
        browser.screenshot("journey-desk-correction-requested");
        desk.logout();
        assertEquals("CORRECTION", task(tn, "aic/business-licence").get("state").asText());
        browser.open(portal("/cases/" + tn));
        WebElement correction = browser.await("#correction-form");
        assertTrue(browser.find("main").getText().contains("请更正注册地址。"));
        // one request naming who asked; the form has only the field asked for and no materials (none were asked)
        assertTrue(browser.find("#correction-request").getText().contains("营业执照"), browser.find("#correction-request").getText());
        assertEquals(1, correction.findElements(By.cssSelector("[name^='v.']")).size(), "only the field asked for");
        assertTrue(correction.findElements(By.cssSelector("input[name=m]")).isEmpty(), "no materials were asked for");
        WebElement address = correction.findElement(By.name("v.registered-address"));
        address.clear();
        address.sendKeys("北京市海淀区中关村大街27号1102室");
        correction.findElement(By.name("message")).sendKeys("已更正。");
        browser.screenshot("portal-case-correction");
        correction.findElement(By.cssSelector("button[type=submit]")).click();
        until(d -> d.findElements(By.id("correction-form")).isEmpty());
        assertTrue(browser.find("#events").getText().contains("已补正"));
        // a clear confirmation, and the request no longer shows as pending
        WebElement confirmation = browser.await("#correction-confirmation");
        assertTrue(confirmation.getText().contains("补正已提交"), confirmation.getText());
        assertTrue(browser.driver.findElements(By.id("correction-request")).isEmpty(), "the request is no longer pending");
        assertEquals("CLAIMED", task(tn, "aic/business-licence").get("state").asText(), "back with its officer");
        browser.screenshot("portal-case-correction-answered");

        // every department approves; the applicant rates the closed case once
        Set<String> all = new TreeSet<>();
        outputs.fieldNames().forEachRemaining(all::add);
        approveReady(tn, all);
        browser.open(portal("/cases/" + tn));
        assertEquals("已办结", browser.await("#case-state").getText());
        WebElement rating = browser.find("#rating-form");
        assertEquals(5, rating.findElements(By.cssSelector("input[type=radio][name=level]")).size());
        rating.findElement(By.cssSelector("button[type=submit]")).click();
        until(d -> !d.findElement(By.id("f-level-error")).getText().isBlank()); // a level must be chosen
        browser.screenshot("portal-rating-error");
        browser.find("#level-4").click();
        browser.find("#f-comment").sendKeys("办得很快。");
        browser.find("#rating-form button[type=submit]").click();
        assertEquals("您的评价：满意：办得很快。", browser.await("#given-rating").getText());
        assertTrue(browser.driver.findElements(By.id("rating-form")).isEmpty());
        browser.screenshot("portal-rated");
        // and rates aic's licence step (好差评 per department step): a level must be chosen, then it is given once
        WebElement step = browser.find("#step-rating-form-" + licence);
        step.findElement(By.cssSelector("button[type=submit]")).click();
        until(d -> !d.findElement(By.id("f-step-" + licence + "-level-error")).getText().isBlank());
        new org.openqa.selenium.support.ui.Select(browser.find("#f-step-" + licence + "-level")).selectByValue("3");
        browser.find("#step-rating-form-" + licence + " button[type=submit]").click();
        until(d -> d.findElements(By.id("step-rating-form-" + licence)).isEmpty());
        assertEquals("您的评价：基本满意", browser.find("#step-rating-" + licence + " .given-step-rating").getText());
        browser.screenshot("portal-step-rated");
        logout();

        // the supervisor sees it: every department's work done, aic's correction, the case's rating everywhere
        desk.login("it-supervisor");
        browser.find("header nav a[href$='/supervision']").click();
        assertEquals(8, browser.await("#statistics").findElements(By.cssSelector("tbody tr[data-department]")).size());
        // this case added to every department one done task, to aic a second done task, a correction and the one step
        // rating (the case's own rating counts for no department)
        Map<String, Map<String, Integer>> now = desk.statistics();
        for (var department : now.entrySet()) {
            Map<String, Integer> was = before.getOrDefault(department.getKey(),
                    Map.of("open", 0, "done", 0, "overdue", 0, "corrections", 0, "ratings", 0));
            Map<String, Integer> expected = new TreeMap<>(was);
            boolean aic = department.getKey().equals("aic");
            expected.merge("done", aic ? 2 : 1, Integer::sum);
            expected.merge("corrections", aic ? 1 : 0, Integer::sum);
            expected.merge("ratings", aic ? 1 : 0, Integer::sum);
            assertEquals(expected, department.getValue(), department.getKey() + ", before " + was);
        }
        assertTrue(browser.driver.findElements(By.id("no-ratings")).isEmpty());
        assertEquals(8, browser.driver.findElements(By.cssSelector("#rating-chart g.group")).size());
        assertFalse(browser.find("#ratings-note").getText().isBlank());
        browser.screenshot("journey-desk-supervision");
        desk.logout();

        // another applicant sees nothing of it
        register("bob" + Long.toHexString(System.nanoTime()), "李娜");
        assertEquals(404, fetchStatus("GET", "/cases/" + tn, null));
        assertEquals(404, fetchStatus("POST", "/cases/" + tn + "/rating", "level=5&comment=x"));
        assertEquals(404, fetchStatus("POST", "/cases/" + tn + "/tasks/1/correction", "message=x"));
        assertEquals(404, fetchStatus("POST", "/cases/" + tn + "/correction", "message=x"));
        assertEquals(404, fetchStatus("POST", "/cases/" + tn + "/tasks/" + licence + "/rating", "level=5"));
        assertEquals(404, fetchStatus("GET", "/cases/TH-NO-SUCH-CASE", null));
        browser.open(portal("/cases/" + tn));
        assertFalse(browser.await("main").getText().contains(tn));
        assertTrue(browser.driver.findElements(By.id("tracking-number")).isEmpty());
        browser.screenshot("portal-case-not-found");
        browser.open(portal("/cases"));
        assertTrue(browser.await("main").getText().contains("您还没有办件"));
    }
}
