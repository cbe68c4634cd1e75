package org.tanghulu.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanghulu.api.DefinitionException;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;

class JsonDefinitionReaderTest {

    private final JsonDefinitionReader reader = new JsonDefinitionReader();

    @TempDir
    Path dir;

    private URL write(String json) throws IOException {
        Path file = dir.resolve("department.json");
        Files.writeString(file, json);
        return file.toUri().toURL();
    }

    @Test
    void shippedDictionaryIsReadableAndClear() throws DefinitionException {
        List<DataElement> dictionary = List.of(reader.read(getClass().getResource("/dictionary.json"), DataElement[].class));
        assertTrue(dictionary.size() > 10, "dictionary has " + dictionary.size() + " elements");
        assertEquals(List.of(), DefinitionChecker.checkDictionary(dictionary));
    }

    @Test
    void misspeltPropertyIsNamedWithLineAndPath() throws IOException {
        URL url = write("{\"id\": \"aic\",\n \"matters\": [{\"id\": \"x\",\n \"legalbasis\": []}]}");
        DefinitionException e = assertThrows(DefinitionException.class, () -> reader.read(url, DepartmentDefinition.class));
        assertTrue(e.getMessage().startsWith("department.json line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("at matters[0].legalbasis"), e.getMessage());
        assertTrue(e.getMessage().contains("Unrecognized field \"legalbasis\""), e.getMessage());
    }

    @Test
    void brokenJsonAndMissingResourceAreReported() throws IOException {
        URL url = write("{\"id\": \"aic\", ");
        assertTrue(assertThrows(DefinitionException.class, () -> reader.read(url, DepartmentDefinition.class))
                .getMessage().startsWith("department.json line 1"));
        assertEquals("definition resource not found in the bundle",
                assertThrows(DefinitionException.class, () -> reader.read(null, DepartmentDefinition.class)).getMessage());
    }
}
