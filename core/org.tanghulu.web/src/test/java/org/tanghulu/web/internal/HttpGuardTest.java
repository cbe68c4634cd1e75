package org.tanghulu.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class HttpGuardTest {

    @Test
    void theCharsetParameterIsFoundQuotedOrNot() {
        assertEquals("x-unknown", HttpGuard.charset("application/json; charset=x-unknown"));
        assertEquals("UTF-8", HttpGuard.charset("text/plain;Charset=\"UTF-8\";q=1"));
        assertNull(HttpGuard.charset("application/json"));
        assertNull(HttpGuard.charset(null));
    }

    @Test
    void aBodyIsReadUpToTheLimitAndNoFurther() throws IOException {
        byte[] ten = new byte[10];
        assertArrayEquals(ten, HttpGuard.readAtMost(new ByteArrayInputStream(ten), 10));
        assertNull(HttpGuard.readAtMost(new ByteArrayInputStream(new byte[11]), 10));
    }

    @Test
    void errorMessagesAreValidJsonStrings() {
        assertEquals("\"a \\\"b\\\" \\\\ \\u000a\"", ErrorPages.quote("a \"b\" \\ \n"));
    }
}
