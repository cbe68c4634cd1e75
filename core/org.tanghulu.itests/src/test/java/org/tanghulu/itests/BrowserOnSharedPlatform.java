package org.tanghulu.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A browser test class on the {@linkplain Distribution#shared() shared platform}: one Chromium for the class, closed
 * after it. A subclass's own {@code @BeforeAll} (with another name) runs after this one's.
 */
abstract class BrowserOnSharedPlatform {

    static Distribution platform;
    static Browser browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        platform = Distribution.shared();
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }
}
