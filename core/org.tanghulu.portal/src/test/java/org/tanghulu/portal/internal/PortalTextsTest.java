package org.tanghulu.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortalTextsTest {

    /** Every text of the portal has both languages: the English file has exactly the Chinese file's keys. */
    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertEquals(zh.keySet(), en.keySet());
        for (String key : zh.stringPropertyNames()) {
            assertTrue(!zh.getProperty(key).isBlank() && !en.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void onlyPathsOfThisSiteAreFollowedAfterLogin() {
        assertEquals("/cases/TH1", AccountPages.safeNext("/cases/TH1"));
        assertEquals("/", AccountPages.safeNext("//evil.example/x"));
        assertEquals("/", AccountPages.safeNext("https://evil.example/"));
        assertEquals("/", AccountPages.safeNext("/\\evil.example"));
        assertEquals("/", AccountPages.safeNext(null));
    }

    static Properties load(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = PortalServlet.class.getResourceAsStream("/org/tanghulu/portal/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
