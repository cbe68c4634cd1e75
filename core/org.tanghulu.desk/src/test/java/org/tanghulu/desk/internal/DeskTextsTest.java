package org.tanghulu.desk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DeskTextsTest {

    private static Properties load(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = DeskServlet.class.getResourceAsStream("/org/tanghulu/desk/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Every text has both languages: the English file has exactly the Chinese file's keys. */
    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertEquals(new TreeSet<>(load("messages.properties").stringPropertyNames()),
                new TreeSet<>(load("messages_en.properties").stringPropertyNames()));
    }

    /** Every literal key a template asks for (t("desk....")) exists. */
    @Test
    void everyKeyTheTemplatesUseExists() throws Exception {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern used = Pattern.compile("t\\(\"(desk\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (var files = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path f : files.toList()) {
                Matcher m = used.matcher(Files.readString(f));
                while (m.find()) {
                    found++;
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(found > 50, "templates read: " + found);
        assertEquals(Set.of(), missing);
    }

    /** Texts built from a prefix and an enum constant or an event type. */
    @Test
    void everyStateAndEventHasAText() throws Exception {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        for (var s : org.tanghulu.core.cases.TaskState.values()) {
            assertTrue(keys.contains("desk.state." + s), s.name());
        }
        for (var s : org.tanghulu.core.cases.CaseState.values()) {
            assertTrue(keys.contains("desk.caseState." + s), s.name());
        }
        for (String e : new String[] { "APPROVED", "CANCELLED", "CLAIMED", "COMPLETED", "CORRECTION_ANSWERED",
                "CORRECTION_REQUESTED", "DEPARTMENT_CHECK_FAILED", "RATED", "REJECTED", "SUBMITTED", "TASK_CREATED",
                "ORIGINALS_CHECKED", "CERTIFICATES_HANDED_OVER", "RECEIPT_CONFIRMED" }) {
            assertTrue(keys.contains("desk.event." + e), e);
        }
    }
}
