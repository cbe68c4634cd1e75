package org.tanghulu.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.Planner;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.testing.HaidianCatalog;

/**
 * The synthetic catalog at Haidian's scale (issue 13, {@link HaidianCatalog}), which the benchmark hot-installs into a
 * running platform, is accepted there in full: here without Karaf, read back from its JSON by the platform's own
 * reader and checked as the catalog checks arriving departments and groups, in any order of arrival.
 */
class HaidianCatalogTest {

    private final JsonDefinitionReader reader = new JsonDefinitionReader();

    private List<DataElement> dictionary() throws Exception {
        return List.of(reader.read(getClass().getResource("/dictionary.json"), DataElement[].class));
    }

    @Test
    void hasHaidiansScaleAndIsTheSameForTheSameSeed() {
        HaidianCatalog.Catalog catalog = HaidianCatalog.generate();
        assertEquals(35, catalog.departments().size());
        assertEquals(1_578, catalog.matters());
        assertEquals(256, catalog.groups().size());
        assertEquals(256, catalog.groups().stream().map(FunctionGroup::id).distinct().count());
        for (FunctionGroup g : catalog.groups()) {
            assertTrue(g.matters().size() >= 2 && g.matters().size() <= 15, g.id() + ": " + g.matters().size());
            assertTrue(g.matters().stream().map(m -> MatterKey.parse(m, null).department()).distinct().count() >= 2,
                    g.id() + " spans one department only");
        }
        assertTrue(catalog.departments().stream().allMatch(d -> d.id().matches("hd\\d\\d")));
        assertTrue(catalog.groups().stream().allMatch(g -> g.id().startsWith("hd-")));
        HaidianCatalog.Catalog again = HaidianCatalog.generate();
        for (int i = 0; i < catalog.departments().size(); i++) {
            assertEquals(HaidianCatalog.json(catalog.departments().get(i)), HaidianCatalog.json(again.departments().get(i)));
        }
        assertEquals(HaidianCatalog.json(catalog.groupBundles()), HaidianCatalog.json(again.groupBundles()));
    }

    /** Most form items are the shared dictionary's, and matters depend on others across departments. */
    @Test
    void usesTheSharedDictionaryAndDependsAcrossDepartments() throws Exception {
        Set<String> shared = dictionary().stream().map(DataElement::id).collect(Collectors.toSet());
        long items = 0;
        long sharedItems = 0;
        long crossDepartment = 0;
        for (DepartmentDefinition d : HaidianCatalog.generate().departments()) {
            for (Matter m : d.matters()) {
                for (String e : m.dataElements()) {
                    items++;
                    sharedItems += shared.contains(e) ? 1 : 0;
                }
                crossDepartment += m.predecessors().stream().filter(p -> p.contains("/")).count();
            }
        }
        assertTrue(sharedItems > items * 3 / 4, sharedItems + " of " + items + " items are shared");
        List<String> own = HaidianCatalog.generate().departments().stream()
                .flatMap(d -> d.dataElements().stream()).map(DataElement::id).toList();
        assertEquals(own.size(), Set.copyOf(own).size(), "a department's own element id is another's too");
        assertTrue(crossDepartment > 300, crossDepartment + " predecessors across departments");
    }

    @Test
    void everyDepartmentAndGroupIsAcceptedInAnyOrderOfArrival(@TempDir Path dir) throws Exception {
        HaidianCatalog.Catalog catalog = HaidianCatalog.generate();
        List<DataElement> dictionary = dictionary();
        assertEquals(List.of(), DefinitionChecker.checkDictionary(dictionary));
        DefinitionChecker checker = new DefinitionChecker(dictionary);

        // read back from JSON, as the bundles carry them
        List<DepartmentDefinition> read = new ArrayList<>();
        for (DepartmentDefinition d : catalog.departments()) {
            Path json = dir.resolve(d.id() + "-department.json");
            Files.writeString(json, HaidianCatalog.json(d), StandardCharsets.UTF_8);
            DepartmentDefinition back = reader.read(json.toUri().toURL(), DepartmentDefinition.class);
            assertEquals(d, back, d.id() + " survives its JSON");
            read.add(back);
        }
        List<FunctionGroup> groups = new ArrayList<>();
        for (List<FunctionGroup> bundle : catalog.groupBundles()) {
            Path json = dir.resolve("function-groups-" + groups.size() + ".json");
            Files.writeString(json, HaidianCatalog.json(bundle), StandardCharsets.UTF_8);
            groups.addAll(List.of(reader.read(json.toUri().toURL(), FunctionGroup[].class)));
        }
        assertEquals(catalog.groups(), groups);

        for (long order : new long[] {1, 2, 3}) {
            List<DepartmentDefinition> arriving = new ArrayList<>(read);
            Collections.shuffle(arriving, new Random(order));
            List<DepartmentDefinition> accepted = new ArrayList<>();
            for (DepartmentDefinition d : arriving) {
                assertEquals(List.of(), checker.check(d, accepted), "department " + d.id());
                accepted.add(d);
            }
        }

        Map<String, DepartmentDefinition> active = new LinkedHashMap<>();
        read.forEach(d -> active.put(d.id(), d));
        Map<String, DataElement> elements = new HashMap<>();
        dictionary.forEach(e -> elements.put(e.id(), e));
        read.forEach(d -> d.dataElements().forEach(e -> elements.putIfAbsent(e.id(), e)));
        int steps = 0;
        int fromSteps = 0;
        for (FunctionGroup g : groups) {
            assertEquals(List.of(), DefinitionChecker.check(g), g.id());
            assertEquals(List.of(), DefinitionChecker.missing(g, active), g.id());
            FlowChart chart = Planner.chart(g, active); // throws on a cycle
            UnifiedForm form = Planner.form(chart, elements, Map.of());
            Planner.report(chart, active, form);
            steps = Math.max(steps, chart.steps().size());
            fromSteps += (int) form.fields().stream().filter(f -> f.source() == UnifiedForm.Source.STEP_OUTPUT).count();
        }
        assertTrue(steps >= 4, "the longest chart has only " + steps + " steps");
        assertTrue(fromSteps > 0, "no field of any group's form is filled by an earlier step");
    }
}
