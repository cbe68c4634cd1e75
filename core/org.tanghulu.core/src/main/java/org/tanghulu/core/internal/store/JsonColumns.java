package org.tanghulu.core.internal.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tanghulu.kernel.json.Json;

/** JSON documents kept in {@code VARCHAR} columns (values, materials, outputs, charts). */
public final class JsonColumns {

    public static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    public static final TypeReference<Set<String>> STRING_SET = new TypeReference<>() { };
    public static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };
    public static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() { };

    private static final ObjectMapper JSON = Json.stored();

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    private static IllegalStateException unreadable(JsonProcessingException e) {
        return new IllegalStateException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
    }
}
