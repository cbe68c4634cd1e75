package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The catalog's search and a group's flow chart in a real Chromium against the shared distribution (issue 14): the
 * search finds groups by their need's heading, their matters' names and their synonyms in Chinese and English (both
 * spellings of licence), best first, each saying why; the chart fits a 1366 px screen and a 390 px phone in both
 * languages, every matter inside its step, the page no wider than the window, the total once, no word broken.
 */
class SearchAndChartIT extends BrowserOnSharedPlatform {

    @AfterEach
    void fullSize() {
        browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Searches in the page's language; @return the groups found, best first, with their reasons' kinds. */
    private List<WebElement> search(String lang, String q) {
        browser.open(platform.portal("/?lang=" + lang + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        browser.await("#search-result");
        return browser.driver.findElements(By.cssSelector("#search-results li.search-hit"));
    }

    private static String group(WebElement hit) {
        return hit.getAttribute("data-group");
    }

    private static String kind(WebElement hit) {
        return hit.findElement(By.cssSelector(".match-reason")).getAttribute("data-kind");
    }

    private static String reason(WebElement hit) {
        return hit.findElement(By.cssSelector(".match-reason")).getText();
    }

    @Test
    void searchFindsByNeedMatterNamesAndSynonymsInChinese() throws Exception {
        List<WebElement> need = search("zh", "开办企业");
        assertEquals(10, need.size(), "every group of the need 开办企业");
        assertEquals("NEED", kind(need.get(0)));
        assertEquals("匹配：所属需求“开办企业”", reason(need.get(0)));
        browser.screenshot("search-need-zh");

        List<WebElement> tax = search("zh", "税务登记");
        assertTrue(tax.size() >= 8, tax.size() + " groups run a tax registration");
        assertEquals("MATTER", kind(tax.get(0)));
        assertTrue(reason(tax.get(0)).startsWith("匹配：包含事项“") && reason(tax.get(0)).contains("税务登记"),
                reason(tax.get(0)));

        List<WebElement> licence = search("zh", "营业执照");
        assertEquals(10, licence.size(), "every group issues a business licence");
        assertEquals("MATTER", kind(licence.get(0)));

        List<WebElement> register = search("zh", "注册公司");
        assertTrue(List.of("enterprise-establishment", "llc-establishment").contains(group(register.get(0))));
        assertEquals("KEYWORD", kind(register.get(0)));
        assertEquals("匹配：常用说法“注册公司”", reason(register.get(0)));
        assertTrue(register.stream().noneMatch(h -> group(h).equals("individual-business-establishment")),
                "an individual business is no company");
        browser.screenshot("search-synonym-zh");

        List<WebElement> permit = search("zh", "办执照");
        assertTrue(permit.stream().anyMatch(h -> group(h).equals("llc-establishment")));
        assertEquals("KEYWORD", kind(permit.get(0)));
        List<WebElement> open = search("zh", "开公司");
        assertTrue(open.stream().map(SearchAndChartIT::group).toList().contains("llc-establishment"));
        assertEquals("KEYWORD", kind(open.get(0)));
        // the sections below list the same groups, in the same order
        assertEquals(open.size(), browser.driver.findElements(By.cssSelector("#by-need ~ section.need .cards li")).size());
    }

    @Test
    void searchFindsByMatterNamesSynonymsAndBothSpellingsInEnglish() throws Exception {
        List<WebElement> license = search("en", "business license");
        List<String> found = license.stream().map(SearchAndChartIT::group).toList();
        assertEquals(10, found.size(), "every group issues a business licence");
        assertEquals("MATTER", kind(license.get(0)));
        assertTrue(reason(license.get(0)).startsWith("Matches the matter \""), reason(license.get(0)));
        browser.screenshot("search-license-en");
        assertEquals(found, search("en", "business licence").stream().map(SearchAndChartIT::group).toList(),
                "both spellings find the same");

        List<WebElement> register = search("en", "register a company");
        assertTrue(List.of("enterprise-establishment", "llc-establishment").contains(group(register.get(0))));
        assertEquals("KEYWORD", kind(register.get(0)));
        assertEquals("Matches the everyday term \"register a company\"", reason(register.get(0)));

        List<WebElement> tax = search("en", "tax registration");
        assertTrue(tax.size() >= 8, tax.size() + " groups run a tax registration");
        assertEquals("MATTER", kind(tax.get(0)));
        assertTrue(reason(tax.get(0)).toLowerCase().contains("tax registration"), reason(tax.get(0)));
        assertEquals("en", browser.find("html").getAttribute("lang"));
        browser.screenshot("search-tax-en");

        List<WebElement> none = search("en", "pharmacy");
        assertTrue(none.isEmpty());
        assertTrue(browser.find("#search-result").getText().startsWith("0 service(s)"));
    }

    @Test
    void chartFitsAWideScreenInChinese() throws Exception {
        chart("zh", 1366, 768, false);
    }

    @Test
    void chartFitsAWideScreenInEnglish() throws Exception {
        chart("en", 1366, 768, false);
    }

    @Test
    void chartFitsAPhoneInChinese() throws Exception {
        chart("zh", 390, 844, true);
    }

    @Test
    void chartFitsAPhoneInEnglish() throws Exception {
        chart("en", 390, 844, true);
    }

    private void chart(String lang, int width, int height, boolean mobile) throws Exception {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        browser.open(platform.portal("/groups/enterprise-establishment?lang=" + lang));
        browser.await("#flowchart");
        assertEquals(width, ((Number) browser.driver.executeScript("return window.innerWidth")).intValue());
        String name = "chart-" + lang + "-" + width;
        assertEquals(9, browser.driver.findElements(By.cssSelector("#flowchart .flow-step .block")).size());
        assertEquals(9, browser.driver.findElements(By.cssSelector("#chart-table tbody tr")).size(),
                "the text alternative has a row per matter");
        String problems = (String) browser.driver.executeScript(CHECKS, lang.equals("zh") ? "全程承诺时限" : "Promised time in total");
        assertEquals("", problems, name);
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> steps = (List<Map<String, Number>>) browser.driver.executeScript(
                "return Array.from(document.querySelectorAll('#flowchart .flow-step')).map(function (s) {"
                        + " var r = s.getBoundingClientRect(); return {left: r.left, top: r.top, bottom: r.bottom}; });");
        assertEquals(5, steps.size());
        for (int i = 1; i < steps.size(); i++) {
            if (mobile) {
                assertTrue(steps.get(i).get("top").doubleValue() >= steps.get(i - 1).get("bottom").doubleValue(),
                        "on a phone step " + (i + 1) + " is under step " + i);
            } else {
                assertEquals(steps.get(0).get("top").doubleValue(), steps.get(i).get("top").doubleValue(), 1,
                        "on a wide screen the steps stand side by side");
                assertTrue(steps.get(i).get("left").doubleValue() > steps.get(i - 1).get("left").doubleValue());
            }
        }
        browser.driver.executeScript("document.getElementById('flowchart').scrollIntoView()");
        browser.screenshot(name);
    }

    /**
     * The page's layout problems, joined; arguments[0] is the total's text. Every matter's box inside its step's box;
     * the page no wider than the window; every step on the page; the total once in the page's text; no English word
     * on two lines and no text wider than its box.
     */
    private static final String CHECKS = "var p = [];"
            + "document.querySelectorAll('#flowchart .block').forEach(function (b) {"
            + " var s = b.closest('.flow-step').getBoundingClientRect(), r = b.getBoundingClientRect();"
            + " if (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5) {"
            + "  p.push('outside its step: ' + b.dataset.matter); }"
            + " if (r.width < 1 || r.height < 1) { p.push('not shown: ' + b.dataset.matter); } });"
            + "var root = document.documentElement;"
            + "if (root.scrollWidth > window.innerWidth) { p.push('page ' + root.scrollWidth + ' px wide in a window of '"
            + " + window.innerWidth); }"
            + "document.querySelectorAll('#flowchart .flow-step').forEach(function (s) {"
            + " var r = s.getBoundingClientRect();"
            + " if (r.width < 1 || r.left < 0 || r.right > window.innerWidth + 0.5) { p.push('step off the page: '"
            + " + s.dataset.step); } });"
            + "var total = document.body.innerText.split(arguments[0]).length - 1;"
            + "if (total !== 1) { p.push('the total is printed ' + total + ' times'); }"
            + "var walk = document.createTreeWalker(document.getElementById('flowchart'), NodeFilter.SHOW_TEXT);"
            + "for (var n = walk.nextNode(); n; n = walk.nextNode()) {"
            + " var re = /[A-Za-z0-9]+/g, m;"
            + " while ((m = re.exec(n.data)) !== null) {"
            + "  var range = document.createRange(); range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);"
            + "  var tops = {}; Array.from(range.getClientRects()).forEach(function (c) { tops[Math.round(c.top)] = 1; });"
            + "  if (Object.keys(tops).length > 1) { p.push('word broken: ' + m[0]); } } }"
            + "document.querySelectorAll('#flowchart .block > span, #flowchart .flow-step-title').forEach(function (e) {"
            + " if (e.scrollWidth > e.clientWidth + 1) { p.push('text cut: ' + e.textContent); } });"
            + "return p.join('; ');";
}
