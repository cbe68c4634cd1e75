package org.tanghulu.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.core.cases.Submission;

/** The key the portal submits with: the same for the same form and content, another for changed content. */
class SubmissionKeyTest {

    private static Submission content(Map<String, String> values, Set<String> materials) {
        return new Submission("g", "-", ApplicantType.ENTERPRISE, "星河公司", values, materials, "13800138000", null, 7L);
    }

    @Test
    void theSameFormAndContentGiveTheSameKeyAndAnyChangeAnother() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a", "1");
        values.put("b", "2");
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("b", "2");
        reordered.put("a", "1");
        String key = ApplicationPages.submissionKey("form-key-0123456789", content(values, Set.of("x", "y")));
        assertTrue(key.matches("[A-Za-z0-9_-]{16,100}"), key);
        assertEquals(key, ApplicationPages.submissionKey("form-key-0123456789", content(reordered, Set.of("y", "x"))));
        assertNotEquals(key, ApplicationPages.submissionKey("form-key-0123456789", content(Map.of("a", "1", "b", "3"),
                Set.of("x", "y"))), "changed data: a new application");
        assertNotEquals(key, ApplicationPages.submissionKey("form-key-0123456789", content(values, Set.of("x"))));
        assertNotEquals(key, ApplicationPages.submissionKey("another-form-key-0123", content(values, Set.of("x", "y"))),
                "another form: another application");
        assertNotEquals(ApplicationPages.submissionKey(null, content(values, Set.of())),
                ApplicationPages.submissionKey(null, content(values, Set.of())), "no form key: a key of its own");
    }
}
