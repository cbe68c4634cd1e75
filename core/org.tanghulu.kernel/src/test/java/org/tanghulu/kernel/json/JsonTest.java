package org.tanghulu.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.junit.jupiter.api.Test;

class JsonTest {

    record Sample(String name, Instant at) {
        public boolean isNamed() {
            return name != null;
        }
    }

    @Test
    void apiIsStrictAndLeavesOutNulls() throws Exception {
        assertEquals("{\"at\":\"2026-01-02T03:04:05Z\"}", Json.api().writeValueAsString(new Sample(null, Instant.parse("2026-01-02T03:04:05Z"))));
        assertThrows(UnrecognizedPropertyException.class, () -> Json.api().readValue("{\"name\":\"a\",\"extra\":1}", Sample.class));
    }

    @Test
    void storedReadsOlderDocumentsAndSortsMaps() throws Exception {
        assertEquals("a", Json.stored().readValue("{\"name\":\"a\",\"gone\":1}", Sample.class).name());
        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", Json.stored().writeValueAsString(new java.util.LinkedHashMap<>(Map.of("b", "2", "a", "1"))));
    }
}
