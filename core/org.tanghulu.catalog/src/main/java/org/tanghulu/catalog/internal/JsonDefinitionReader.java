package org.tanghulu.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.tanghulu.api.DefinitionException;
import org.tanghulu.api.DefinitionReader;
import org.tanghulu.kernel.json.Json;

/**
 * Reads definition resources with Jackson; errors name the resource, line and property, every unknown
 * property at once. Keeps the lines of what it read so that the checker's problems can be located
 * ({@link #locate}). A collecting reader (the one departments get) does not stop at unknown properties:
 * it reads the rest and reports them with the checker's problems, so that a vendor sees every problem of
 * a definition in one pass.
 */
final class JsonDefinitionReader implements DefinitionReader {

    /** The lines of the definitions read, by the value read (dropped with it). */
    private final Map<Object, DefinitionLines> read = Collections.synchronizedMap(new WeakHashMap<>());
    /** A collecting reader's unknown properties of the definitions read, by the value read. */
    private final Map<Object, List<String>> unknown = Collections.synchronizedMap(new WeakHashMap<>());
    private final boolean collecting;
    private final ObjectMapper lenient = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** A reader that refuses a resource with unknown properties (the shared dictionary, the tests). */
    JsonDefinitionReader() {
        this(false);
    }

    /** @param collecting whether unknown properties are kept for {@link #locate} instead of refusing the resource */
    JsonDefinitionReader(boolean collecting) {
        this.collecting = collecting;
    }

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    @Override
    public <T> T read(URL resource, Class<T> type) throws DefinitionException {
        if (resource == null) {
            throw new DefinitionException("definition resource not found in the bundle", null);
        }
        String name = resource.getPath().substring(resource.getPath().lastIndexOf('/') + 1);
        try (InputStream in = resource.openStream()) {
            byte[] json = in.readAllBytes();
            JsonNode tree = mapper.readTree(json);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new DefinitionException(name + " is empty", null);
            }
            DefinitionLines lines = DefinitionLines.of(name, json, tree);
            List<String> unknownHere = lines.unknownProperties(type);
            if (!unknownHere.isEmpty() && !collecting) {
                throw new DefinitionException(String.join("; ", unknownHere), null);
            }
            T value = (collecting ? lenient : mapper).readValue(json, type);
            read.put(value, lines);
            unknown.put(value, unknownHere);
            if (value instanceof Object[] elements) {
                for (int i = 0; i < elements.length; i++) {
                    read.put(elements[i], lines.element(i));
                    unknown.put(elements[i], lines.unknownProperties(type, i));
                }
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new DefinitionException(describe(name, e), e);
        } catch (IOException e) {
            throw new DefinitionException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param definition a value this reader returned, or anything else
     * @param problems the checker's problems of it
     * @return its unknown properties (a collecting reader's), then the problems, each with the file and line of
     *         the key at fault where known; the definition's lines are forgotten (they hold its whole JSON tree,
     *         tens of megabytes for a catalog at Haidian's scale), so locate each definition once
     */
    List<String> locate(Object definition, List<String> problems) {
        List<String> all = new ArrayList<>(unknown(definition));
        DefinitionLines lines = definition == null ? null : read.remove(definition);
        all.addAll(lines == null ? problems : lines.locate(problems));
        return all;
    }

    /** @return a collecting reader's unknown properties of a value it returned, each at its line (once: forgotten then) */
    List<String> unknown(Object definition) {
        List<String> known = definition == null ? null : unknown.remove(definition);
        return known == null ? List.of() : known;
    }

    private static String describe(String name, JsonProcessingException e) {
        String why = e.getOriginalMessage().replaceAll("\\s*\\(class [^)]*\\)", "")
                .replace(", not marked as ignorable", "").replace("org.tanghulu.api.definition.", "");
        return Json.where(name, e) + ": " + why;
    }
}
