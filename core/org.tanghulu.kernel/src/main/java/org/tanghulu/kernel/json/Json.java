package org.tanghulu.kernel.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The platform's one Jackson configuration, in its two uses, and how a JSON error is reported. Both write records by their
 * components only (no derived {@code isXxx()} answers) and {@code java.time} values as ISO-8601
 * text. Each call returns a new mapper; a mapper is thread-safe once made, so keep one.
 */
public final class Json {

    private Json() {
    }

    /**
     * JSON exchanged with people and programs (the JSON API): strict in what it reads (unknown
     * properties, enums given as numbers, trailing tokens and {@code null} for a primitive are
     * refused), and without {@code null} members in what it writes.
     */
    public static JsonMapper api() {
        return common()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /**
     * JSON the platform stores in its own columns and reads back: map entries sorted by key (the
     * same value is the same text), and properties it no longer knows ignored, so that documents
     * written by an older version stay readable.
     */
    public static JsonMapper stored() {
        return common()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /**
     * Where in a JSON file Jackson gave up, in words an admin can follow to the spot.
     *
     * @param source names the file, e.g. {@code department.json}
     * @return e.g. {@code department.json line 12, column 7 at matters[0].forms}
     */
    public static String where(String source, JsonProcessingException e) {
        StringBuilder s = new StringBuilder(source);
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            s.append(" line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            s.append(" at ").append(path);
        }
        return s.toString();
    }

    private static JsonMapper.Builder common() {
        return JsonMapper.builder()
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
