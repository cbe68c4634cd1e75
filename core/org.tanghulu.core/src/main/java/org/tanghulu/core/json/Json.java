package org.tanghulu.core.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The platform's one Jackson configuration, in its two uses. Both write records by their
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

    private static JsonMapper.Builder common() {
        return JsonMapper.builder()
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
