package org.tanghulu.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tanghulu.web.Texts;

class ContactsTest {

    final Texts zh = Texts.of(Locale.CHINESE, getClass().getClassLoader(), "org.tanghulu.portal.messages");

    @Test
    void mobileFixedLineAndMailPassBlankIsAllowed() {
        assertEquals(Map.of(), PortalServlet.contactProblems(Map.of("contactPhone", "13800138000",
                "contactEmail", "a@b.cn"), zh));
        assertEquals(Map.of(), PortalServlet.contactProblems(Map.of("contactPhone", "010-62551234"), zh));
        assertEquals(Map.of(), PortalServlet.contactProblems(Map.of("contactPhone", " ", "contactEmail", ""), zh));
    }

    @Test
    void malformedContactsAreProblemsOfTheirFields() {
        Map<String, String> problems = PortalServlet.contactProblems(Map.of("contactPhone", "12345",
                "contactEmail", "not-a-mail"), zh);
        assertEquals(Set.of("contactPhone", "contactEmail"), problems.keySet());
        assertEquals("格式不正确，请检查。", problems.get("contactPhone"));
    }
}
