package org.tanghulu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.tanghulu.core.cases.Decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ErrorMapperTest {

    private static final Pattern JAVA = Pattern.compile("java\\.|javax\\.|com\\.fasterxml|org\\.(apache|tanghulu)\\.|Exception|`");
    private final ObjectMapper json = new JsonProvider().locateMapper(Object.class, MediaType.APPLICATION_JSON_TYPE);

    private String error(String body, Class<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> json.readValue(body, type), body);
        String message = ErrorMapper.unreadable(e);
        assertFalse(JAVA.matcher(message).find(), message);
        return message;
    }

    @Test
    void enumsAreTakenByNameOnly() {
        assertEquals("The request body could not be read at 'kind': '1' is not allowed; use one of [APPROVE, REJECT, REQUEST_CORRECTION].",
                error("{\"kind\":1}", Decision.class));
        assertTrue(error("{\"kind\":\"approve\"}", Decision.class).contains("'approve' is not allowed"));
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhere() {
        assertEquals("The request body could not be read at 'outputs': expected an object (in braces).",
                error("{\"kind\":\"APPROVE\",\"outputs\":[1]}", Decision.class));
        assertEquals("The request body could not be read at 'message': expected text (a JSON string).",
                error("{\"kind\":\"APPROVE\",\"message\":{}}", Decision.class));
        assertEquals("The request body could not be read at 'fields': expected a list (a JSON array).",
                error("{\"fields\":{}}", Decision.class));
        assertTrue(error("{\"kind\":\"APPROVE\"", Decision.class).contains("ends before the JSON is complete"));
        assertTrue(error("{kind:APPROVE}", Decision.class).contains("is not valid JSON (line 1, column 3)"));
        assertTrue(error("{} {}", Decision.class).contains("could not be read"));
        assertTrue(error("[".repeat(2000), Decision.class).contains("could not be read"));
    }

    @Test
    void unknownPropertiesAreNamedAndTheEchoIsShort() {
        String message = error("{\"" + "x".repeat(10_000) + "\":1}", Decision.class);
        assertTrue(message.length() < 400, message);
        assertTrue(message.contains("the known ones are [fields, kind, materials, message, outputs]"), message);
    }

    @Test
    void clipCutsLongText() {
        assertEquals("abc...", ErrorMapper.clip("abcdef", 3));
        assertEquals("abc", ErrorMapper.clip("abc", 3));
    }
}
