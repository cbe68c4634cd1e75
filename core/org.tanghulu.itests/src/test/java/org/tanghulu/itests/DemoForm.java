package org.tanghulu.itests;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.openqa.selenium.By;

/**
 * Fills the unified form in the browser with a demo application ({@code demo/*-application.json}): every value into
 * its input {@code v.ELEMENT}, a table's rows into their cells {@code v.ELEMENT.ROW.COLUMN} (adding the rows the form
 * does not show yet with its "add a row" buttons first), the applicant's type and name, and the materials' ticks.
 * The form must be open; nothing is submitted.
 */
final class DemoForm {

    private DemoForm() {
    }

    /** @param application a demo application with {@code values}, {@code applicantName} and {@code materials} */
    static void fill(Browser browser, JsonNode application) {
        fill(browser, application.get("values"), application.get("applicantName").asText(),
                Distribution.JSON.convertValue(application.get("materials"), List.class), false);
    }

    /**
     * @param values the values by element id, a table's as its JSON value
     * @param applicantName the enterprise applicant's name
     * @param materials the materials to tick, by id
     * @param onlyEmpty whether inputs that already hold a value (prefilled) are left as they are
     */
    static void fill(Browser browser, JsonNode values, String applicantName, List<?> materials, boolean onlyEmpty) {
        values.fields().forEachRemaining(e -> {
            JsonNode rows = rows(e.getValue().asText());
            if (rows == null) {
                return;
            }
            String add = "button[name=row][value='add:" + e.getKey() + "']";
            while (browser.driver.findElements(By.cssSelector("[id^='f-" + e.getKey() + "-row-']")).size() < rows.size()
                    && !browser.driver.findElements(By.cssSelector(add)).isEmpty()) {
                browser.submit(browser.find(add));
                browser.await("#application-form");
            }
        });
        browser.driver.executeScript("var v = arguments[0], onlyEmpty = arguments[3];"
                + "function set(name, value) { var el = document.querySelector('[name=\"' + name + '\"]');"
                + " if (el && !(onlyEmpty && el.value)) { el.value = value; } }"
                + "Object.keys(v).forEach(function (k) { var rows = null;"
                + " if (/^\\s*\\[/.test(v[k])) { try { rows = JSON.parse(v[k]); } catch (e) { rows = null; } }"
                + " if (Array.isArray(rows)) { rows.forEach(function (row, r) { Object.keys(row).forEach(function (c) {"
                + "   set('v.' + k + '.' + r + '.' + c, row[c]); }); }); }"
                + " else { set('v.' + k, v[k]); } });"
                + "document.getElementById('f-applicantType').value = 'ENTERPRISE';"
                + "document.getElementById('f-applicantName').value = arguments[1];"
                + "arguments[2].forEach(function (m) { var el = document.getElementById('m-' + m); if (el) { el.checked = true; } });",
                Distribution.JSON.convertValue(values, Map.class), applicantName, materials, onlyEmpty);
    }

    /** @return the rows of a TABLE's value, or {@code null} if the value is not one */
    private static JsonNode rows(String value) {
        if (!value.strip().startsWith("[")) {
            return null;
        }
        try {
            JsonNode rows = Distribution.JSON.readTree(value);
            return rows.isArray() ? rows : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
