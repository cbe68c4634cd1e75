package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The case page and the desk as a first-time applicant and the officers find them (issue 14, item 6), in
 * Chromium on the shared distribution, in Chinese and English: the receipt claims no message the platform
 * did not send; the case page lists every matter of the group from the moment of submission with its
 * stage and expected date; the history is in plain words with labelled outputs; the desk shows the
 * application before the decision forms, an applicant column, "claimed by" in the page's language, lands a
 * supervisor on supervision, and colours ratings on the five-level scale; a choice's value reads as its option label
 * in the desk's language. The tests run in order on one case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseDeskIT {

    private static final String GROUP = "enterprise-establishment";
    private static final String APPLICANT = "北京星河智联科技有限公司（筹）";
    /** The five-level rating scale's colours, 1 to 5 (BarChartSvg.RATING_SCALE). */
    private static final List<String> SCALE = List.of("#b3261e", "#a84300", "#7a6400", "#3f7d20", "#1a6b32");

    private Distribution platform;
    private Browser browser;
    private String trackingNumber;
    private DeskSteps desk;

    @BeforeAll
    void start() throws Exception {
        platform = Distribution.shared();
        browser = new Browser();
        desk = new DeskSteps(browser, platform);
        String user = "casedesk" + Long.toHexString(System.nanoTime());
        browser.open(platform.portal("/register?lang=zh"));
        browser.await("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys("a-much-longer-secret-1");
        browser.find("#f-name").sendKeys("王强");
        browser.find("#f-email").sendKeys(user + "@example.cn");
        browser.find("#register-submit").click();
        browser.await(".who");
        JsonNode application = platform.demo("enterprise-establishment-application.json");
        ObjectNode values = application.get("values").deepCopy();
        browser.open(platform.portal("/groups/" + GROUP + "/apply"));
        browser.await("#submit-application");
        DemoForm.fill(browser, values, APPLICANT, Distribution.JSON.convertValue(application.get("materials"), List.class),
                false);
        browser.submit(browser.find("#submit-application"));
        WebElement tracking = browser.await("#tracking-number, #error-summary");
        assertEquals("tracking-number", tracking.getAttribute("id"), tracking.getText());
        trackingNumber = tracking.getText().trim();
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

    private String text(String css) {
        return browser.await(css).getText();
    }

    @Test
    @Order(1)
    void theReceiptClaimsNoMessageThatWasNotSent() throws Exception {
        // the shipped platform has no SMTP server and only logs SMS: nothing reaches the applicant
        assertTrue(browser.driver.getCurrentUrl().endsWith("/cases/" + trackingNumber + "/receipt"),
                browser.driver.getCurrentUrl());
        String notSent = text("#receipt-not-sent");
        assertTrue(notSent.contains("未向您发送短信或电子邮件") && notSent.contains("业务编号"), notSent);
        assertTrue(browser.driver.findElements(By.id("receipt-sent")).isEmpty());
        assertFalse(browser.find("main").getText().contains("已同时通过短信"), browser.find("main").getText());
        browser.screenshot("casedesk-receipt-zh");
        browser.open(platform.portal("/cases/" + trackingNumber + "/receipt?lang=en"));
        assertTrue(text("#receipt-not-sent").contains("No text message or e-mail was sent"), text("#receipt-not-sent"));
        assertFalse(browser.find("main").getText().contains("was also sent"));
        browser.screenshot("casedesk-receipt-en");
        browser.open(platform.portal("/cases/" + trackingNumber + "/receipt?lang=zh"));
    }

    /** @return the case page's matters: key, step, stage, expected date */
    private List<String[]> matters() {
        List<String[]> matters = new ArrayList<>();
        for (WebElement li : browser.driver.findElements(By.cssSelector("#timeline li.matter"))) {
            matters.add(new String[] {li.getAttribute("data-matter"),
                    li.findElement(By.cssSelector(".matter-step")).getText(), li.getAttribute("data-stage"),
                    li.getAttribute("data-expected"), li.getText()});
        }
        return matters;
    }

    @Test
    @Order(2)
    void theCasePageShowsEveryMatterFromSubmissionWithItsExpectedDate() throws Exception {
        browser.open(platform.portal("/groups/" + GROUP));
        int blocks = browser.await("#flowchart").findElements(By.cssSelector(".flow-step .block")).size();
        assertTrue(blocks >= 9, "the demo group has at least nine matters: " + blocks);
        browser.open(platform.portal("/cases/" + trackingNumber));
        browser.await("#timeline");
        List<String[]> matters = matters();
        assertEquals(blocks, matters.size(), "every matter of the group, not only the tasks created so far");
        assertEquals(1, browser.driver.findElements(By.cssSelector("#timeline li.task")).size(),
                "only the first step's matter has a task yet");
        String first = matters.get(0)[4];
        assertEquals("IN_PROGRESS", matters.get(0)[2], first);
        assertTrue(first.contains("办理中") && first.contains("第 1 步") && first.contains("预计"), first);
        LocalDate firstDue = LocalDate.parse(matters.get(0)[3]);
        assertTrue(first.contains("承诺办结 " + firstDue), "the projection of a running matter is its promised date: " + first);
        LocalDate latest = firstDue;
        for (String[] m : matters.subList(1, matters.size())) {
            assertEquals("WAITING", m[2], m[4]);
            assertTrue(m[4].contains("等待前序事项") && m[4].contains("预计 " + m[3] + " 前办结"), m[4]);
            LocalDate expected = LocalDate.parse(m[3]);
            assertFalse(expected.isBefore(firstDue), "a later step ends no sooner than the first: " + m[4]);
            latest = expected.isAfter(latest) ? expected : latest;
        }
        assertTrue(latest.isAfter(firstDue), "the last step ends after the first");
        assertTrue(browser.find("#timeline-note").getText().contains("承诺办理时限"));
        browser.screenshot("casedesk-case-matters-zh");
        browser.open(platform.portal("/cases/" + trackingNumber + "?lang=en"));
        browser.await("#timeline");
        List<String[]> english = matters();
        assertEquals(blocks, english.size());
        assertTrue(english.get(0)[4].contains("In progress") && english.get(0)[4].contains("Step 1"), english.get(0)[4]);
        assertTrue(english.get(1)[4].contains("Waiting for an earlier step")
                && english.get(1)[4].contains("Expected by " + english.get(1)[3]), english.get(1)[4]);
        assertEquals(latest.toString(), english.stream().map(m -> m[3]).max(String::compareTo).orElseThrow(),
                "the same projection in both languages");
        browser.screenshot("casedesk-case-matters-en");
        browser.open(platform.portal("/cases/" + trackingNumber + "?lang=zh"));
    }

    /** @return the value the desk's case data shows for a data element */
    private String caseData(String element) {
        return browser.await("#case-data tr[data-element='" + element + "'] td").getText();
    }

    /** @return the id of the case's task in the logged-in officer's work list */
    private long taskInWorkList() {
        browser.open(platform.desk("/?lang=zh"));
        WebElement row = browser.await("#work-list tr[data-tracking-number='" + trackingNumber + "']");
        return Long.parseLong(row.getAttribute("data-task-id"));
    }

    @Test
    @Order(3)
    void theDeskShowsTheApplicantTheDataBeforeTheDecisionsAndWhoClaimedInWords() throws Exception {
        desk.login("officer-aic");
        long id = taskInWorkList();
        WebElement row = browser.find("#work-list tr[data-task-id='" + id + "']");
        assertEquals(APPLICANT, row.findElement(By.cssSelector("td[data-col=applicant]")).getText());
        List<String> headings = browser.driver.findElements(By.cssSelector("#work-list thead th")).stream()
                .map(WebElement::getText).toList();
        assertEquals("申请人", headings.get(1), headings.toString());
        browser.screenshot("casedesk-work-list-zh");
        desk.open(id);
        String state = text("#task-state");
        assertTrue(state.contains("officer-aic 已签收"), state);
        Object order = browser.driver.executeScript("return document.getElementById('case-data')"
                + ".compareDocumentPosition(document.getElementById('approve-form')) & Node.DOCUMENT_POSITION_FOLLOWING;");
        assertTrue(((Number) order).intValue() > 0, "the application's data comes before the decision forms");
        String main = browser.find("main").getText();
        assertFalse(main.contains("Claimed by") || main.contains("Submitted for") || main.contains("value(s)"), main);
        assertTrue(text("#timeline").contains("工商") && text("#timeline").contains("的工作人员已受理"), text("#timeline"));
        // a CHOICE's value reads as its option label in the page's language (the stored value is the Chinese option)
        assertEquals("有限责任公司（自然人投资或控股）", caseData("enterprise-type"));
        assertEquals("选举", caseData("legal-representative-appointment"));
        // a table (the investors) is a small table under its columns' labels, never raw JSON
        String investors = text("#case-data tr[data-element=investors] table.data-rows");
        assertTrue(investors.contains("认缴出资额（元）") && investors.contains("张明") && investors.contains("600000")
                && investors.contains("货币"), investors);
        assertFalse(text("#case-data").contains("[{"), text("#case-data"));
        browser.screenshot("casedesk-task-zh");
        browser.open(platform.desk("/tasks/" + id + "?lang=en"));
        assertEquals("Limited liability company (invested or controlled by natural persons)", caseData("enterprise-type"));
        assertEquals("Elected", caseData("legal-representative-appointment"));
        browser.driver.executeScript("document.querySelector('#case-data tr[data-element=enterprise-type]').scrollIntoView()");
        browser.screenshot("casedesk-task-options-en");
        assertTrue(text("#task-state").contains("(claimed by officer-aic)"), text("#task-state"));
        String en = text("#case-data tr[data-element=investors] table.data-rows");
        assertTrue(en.contains("Subscribed amount (yuan)") && en.contains("Cash"), en);
        assertTrue(text("#timeline").contains("An officer of") && text("#timeline").contains("Application submitted"),
                text("#timeline"));
        browser.open(platform.desk("/?lang=en"));
        assertEquals("Applicant", browser.await("#work-list thead th:nth-child(2)").getText());
        browser.screenshot("casedesk-work-list-en");
        browser.open(platform.desk("/tasks/" + id + "?lang=zh"));
        JsonNode outputs = platform.demo("enterprise-establishment-outputs.json").get("aic/name-preapproval");
        desk.approve(Distribution.JSON.convertValue(outputs, Map.class));
        desk.logout();
    }

    @Test
    @Order(4)
    void theHistoryIsInPlainWordsAndEveryOutputIsLabelled() throws Exception {
        String number = platform.demo("enterprise-establishment-outputs.json").get("aic/name-preapproval")
                .get("name-preapproval-number").asText();
        browser.open(platform.portal("/cases/" + trackingNumber + "?lang=zh"));
        String events = text("#events");
        assertTrue(events.contains("提交申请") && events.contains("开始办理") && events.contains("的工作人员已受理")
                && events.contains("已办结"), events);
        assertTrue(events.contains("名称预先核准文号：" + number), events);
        for (String developer : List.of("Submitted for", "value(s)", "{\"", "name-preapproval-number", "promised by")) {
            assertFalse(events.contains(developer), developer + " in " + events);
        }
        String first = browser.find("#timeline li.matter").getText();
        assertTrue(first.contains("已办结") && first.contains("名称预先核准文号：" + number), first);
        assertEquals("DONE", browser.find("#timeline li.matter").getAttribute("data-stage"));
        // the next step's tasks exist now, the rest still wait
        assertTrue(browser.driver.findElements(By.cssSelector("#timeline li.task")).size() > 1);
        browser.screenshot("casedesk-case-history-zh");
        browser.open(platform.portal("/cases/" + trackingNumber + "?lang=en"));
        String english = text("#events");
        assertTrue(english.contains("Application submitted") && english.contains("approved")
                && english.contains("Name pre-approval number：" + number), english);
        assertFalse(english.contains("提交申请") || english.contains("name-preapproval-number"), english);
        browser.screenshot("casedesk-case-history-en");
        browser.open(platform.portal("/cases/" + trackingNumber + "?lang=zh"));
    }

    @Test
    @Order(5)
    void aSupervisorLandsOnSupervisionWithRatingsOnTheFiveLevelScale() throws Exception {
        desk.login("it-supervisor");
        // the landing page of a supervisor of no department is supervision, not an empty work list
        assertTrue(browser.driver.getCurrentUrl().endsWith("/"), browser.driver.getCurrentUrl());
        browser.await("#statistics");
        assertTrue(browser.driver.findElements(By.id("work-list")).isEmpty());
        assertEquals("page", browser.find("nav a[href$='/supervision']").getAttribute("aria-current"));
        List<String> fills = browser.driver.findElements(By.cssSelector("#rating-chart rect.legend")).stream()
                .map(r -> r.getAttribute("fill")).toList();
        assertEquals(SCALE, fills, "level 1 red to level 5 green");
        String legend = browser.find("#rating-chart").getText() + browser.driver.findElements(
                By.cssSelector("#rating-chart text")).stream().map(WebElement::getText).toList();
        for (String level : List.of("非常不满意", "不满意", "基本满意", "满意", "非常满意")) {
            assertTrue(legend.contains(level), legend);
        }
        for (WebElement cell : browser.driver.findElements(By.cssSelector("#statistics td[data-level]"))) {
            int level = Integer.parseInt(cell.getAttribute("data-level"));
            WebElement badge = cell.findElement(By.cssSelector(".rating-level"));
            assertTrue(badge.getAttribute("class").contains("rating-" + level));
            assertFalse(badge.getText().isBlank(), "the level in words, not only a colour");
        }
        browser.screenshot("casedesk-supervision-zh");
        browser.open(platform.desk("/?lang=en"));
        browser.await("#statistics");
        String english = browser.driver.findElements(By.cssSelector("#rating-chart text")).stream()
                .map(WebElement::getText).toList().toString();
        assertTrue(english.contains("Very dissatisfied") && english.contains("Very satisfied"), english);
        browser.screenshot("casedesk-supervision-en");
        browser.open(platform.desk("/supervision?lang=zh"));
        desk.logout();
    }
}
