package org.tanghulu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.LocalizedText;

class TextsTest {

    @Test
    void chineseByDefaultEnglishOnRequestAndDataInTheChosenLanguage() {
        Texts zh = Texts.of(Locale.CHINESE, getClass().getClassLoader());
        Texts en = Texts.of(Locale.ENGLISH, getClass().getClassLoader());
        assertEquals("退出登录", zh.get("web.logout"));
        assertEquals("Log out", en.get("web.logout"));
        assertEquals("Logged in: alice", en.get("web.loggedIn", "alice"));
        assertEquals("??no.such.key??", en.get("no.such.key"));
        LocalizedText name = new LocalizedText("企业设立", "Enterprise establishment");
        assertEquals("企业设立", zh.pick(name));
        assertEquals("Enterprise establishment", en.pick(name));
        assertEquals("只有中文", en.pick(new LocalizedText("只有中文", null)));
    }

    /** Every text has both languages: the English file has exactly the Chinese file's keys. */
    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertEquals(keys("messages.properties"), keys("messages_en.properties"));
    }

    static java.util.Set<Object> keys(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.keySet();
    }
}
