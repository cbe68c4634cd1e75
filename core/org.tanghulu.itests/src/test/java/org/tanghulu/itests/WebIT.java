package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The web pages in a real headless Chromium against the real distribution: the portal on its port,
 * the desk on its own, each only there.
 */
class WebIT extends BrowserOnSharedPlatform {

    String portal(String path) {
        return platform.portal(path);
    }

    String desk(String path) {
        return platform.desk(path);
    }

    @Test
    void portalAndDeskAreOnTheirOwnPortsOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(portal("/desk/login"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + platform.deskPort + "/api/groups")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        for (String css : new String[] { portal("/static/web/tanghulu.css"), desk("/static/web/tanghulu.css") }) {
            HttpResponse<String> got = http.send(HttpRequest.newBuilder(URI.create(css)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, got.statusCode(), css);
            assertTrue(got.body().contains(".skip"), css);
        }
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(portal("/static/web/../messages.properties")))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void chineseByDefaultEnglishBySwitch() throws Exception {
        browser.open(portal("/"));
        assertEquals("zh-CN", browser.find("html").getAttribute("lang"));
        assertTrue(browser.find("h1").getText().contains("您想办什么事"), browser.find("h1").getText());
        browser.screenshot("portal-home-zh");
        browser.find("a[lang=en]").click();
        browser.await("html[lang=en]");
        assertEquals("What do you want to do?", browser.find("h1").getText());
        browser.screenshot("portal-home-en");
        browser.find("a[lang=zh-CN]").click();
        browser.await("html[lang=zh-CN]");
    }

    @Test
    void officerLogsInOnTheDeskAndAWrongPasswordIsRefusedInWords() throws Exception {
        browser.open(desk("/"));
        browser.await("#user").sendKeys("officer-aic");
        browser.find("#password").sendKeys("wrong-password");
        browser.find("form.login button").click();
        assertTrue(browser.await("#login-error").getText().contains("密码错误"));
        browser.find("#password").sendKeys(Distribution.STAFF_PASSWORD);
        browser.find("form.login button").click();
        assertTrue(browser.await(".who").getText().contains("officer-aic"));
        browser.screenshot("desk-after-login");
    }

    @Test
    void theKeyboardReachesTheContentFirstAndEveryControlAfter() throws Exception {
        browser.open(portal("/login"));
        var actions = new org.openqa.selenium.interactions.Actions(browser.driver);
        actions.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        var focused = browser.driver.switchTo().activeElement();
        assertEquals("skip", focused.getAttribute("class"), "the first Tab lands on the skip link");
        actions.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        assertEquals("main", browser.driver.switchTo().activeElement().getAttribute("id"));
        // from the content, Tab walks through the login form's fields to its button
        java.util.List<String> reached = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            actions.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            var e = browser.driver.switchTo().activeElement();
            reached.add(e.getTagName() + "#" + e.getAttribute("id"));
        }
        assertTrue(reached.contains("input#f-username") && reached.contains("input#f-password")
                && reached.contains("button#login-submit"), reached.toString());
    }

    @Test
    void fiveWrongPasswordsLockTheNameForAWhileEvenWithTheRightOne() throws Exception {
        browser.open(desk("/login"));
        browser.driver.manage().deleteAllCookies(); // nobody logged in from an earlier test
        for (int i = 0; i < 5; i++) {
            browser.open(desk("/login"));
            browser.await("#user").sendKeys("web-guessed");
            browser.find("#password").sendKeys("guess-" + i);
            browser.submit(browser.find("form.login button"));
            assertTrue(browser.await("#login-error").getText().contains("密码错误"), "attempt " + i);
        }
        browser.find("#password").sendKeys(Distribution.STAFF_PASSWORD);
        browser.submit(browser.find("form.login button"));
        assertTrue(browser.await("#login-error").getText().contains("登录失败次数过多，请 15 分钟后再试"),
                browser.find("#login-error").getText());
        assertTrue(browser.driver.findElements(org.openqa.selenium.By.cssSelector(".who")).isEmpty(),
                () -> browser.find("header").getText());
        browser.screenshot("desk-login-throttled");
        // another name is not affected
        browser.find("#user").clear();
        browser.find("#user").sendKeys("officer-aic");
        browser.find("#password").sendKeys(Distribution.STAFF_PASSWORD);
        browser.submit(browser.find("form.login button"));
        assertTrue(browser.await(".who").getText().contains("officer-aic"));
        browser.submit(browser.find("header .account form button"));
    }

