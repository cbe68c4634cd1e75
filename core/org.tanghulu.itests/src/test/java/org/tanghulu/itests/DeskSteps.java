package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What an officer does on the desk, in the browser: log in and out, claim, approve, ask for a correction. */
final class DeskSteps {

    private final Browser browser;
    private final Distribution platform;

    DeskSteps(Browser browser, Distribution platform) {
        this.browser = browser;
        this.platform = platform;
    }

    void login(String user) {
        browser.open(platform.desk("/login"));
        browser.await("#user").sendKeys(user);
        browser.find("#password").sendKeys(Distribution.STAFF_PASSWORD);
        browser.submit(browser.find("form.login button"));
        assertTrue(browser.await(".who").getText().contains(user));
    }

    void logout() {
        browser.submit(browser.find("header .account form button"));
        browser.await("#user");
    }

    /**
     * The counting columns of the supervisors' statistics ({@code open}, {@code done}, {@code overdue},
     * {@code corrections}, {@code ratings}) by department, as the logged-in supervisor finds them on the page now
     * (on the shared platform, other classes' cases count too: compare before and after).
     */
    Map<String, Map<String, Integer>> statistics() {
        browser.open(platform.desk("/supervision"));
        browser.await("#statistics");
        Map<String, Map<String, Integer>> rows = new TreeMap<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#statistics tbody tr[data-department]"))) {
            Map<String, Integer> figures = new TreeMap<>();
            for (String col : new String[] {"open", "done", "overdue", "corrections", "ratings"}) {
                figures.put(col, Integer.parseInt(row.findElement(By.cssSelector("[data-col=" + col + "]")).getText()
                        .split(" ")[0]));
            }
            rows.put(row.getAttribute("data-department"), figures);
        }
        return rows;
    }

    /** Opens the task from the work list and claims it if nobody has. */
    void open(long taskId) {
        browser.open(platform.desk("/"));
        browser.await("#work-list tr[data-task-id='" + taskId + "'] a").click();
        browser.await("#timeline");
        if (!browser.driver.findElements(By.id("claim")).isEmpty()) {
            browser.submit(browser.find("#claim"));
            browser.await("#task-notice");
        }
    }

    /** Approves the open task with these outputs (set as the officer would type them). */
    void approve(Map<String, String> outputs) {
        WebElement form = browser.await("#approve-form");
        outputs.forEach((id, value) -> browser.driver.executeScript("arguments[0].value = arguments[1];",
                form.findElement(By.name("o." + id)), value));
        browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
        browser.await("#task-notice");
    }

    /** Asks the applicant to correct one field of the open task, with a message. */
    void requestCorrection(String field, String message) {
        WebElement form = browser.await("#correction-request-form");
        form.findElement(By.cssSelector("input[name=field][value='" + field + "']")).click();
        form.findElement(By.name("message")).sendKeys(message);
        browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
        browser.await("#task-notice");
    }
}
