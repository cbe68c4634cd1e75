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
        DataElement investors = dictionary.stream().filter(e -> e.id().equals("investors")).findFirst().orElseThrow();
        assertEquals(org.tanghulu.api.definition.DataType.TABLE, investors.type());
        assertEquals(List.of("name", "id-number", "credit-code", "amount", "contribution-form", "deadline"),
                investors.validation().columns().stream().map(DataElement::id).toList());
        assertEquals("Cash", investors.validation().columns().get(4).validation().label("货币").en());
        assertEquals(50, investors.validation().maxRows());
    }

    @Test
    void everyMisspeltPropertyIsNamedAtItsOwnLineInOnePass() throws IOException {
        URL url = write("""
                {"id": "aic",
                 "matters": [{"id": "x",
                   "legalbasis": [],
                   "forms": [{"id": "f", "itmes": []}]}],
                 "dataElement": []}
                """);
        DefinitionException e = assertThrows(DefinitionException.class, () -> reader.read(url, DepartmentDefinition.class));
        String[] problems = e.getMessage().split("; ");
        assertEquals(3, problems.length, e.getMessage());
        assertTrue(problems[0].startsWith("department.json line 3: unknown property \"legalbasis\" in Matter (known: id,"),
                problems[0]);
        assertTrue(problems[1].startsWith("department.json line 4: unknown property \"itmes\" in LegacyForm"), problems[1]);
        assertTrue(problems[2].startsWith("department.json line 5: unknown property \"dataElement\" in DepartmentDefinition"),
                problems[2]);
    }

    @Test
    void theDepartmentsReaderReportsMisspeltKeysWithTheCheckersProblemsInOnePass() throws Exception {
        URL url = write("""
                {"id": "aic", "name": {"zh": "工商"},
                 "matters": [{"id": "bad", "name": {"zh": "坏"},
                   "legalbasis": ["法"],
                   "applicantTypes": ["ENTERPRISE"], "materials": [{"id": "m", "name": {"zh": "材料"}}],
                   "forms": [{"id": "f", "name": {"zh": "表"}, "items": ["enterprise-name"]}],
                   "statutoryDays": 5, "promisedDays": 3}]}
                """);
        JsonDefinitionReader collecting = new JsonDefinitionReader(true);
        DepartmentDefinition d = collecting.read(url, DepartmentDefinition.class);
        DefinitionChecker checker = new DefinitionChecker(List.of(reader.read(getClass().getResource("/dictionary.json"),
                DataElement[].class)));
        List<String> problems = collecting.locate(d, checker.check(d, List.of()));
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("department.json line 3: unknown property \"legalbasis\" in Matter"), problems.get(0));
        assertEquals("department.json line 2: matter 'bad': no legal basis (法律依据) given", problems.get(1));
    }

    @Test
    void everyProblemOfTheCheckerIsLocatedAtTheKeyAtFault() throws Exception {
        URL url = write("""
                {"id": "aic", "name": {"zh": "工商"},
                 "matters": [
                  {"id": "ok", "name": {"zh": "好"}, "legalBasis": ["法"], "applicantTypes": ["ENTERPRISE"],
                   "materials": [{"id": "m", "name": {"zh": "材料"}}], "forms": [{"id": "f", "name": {"zh": "表"},
                   "items": ["enterprise-name"]}], "statutoryDays": 5, "promisedDays": 5},
                  {"id": "bad", "name": {"zh": "坏"},
                   "legalBasis": [],
                   "applicantTypes": ["ENTERPRISE"], "materials": [{"id": "m", "name": {"zh": "材料"}}],
                   "forms": [{"id": "f", "name": {"zh": "表"}, "items": ["no-such-element"]}],
                   "statutoryDays": 5,
                   "promisedDays": 9}]}
                """);
        DepartmentDefinition d = reader.read(url, DepartmentDefinition.class);
        DefinitionChecker checker = new DefinitionChecker(List.of(reader.read(getClass().getResource("/dictionary.json"),
                DataElement[].class)));
        List<String> problems = reader.locate(d, checker.check(d, List.of()));
        assertEquals(List.of(
                "department.json line 7: matter 'bad': no legal basis (法律依据) given",
                "department.json line 9: matter 'bad': form 'f': data element 'no-such-element' is not defined in the"
                        + " dictionary or the department",
                "department.json line 11: matter 'bad': promised time limit (承诺时限) must be 0 (same day, 即办) or more, and"
                        + " not above the statutory 5 working days"), problems);
    }

    @Test
    void aMaterialsProblemIsLocatedAtThatMaterial() throws Exception {
        URL url = write("""
                {"id": "lss", "name": {"zh": "社保"},
                 "matters": [{"id": "registration", "name": {"zh": "登记"}, "legalBasis": ["法"],
                   "applicantTypes": ["ENTERPRISE"],
                   "materials": [
                     {"id": "form", "name": {"zh": "表"}},
                     {"id": "contracts", "name": {"zh": "合同"},
                      "minor": true}],
                   "forms": [{"id": "f", "name": {"zh": "表"}, "items": ["enterprise-name"]}],
                   "statutoryDays": 5, "promisedDays": 3}]}
                """);
        DepartmentDefinition d = reader.read(url, DepartmentDefinition.class);
        DefinitionChecker checker = new DefinitionChecker(List.of(reader.read(getClass().getResource("/dictionary.json"),
                DataElement[].class)));
        List<String> problems = reader.locate(d, checker.check(d, List.of()));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("department.json line 6: matter 'registration': material 'contracts' is minor"),
                problems.get(0));
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