    /** POSTs a form from the page with fetch, with the given CSRF token (or none); answers the status. */
    long post(String url, String form, String token) {
        return ((Number) browser.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var headers = {'Content-Type': 'application/x-www-form-urlencoded'};"
                        + "if (arguments[2]) { headers['X-CSRF-Token'] = arguments[2]; }"
                        + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', redirect: 'manual',"
                        + " headers: headers, body: arguments[1]}).then(function (r) { done(r.status); });",
                url, form, token)).longValue();
    }

    @Test
    void aStateChangeWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        browser.open(desk("/login"));
        browser.driver.manage().deleteAllCookies();
        browser.open(desk("/login"));
        String token = browser.find("meta[name=csrf-token]").getAttribute("content");
        String form = "user=officer-aic&password=" + java.net.URLEncoder.encode(Distribution.STAFF_PASSWORD,
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(403, post(desk("/login"), form, null));
        assertEquals(403, post(desk("/login"), form, token + "x"));
        browser.open(desk("/"));
        assertTrue(browser.await("#user").isDisplayed(), "still not logged in");
        token = browser.find("meta[name=csrf-token]").getAttribute("content");
        assertEquals(0, post(desk("/login"), form, token), "the right token logs in (a redirect, opaque to fetch)");
        browser.open(desk("/"));
        assertTrue(browser.await(".who").getText().contains("officer-aic"));
        browser.submit(browser.find("header .account form button"));
    }

    @Test
    void theAccessibilityCheckOfEveryScreenshotFindsAnUnlabelledField() throws Exception {
        browser.open("data:text/html;charset=utf-8,<html lang=en><a class=skip href='%23main'>skip</a>"
                + "<main id=main><h1>t</h1><input name=q></main></html>");
        AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> browser.screenshot("never-saved"));
        assertTrue(refused.getMessage().contains("no label: q"), refused.getMessage());
    }

    /** Answers to the "business-start" need's questions (entity type, foreign investment, high-tech) and the group they lead to. */
    static final List<List<String>> LEADS = List.of(
            List.of("limited-company", "no", "yes", "enterprise-establishment"),
            List.of("limited-company", "no", "no", "llc-establishment"),
            List.of("joint-stock-company", "no", "yes", "high-tech-joint-stock-establishment"),
            List.of("joint-stock-company", "no", "no", "joint-stock-establishment"),
            List.of("sole-proprietorship", "no", "no", "sole-proprietorship-establishment"),
            List.of("partnership", "no", "no", "partnership-establishment"),
            List.of("individual-business", "no", "no", "individual-business-establishment"),
            List.of("branch-company", "no", "no", "branch-establishment"),
            List.of("limited-company", "yes", "yes", "high-tech-fie-establishment"),
            List.of("limited-company", "yes", "no", "fie-establishment"));

    /** Combinations no group serves, and a phrase of the reason the portal gives. */
    static final List<List<String>> EXCLUDED = List.of(
            List.of("sole-proprietorship", "no", "yes", "个人独资企业不是法人"),
            List.of("branch-company", "no", "yes", "分公司不具有法人资格"),
            List.of("partnership", "yes", "no", "外国投资者不能设立或参加合伙企业"));

    @Test
    void theCatalogAsksThenLeadsToTheOneRightGroupAndExplainsWrongCombinations() throws Exception {
        browser.open(portal("/"));
        browser.submit(browser.await("#ask-business-start"));
        browser.await("#need-questions");
        browser.screenshot("portal-need-questions");
        for (List<String> lead : LEADS) {
            answer(lead);
            browser.await("#from-answers");
            assertEquals(URI.create(portal("/groups/" + lead.get(3))).getPath(),
                    URI.create(browser.driver.getCurrentUrl()).getPath(), lead.toString());
            assertTrue(browser.find("#start-application").getAttribute("href").contains("a.entity-type=" + lead.get(0)),
                    "the answers go on to the form: " + lead);
        }
        for (List<String> excluded : EXCLUDED) {
            answer(excluded);
            assertTrue(browser.await("#need-reason").getText().contains(excluded.get(3)),
                    excluded + ": " + browser.find("#need-reason").getText());
        }
        browser.screenshot("portal-need-explained");

        // the answers prefill the form: a joint-stock company's enterprise type
        browser.open(portal("/register"));
        String user = "asker" + Long.toHexString(System.nanoTime());
        browser.await("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys("a-much-longer-secret-1");
        browser.find("#f-name").sendKeys("李明");
        browser.find("#f-mobile").sendKeys("13800138000");
        browser.find("#f-email").sendKeys(user + "@example.cn");
        browser.submit(browser.find("#register-submit"));
        browser.await(".who");
        answer(List.of("joint-stock-company", "no", "no"));
        browser.submit(browser.await("#start-application"));
        assertEquals("股份有限公司（非上市）", browser.await("#f-enterprise-type").getAttribute("value"));
        assertTrue(browser.find("#f-enterprise-type-help").getText().contains("来自您对问题的回答"),
                browser.find("#f-enterprise-type-help").getText());
        browser.find("header .account button.link").click();
        browser.await("a[href='/login']");
        HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                portal("/needs/business-start?a.entity-type=spaceship"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("没有“spaceship”这个选项"), unknown.body());
        assertEquals(404, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal("/needs/no-such-need")))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /** Answers the three questions on the need's page and sends them. */
    private static void answer(List<String> answers) {
        browser.open(platform.portal("/needs/business-start"));
        browser.await("#a-entity-type-" + answers.get(0)).click();
        browser.find("#a-foreign-investment-" + answers.get(1)).click();
        browser.find("#a-high-tech-" + answers.get(2)).click();
        browser.submit(browser.find("#find-group"));
    }
}
