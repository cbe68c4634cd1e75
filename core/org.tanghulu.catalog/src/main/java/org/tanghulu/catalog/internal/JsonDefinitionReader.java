package org.tanghulu.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.tanghulu.api.DefinitionException;
import org.tanghulu.api.DefinitionReader;
import org.tanghulu.kernel.json.Json;

/** Reads definition resources with Jackson; errors name the resource, line and property. */
final class JsonDefinitionReader implements DefinitionReader {

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
            T value = mapper.readValue(in, type);
            if (value == null) {
                throw new DefinitionException(name + " is empty", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new DefinitionException(describe(name, e), e);
        } catch (IOException e) {
            throw new DefinitionException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String describe(String name, JsonProcessingException e) {
        String why = e.getOriginalMessage().replaceAll("\\s*\\(class [^)]*\\)", "")
                .replace(", not marked as ignorable", "").replace("org.tanghulu.api.definition.", "");
        return Json.where(name, e) + ": " + why;
    }
}
