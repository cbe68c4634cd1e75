package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The unified form's rough edges (issue 14), in a real headless Chromium against the shared distribution: section
 * navigation and progress, no red after merely tabbing, errors under their input, single-line code inputs, persons
 * picked again, the registration authority prefilled, the applicant's name by applicant type, options in English.
 */
class FormIT extends BrowserOnSharedPlatform {

    private static final String FORM = "/groups/enterprise-establishment/apply";
    private static final String PERSON = "赵敏";

    @BeforeAll
    static void register() throws Exception {
        String username = "form" + Long.toHexString(System.nanoTime());
        browser.open(platform.portal("/register"));
        browser.await("#f-username").sendKeys(username);
        browser.find("#f-password").sendKeys("a-much-longer-secret-1");
        browser.find("#f-name").sendKeys(PERSON);
        browser.find("#f-mobile").sendKeys("13800138000");
        browser.find("#f-email").sendKeys(username + "@example.cn");
        browser.submit(browser.find("#register-submit"));
    }

    private static WebElement openForm(String query) {
        browser.open(platform.portal(FORM + query));
        return browser.await("#application-form");
    }

    private static Object js(String script, Object... args) {
        return browser.driver.executeScript(script, args);
    }

    @Test
    void theSectionNavigationListsEverySectionWithItsCountsAndTheProgressMovesAsFieldsAreFilled() throws Exception {
        openForm("");
        WebElement nav = browser.await("#form-nav");
        List<WebElement> links = nav.findElements(By.cssSelector("a[data-section]"));
        // particulars, one per matter section, materials
        long sections = (Long) js("return document.querySelectorAll('#application-form fieldset[id^=section-]').length;");
        assertEquals(sections + 1, links.size());
        assertTrue(sections >= 5, "sections: " + sections);
        WebElement progress = browser.find("#form-progress");
        int max = Integer.parseInt(progress.getAttribute("max"));
        int before = Integer.parseInt(progress.getAttribute("value"));
        assertTrue(max > 20, "required fields: " + max);
        String text = browser.find("#form-progress-text").getText();
        assertTrue(text.contains("/ " + max), text);

        WebElement name = browser.find("#f-enterprise-name");
        String section = (String) js("return arguments[0].closest('fieldset').id;", name);
        String count = browser.find("#" + section + "-count").getText();
        name.sendKeys("北京星河智联科技有限公司");
        browser.find("#f-registered-capital").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(
                d -> Integer.parseInt(d.findElement(By.id("form-progress")).getAttribute("value")) == before + 1);
        assertFalse(count.equals(browser.find("#" + section + "-count").getText()), "section count moves");

        // the navigation jumps to a section and stays in sight while the form scrolls (sticky)
        WebElement last = links.get(links.size() - 2);
        last.click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                .until(d -> d.getCurrentUrl().endsWith("#" + last.getAttribute("data-section")));
        Number top = (Number) js("return document.getElementById('form-nav').getBoundingClientRect().top;");
        Number scrolled = (Number) js("return window.scrollY;");
        assertTrue(scrolled.doubleValue() > 1000, "scrolled " + scrolled);
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 50, "nav top " + top);
        browser.screenshot("form-navigation");
    }

    @Test
    void tabbingThroughUntouchedFieldsRaisesNoErrorAndAnErrorShowsRightUnderItsInput() throws Exception {
        openForm("");
        browser.find("#f-applicantType").click();
        for (int i = 0; i < 30; i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        Number invalid = (Number) js("return document.querySelectorAll('#application-form [aria-invalid=true]').length;");
        assertEquals(0, invalid.intValue());
        String errors = (String) js("return Array.from(document.querySelectorAll('#application-form p.error'))"
                + ".map(function (e) { return e.textContent.trim(); }).join('');");
        assertEquals("", errors);

        WebElement postal = browser.find("#f-postal-code");
        postal.sendKeys("10008");
        browser.find("#f-registered-address").click();
        WebElement error = browser.await("#f-postal-code-error");
        assertFalse(error.getText().isBlank());
        assertEquals("true", postal.getAttribute("aria-invalid"));
        assertTrue(postal.getAttribute("aria-describedby").startsWith("f-postal-code-error"));
        // directly under the input: same box, just below it, nothing in between
        assertEquals(Boolean.TRUE, js("return arguments[0].nextElementSibling === arguments[1];", postal, error));
        int gap = error.getRect().getY() - (postal.getRect().getY() + postal.getRect().getHeight());
        assertTrue(gap >= 0 && gap < 16, "gap " + gap);
        browser.screenshot("form-error-under-input");
        postal.sendKeys("0");
        assertEquals("", browser.find("#f-postal-code-error").getText());
    }

    @Test
    void codesAreSingleLineInputsWithTheirLengthAndKeyboard() {
        openForm("");
        WebElement postal = browser.find("#f-postal-code");
        assertEquals("input", postal.getTagName());
        assertEquals("6", postal.getAttribute("maxlength"));
        assertEquals("numeric", postal.getAttribute("inputmode"));
        assertEquals("[0-9]{6}", postal.getAttribute("pattern"));
        WebElement industry = browser.find("#f-industry-code");
        assertEquals("input", industry.getTagName());
        assertEquals("5", industry.getAttribute("maxlength"));
        assertTrue(industry.getAttribute("class").contains("short"));
        assertEquals("18", browser.find("#f-legal-representative-id-number").getAttribute("maxlength"));
        // long texts keep several lines
        assertEquals("textarea", browser.find("#f-business-scope").getTagName());
    }

    @Test
    void aPersonEnteredOnceIsPickedAgainWithNameIdNumberAndPhone() {
        openForm("");
        browser.find("#f-legal-representative-name").sendKeys("张明");
        browser.find("#f-legal-representative-id-number").sendKeys("110108197809151545");
        browser.find("#f-legal-representative-phone").sendKeys("13900139000");
        WebElement pick = browser.await("#pick-contact-person");
        pick.click();
        Select select = new Select(pick);
        assertTrue(select.getOptions().stream().anyMatch(o -> o.getText().startsWith("张明")),
                select.getOptions().stream().map(WebElement::getText).toList().toString());
        select.selectByValue("legal-representative");
        assertEquals("张明", browser.find("#f-contact-person-name").getAttribute("value"));
        assertEquals("110108197809151545", browser.find("#f-contact-person-id-number").getAttribute("value"));
        assertEquals("13900139000", browser.find("#f-contact-phone").getAttribute("value"));
        assertNotNull(browser.find("#pick-contact-person").getAttribute("aria-label"));
    }

    @Test
    void theRegistrationAuthorityIsPrefilledReadOnlyAndCannotBeChanged() throws Exception {
        openForm("");
        WebElement authority = browser.find("#f-registration-authority");
        assertEquals("北京市工商行政管理局海淀分局", authority.getAttribute("value"));
        assertEquals("true", authority.getAttribute("readonly"));
        assertTrue(browser.find("#f-registration-authority-help").getText().contains("自动填写"));
        // a value posted in its place is replaced by the department's name
        js("arguments[0].removeAttribute('readonly'); arguments[0].value = '别的机关';", authority);
        browser.submit(browser.find("#submit-application"));
        assertEquals("北京市工商行政管理局海淀分局", browser.await("#f-registration-authority").getAttribute("value"));
        // the pre-approval number's help no longer asks to type into a field that cannot be typed in
        assertFalse(browser.find("main").getText().contains("输入文号后"));
    }

    @Test
    void theApplicantsNameIsThePersonsOnlyForAnIndividual() {
        openForm("");
        assertEquals("", browser.find("#f-applicantName").getAttribute("value"), "an enterprise's name is not the person's");
        browser.open(platform.portal("/groups/individual-business-establishment/apply"));
        assertEquals(PERSON, browser.await("#f-applicantName").getAttribute("value"));
    }

    @Test
    void everyOptionReadsInEnglishAndKeepsItsValue() throws Exception {
        openForm("?lang=en");
        Select type = new Select(browser.find("#f-enterprise-type"));
        WebElement first = type.getOptions().get(1);
        assertEquals("有限责任公司（自然人投资或控股）", first.getAttribute("value"));
        assertEquals("Limited liability company (invested or controlled by natural persons)", first.getText());
        String chinese = (String) js("return Array.from(document.querySelectorAll('#application-form select[name^=\"v.\"] option'))"
                + ".filter(function (o) { return o.value && /[\\u4e00-\\u9fff]/.test(o.textContent); })"
                + ".map(function (o) { return o.textContent; }).join(' | ');");
        assertEquals("", chinese);
        browser.screenshot("form-options-en");
    }

    private static List<WebElement> investorRows() {
        return browser.driver.findElements(By.cssSelector("#f-investors tbody tr"));
    }

    private static String cell(int row, String column) {
        return browser.find("[name='v.investors." + row + "." + column + "']").getAttribute("value");
    }

    private static void addInvestorRow() {
        browser.submit(browser.find("button[name=row][value='add:investors']"));
        browser.await("#application-form");
    }

    @Test
    void investorsAreRowsAddedAndRemovedCheckedPerCellKeptInTheDraftInEnglishAndCardsOnAPhone() throws Exception {
        openForm("?lang=zh");
        assertEquals(1, investorRows().size(), "one empty row to start");
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth;"),
                "the table scrolls in its box, not the page: " + js("return document.documentElement.scrollWidth;"));
        assertEquals(8, browser.driver.findElements(By.cssSelector("#f-investors thead th")).size(), "number, 6 columns, actions");
        // a person entered once is picked into a row: name and ID number
        browser.find("#f-legal-representative-name").sendKeys("张明");
        browser.find("#f-legal-representative-id-number").sendKeys("110108197809151545");
        WebElement pick = browser.await("#pick-investors-0");
        pick.click();
        new Select(pick).selectByValue("legal-representative");
        assertEquals("张明", cell(0, "name"));
        assertEquals("110108197809151545", cell(0, "id-number"));
        browser.find("[name='v.investors.0.amount']").sendKeys("600000");
        new Select(browser.find("[name='v.investors.0.contribution-form']")).selectByValue("货币");
        js("arguments[0].value = '2026-03-02';", browser.find("[name='v.investors.0.deadline']"));

        // add two rows (the button submits; everything typed stays), then remove the last one
        addInvestorRow();
        addInvestorRow();
        assertEquals(3, investorRows().size());
        assertEquals("600000", cell(0, "amount"));
        assertEquals("2026-03-02", cell(0, "deadline"));
        assertEquals("张明", browser.find("#f-legal-representative-name").getAttribute("value"));
        browser.find("[name='v.investors.1.name']").sendKeys("李娜");
        browser.find("[name='v.investors.1.id-number']").sendKeys("110105198503122019"); // check digit should be 8
        browser.find("[name='v.investors.1.amount']").sendKeys("400000");
        browser.find("[name='v.investors.2.name']").sendKeys("王五");
        WebElement remove = browser.find("button[name=row][value='remove:investors:2']");
        assertEquals("删除“投资人（股东、发起人、合伙人）及出资情况”的第3行", remove.getAttribute("aria-label"));
        browser.submit(remove);
        browser.await("#application-form");
        assertEquals(2, investorRows().size());
        assertEquals("李娜", cell(1, "name"));

        // submitted: the wrong ID number's message is under its cell, in the summary with a link to the cell
        browser.submit(browser.find("#submit-application"));
        WebElement summary = browser.await("#error-summary");
        WebElement error = browser.find("#f-investors-1-id-number-error");
        assertTrue(error.getText().startsWith("第2行“身份证号码”的校验位不正确"), error.getText());
        WebElement id = browser.find("#f-investors-1-id-number");
        assertEquals("true", id.getAttribute("aria-invalid"));
        assertEquals(Boolean.TRUE, js("return arguments[0].nextElementSibling === arguments[1];", id, error));
        assertEquals("", browser.find("#f-investors-0-id-number-error").getText());
        assertEquals(1, summary.findElements(By.cssSelector("a[href='#f-investors-1-id-number']")).size(), summary.getText());
        js("arguments[0].scrollIntoView({block: 'center'});", id);
        browser.screenshot("form-table-cell-error");

        // the rows survive a draft and a reload
        WebElement amount = browser.find("[name='v.investors.1.amount']");
        amount.sendKeys(Keys.BACK_SPACE, "1");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> "true".equals(d.findElement(By.id("draft-note")).getAttribute("data-saved")));
        openForm("");
        assertEquals(2, investorRows().size());
        assertEquals("张明", cell(0, "name"));
        assertEquals("货币", cell(0, "contribution-form"));
        assertEquals("400001", cell(1, "amount"));
        assertEquals("", browser.find("#f-investors-1-id-number-error").getText(), "no error before a submit");

        // English: the columns and the options read in English, the values stay
        openForm("?lang=en");
        String head = browser.find("#f-investors thead").getText();
        assertTrue(head.contains("Subscribed amount (yuan)") && head.contains("Form of contribution"), head);
        Select form = new Select(browser.find("[name='v.investors.0.contribution-form']"));
        assertEquals("Cash", form.getFirstSelectedOption().getText());
        assertEquals("货币", form.getFirstSelectedOption().getAttribute("value"));
        assertEquals("Row 2: Name", browser.find("[name='v.investors.1.name']").getAttribute("aria-label"));
        js("document.getElementById('f-investors').scrollIntoView();");
        browser.screenshot("form-table-en");

        // a phone: every row is a card, and the page does not scroll sideways
        try {
            browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            openForm("?lang=zh");
            js("document.getElementById('f-investors').scrollIntoView();");
            assertEquals(390, ((Number) js("return window.innerWidth;")).intValue());
            assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth;"),
                    "scrollWidth " + js("return document.documentElement.scrollWidth;"));
            assertEquals("block", js("return getComputedStyle(arguments[0]).display;", investorRows().get(0)));
            WebElement row = investorRows().get(0);
            assertTrue(row.getRect().getWidth() <= 390, "row width " + row.getRect().getWidth());
            browser.screenshot("form-table-phone");
        } finally {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
            // an empty draft, so that the class's other tests start from an empty form
            openForm("");
            assertEquals(200L, js("var token = document.querySelector('meta[name=\"csrf-token\"]').getAttribute('content');"
                    + "return fetch(document.getElementById('application-form').dataset.draft, {method: 'POST',"
                    + " credentials: 'same-origin', body: new URLSearchParams(), headers: {'X-CSRF-Token': token}})"
                    + ".then(function (r) { return r.status; });"));
        }
    }
}
