package org.tanghulu.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.DefinitionException;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;

/**
 * The definitions the project ships - the dictionary, every department bundle under
 * {@code bundles/} and the establishment groups - are read and checked as the
 * platform would check them when they arrive, so that an unclear definition fails the
 * build rather than a department at run time.
 */
class ShippedDefinitionsTest {

    private static final Path BUNDLES = Path.of("../../bundles");
    /** In dependency order: a department's predecessors are checked before it. */
    private static final List<String> DEPARTMENTS = List.of("aic", "zgc", "psb", "qts", "ltax", "ntax", "stats", "lss",
            "commerce", "safe");

    private final JsonDefinitionReader reader = new JsonDefinitionReader();

    private static URL resource(String bundle, String name) throws MalformedURLException {
        Path file = BUNDLES.resolve(bundle).resolve("src/main/resources").resolve(name);
        assertTrue(Files.isRegularFile(file), "missing " + file.toAbsolutePath().normalize());
        return file.toUri().toURL();
    }

    private Map<String, DepartmentDefinition> departments() throws Exception {
        Map<String, DepartmentDefinition> departments = new LinkedHashMap<>();
        for (String id : DEPARTMENTS) {
            DepartmentDefinition d = reader.read(resource("org.tanghulu.dept." + id, "department.json"),
                    DepartmentDefinition.class);
            assertEquals(id, d.id(), "department.json of org.tanghulu.dept." + id);
            departments.put(id, d);
        }
        return departments;
    }

    private List<DataElement> dictionary() throws DefinitionException {
        return List.of(reader.read(getClass().getResource("/dictionary.json"), DataElement[].class));
    }

    @Test
    void everyShippedDepartmentIsClear() throws Exception {
        List<DataElement> dictionary = dictionary();
        assertEquals(List.of(), DefinitionChecker.checkDictionary(dictionary));
        DefinitionChecker checker = new DefinitionChecker(dictionary);
        List<DepartmentDefinition> accepted = new ArrayList<>();
        for (DepartmentDefinition d : departments().values()) {
            assertEquals(List.of(), checker.check(d, accepted), "department " + d.id());
            accepted.add(d);
        }
    }

    @Test
    void everyShippedOptionReadsInEnglish() throws Exception {
        List<DataElement> all = new ArrayList<>(dictionary());
        departments().values().forEach(d -> all.addAll(d.dataElements()));
        List<String> missing = new ArrayList<>();
        for (DataElement e : all) {
            if (e.type() == org.tanghulu.api.definition.DataType.CHOICE) {
                e.validation().options().stream().filter(o -> e.validation().label(o).en() == null
                        || e.validation().label(o).en().equals(o)).forEach(o -> missing.add(e.id() + ": " + o));
            }
        }
        assertEquals(List.of(), missing, "options without an English label");
    }

    @Test
    void everyDepartmentBundleIsChecked() throws Exception {
        try (var dirs = Files.list(BUNDLES)) {
            List<String> shipped = dirs.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("org.tanghulu.dept."))
                    .map(n -> n.substring("org.tanghulu.dept.".length())).sorted().toList();
            assertEquals(DEPARTMENTS.stream().sorted().toList(), shipped, "departments under bundles/");
        }
    }

    @Test
    void theEstablishmentGroupRunsOnTheShippedDepartments() throws Exception {
        FunctionGroup[] groups = reader.read(resource("org.tanghulu.group.establishment", "function-groups.json"),
                FunctionGroup[].class);
        assertEquals(10, groups.length, "the establishment variants (see EstablishmentVariantsTest)");
        for (FunctionGroup g : groups) {
            assertEquals(List.of(), DefinitionChecker.check(g), g.id());
            assertEquals(List.of(), DefinitionChecker.missing(g, departments()), g.id());
        }
        FunctionGroup group = groups[0];
        assertEquals("enterprise-establishment", group.id());
        assertEquals(9, group.matters().size(), group.matters()::toString);
        assertEquals(8, group.matters().stream().map(m -> m.substring(0, m.indexOf('/'))).distinct().count());
    }
}
