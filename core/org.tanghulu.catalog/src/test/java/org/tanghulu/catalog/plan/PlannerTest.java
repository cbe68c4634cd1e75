package org.tanghulu.catalog.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LegacyForm;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.Checklist;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.RedundancyReport;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.catalog.plan.UnifiedForm.Source;

class PlannerTest {

    private static LocalizedText text(String s) {
        return new LocalizedText(s, s);
    }

    /** A matter with one form; change the rest with the {@code with...} methods. */
    private static Matter matter(String id, int statutoryDays, int promisedDays) {
        return new Matter(id, text(id), List.of("《行政许可法》"), Set.of(ApplicantType.ENTERPRISE),
                List.of(material(id + "-application")), List.of(), List.of(), List.of(), List.of(), statutoryDays,
                promisedDays);
    }

    private static Matter needs(Matter m, String... items) {
        return forms(m, new LegacyForm(m.id() + "-form", text(m.id()), List.of(items)));
    }

    private static Matter forms(Matter m, LegacyForm... forms) {
        return new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(), m.materials(), List.of(forms),
                m.outputs(), m.certificates(), m.predecessors(), m.statutoryDays(), m.promisedDays());
    }

    private static Matter outputs(Matter m, String... outputs) {
        return new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(), m.materials(), m.forms(),
                List.of(outputs), m.certificates(), m.predecessors(), m.statutoryDays(), m.promisedDays());
    }

    private static Matter after(Matter m, String... predecessors) {
        return new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(), m.materials(), m.forms(),
                m.outputs(), m.certificates(), List.of(predecessors), m.statutoryDays(), m.promisedDays());
    }

    private static Matter materials(Matter m, List<Material> materials, Material... certificates) {
        return new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(), materials, m.forms(), m.outputs(),
                List.of(certificates), m.predecessors(), m.statutoryDays(), m.promisedDays());
    }

    private static Matter openTo(Matter m, ApplicantType... types) {
        return new Matter(m.id(), m.name(), m.legalBasis(), Set.of(types), m.materials(), m.forms(), m.outputs(),
                m.certificates(), m.predecessors(), m.statutoryDays(), m.promisedDays());
    }

    private static Material material(String id) {
        return new Material(id, text(id));
    }

    private static LegacyForm legacy(String id, String... items) {
        return new LegacyForm(id, text(id), List.of(items));
    }

    private static DepartmentDefinition department(String id, Matter... matters) {
        return new DepartmentDefinition(id, text(id + "-name"), List.of(), List.of(matters));
    }

    private static Map<String, DepartmentDefinition> byId(DepartmentDefinition... departments) {
        Map<String, DepartmentDefinition> map = new HashMap<>();
        Arrays.stream(departments).forEach(d -> map.put(d.id(), d));
        return map;
    }

    private static FunctionGroup group(String id, String... matters) {
        return new FunctionGroup(id, 3, text(id), text(id), Set.of(ApplicantType.ENTERPRISE), List.of(matters));
    }

    private static Map<String, DataElement> elements(String... ids) {
        Map<String, DataElement> map = new HashMap<>();
        for (String id : ids) {
            map.put(id, new DataElement(id, DataType.TEXT, text(id + "-label"), text(id + "-help"), Validation.REQUIRED));
        }
        return map;
    }

    private static MatterKey key(String reference) {
        return MatterKey.parse(reference, null);
    }

    private static List<MatterKey> keys(String... references) {
        return Arrays.stream(references).map(PlannerTest::key).toList();
    }

    private static List<List<MatterKey>> stepsOf(FlowChart chart) {
        return chart.steps().stream().map(s -> s.blocks().stream().map(Block::matter).toList()).toList();
    }

    private static Block block(FlowChart chart, String reference) {
        return chart.blocks().stream().filter(b -> b.matter().equals(key(reference))).findFirst().orElseThrow();
    }

    // ---- flow chart ----

    @Test
    void serialChainHasOneBlockPerStep() {
        FlowChart chart = Planner.chart(group("g", "aic/c", "aic/a", "aic/b"), byId(department("aic",
                matter("a", 10, 5), after(matter("b", 20, 7), "a"), after(matter("c", 3, 1), "aic/b"))));

        assertEquals(List.of(keys("aic/a"), keys("aic/b"), keys("aic/c")), stepsOf(chart));
        assertEquals(List.of(1, 2, 3), chart.steps().stream().map(FlowChart.Step::number).toList());
        assertEquals(keys("aic/a", "aic/b", "aic/c"), chart.criticalPath());
        assertEquals(13, chart.promisedDays());
        assertEquals(13, chart.serialPromisedDays());
        assertEquals(33, chart.statutoryDays());
        assertEquals(33, chart.serialStatutoryDays());
        Block b = block(chart, "aic/b");
        assertEquals(keys("aic/a"), b.dependsOn());
        assertEquals(text("b"), b.name());
        assertEquals("aic", b.department());
        assertEquals(text("aic-name"), b.departmentName());
        assertEquals(2, b.step());
        assertEquals(20, b.statutoryDays());
        assertEquals(7, b.promisedDays());
    }

    /** The seeds' Haidian chart: 9 blocks in 5 steps, shaped 1 -> 1 -> 2 -> 1 -> 4. */
    @Test
    void parallelFanOutAndFanInGiveFiveStepsAndTheCriticalPath() {
        Map<String, DepartmentDefinition> departments = byId(
                department("aic", matter("name-preapproval", 3, 1),
                        outputs(after(matter("business-licence", 15, 5), "name-preapproval"), "licence-number")),
                department("zgc", needs(matter("high-tech", 20, 10), "licence-number"),
                        after(matter("park-registration", 5, 2), "high-tech", "qts/organization-code")),
                department("psb", after(matter("seal", 5, 3), "aic/business-licence")),
                department("qts", outputs(after(matter("organization-code", 5, 3), "psb/seal"), "organization-code")),
                department("ltax", needs(matter("tax-registration", 30, 5), "organization-code")),
                department("ntax", needs(matter("tax-registration", 20, 10), "organization-code")),
                department("stats", after(matter("statistics-registration", 10, 2), "qts/organization-code")));
        FunctionGroup group = group("high-tech-llc", "aic/name-preapproval", "aic/business-licence", "psb/seal",
                "zgc/high-tech", "qts/organization-code", "ntax/tax-registration", "ltax/tax-registration",
                "zgc/park-registration", "stats/statistics-registration");

        FlowChart chart = Planner.chart(group, departments);

        assertEquals(List.of(keys("aic/name-preapproval"), keys("aic/business-licence"),
                keys("psb/seal", "zgc/high-tech"), keys("qts/organization-code"),
                keys("ntax/tax-registration", "ltax/tax-registration", "zgc/park-registration",
                        "stats/statistics-registration")), stepsOf(chart));
        assertEquals(keys("zgc/high-tech", "qts/organization-code"), block(chart, "zgc/park-registration").dependsOn());
        assertEquals(keys("aic/name-preapproval", "aic/business-licence", "psb/seal", "qts/organization-code",
                "ntax/tax-registration"), chart.criticalPath());
        assertEquals(22, chart.promisedDays());
        assertEquals(41, chart.serialPromisedDays());
        // the longest statutory chain ends at local tax, not on the critical path
        assertEquals(58, chart.statutoryDays());
        assertEquals(113, chart.serialStatutoryDays());
        assertEquals("high-tech-llc", chart.group());
        assertEquals(3, chart.version());
    }

    @Test
    void criticalPathTieGoesToTheEarlierMatterInGroupOrder() {
        FlowChart chart = Planner.chart(group("g", "aic/a", "aic/c", "aic/b", "aic/d"), byId(department("aic",
                matter("a", 5, 2), after(matter("b", 5, 4), "a"), after(matter("c", 5, 4), "a"),
                after(matter("d", 5, 1), "b", "c"))));

        assertEquals(keys("aic/c", "aic/b"), block(chart, "aic/d").dependsOn());
        assertEquals(keys("aic/a", "aic/c", "aic/d"), chart.criticalPath());
        assertEquals(7, chart.promisedDays());
    }

    @Test
    void dataNeededFromAnotherMatterCreatesTheEdge() {
        FlowChart chart = Planner.chart(group("g", "ltax/tax", "aic/licence"), byId(
                department("aic", needs(outputs(matter("licence", 10, 5), "licence-number"), "licence-number", "name")),
                department("ltax", needs(matter("tax", 10, 5), "name", "licence-number"))));

        assertEquals(keys("aic/licence"), block(chart, "ltax/tax").dependsOn());
        assertEquals(List.of(), block(chart, "aic/licence").dependsOn(), "needing its own output is no dependency");
        assertEquals(List.of(keys("aic/licence"), keys("ltax/tax")), stepsOf(chart));
        assertEquals(List.of("name", "licence-number"), block(chart, "ltax/tax").dataElements());
        assertEquals(List.of("licence-number"), block(chart, "aic/licence").outputs());
    }

    @Test
    void declaredAndDataDependenciesAreListedOnceInGroupOrder() {
        FlowChart chart = Planner.chart(group("g", "aic/b", "aic/a", "aic/c"), byId(department("aic",
                outputs(matter("a", 1, 1), "x"), matter("b", 1, 1), needs(after(matter("c", 1, 1), "a", "b"), "x"))));

        assertEquals(keys("aic/b", "aic/a"), block(chart, "aic/c").dependsOn());
    }

    @Test
    void predecessorsAndProducersOutsideTheGroupAreIgnored() {
        FlowChart chart = Planner.chart(group("g", "ltax/tax", "ltax/invoice"), byId(
                department("aic", outputs(matter("licence", 10, 5), "licence-number")),
                department("ltax", needs(after(matter("tax", 10, 5), "aic/licence", "qts/code"), "licence-number"),
                        after(matter("invoice", 10, 5), "tax"))));

        assertEquals(List.of(), block(chart, "ltax/tax").dependsOn());
        assertEquals(List.of(keys("ltax/tax"), keys("ltax/invoice")), stepsOf(chart));
    }

    @Test
    void cycleIsRefusedWithTheCycleSpelledOut() {
        Map<String, DepartmentDefinition> departments = byId(
                department("aic", needs(outputs(matter("licence", 10, 5), "licence-number"), "tax-number"),
                        matter("start", 1, 1)),
                department("ltax", needs(outputs(matter("tax", 10, 5), "tax-number"), "licence-number")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Planner.chart(group("g", "aic/start", "aic/licence", "ltax/tax"), departments));
        assertTrue(e.getMessage().contains("aic/licence -> ltax/tax -> aic/licence"), e::getMessage);
    }

    @Test
    void missingMatterOrDepartmentIsNamed() {
        Map<String, DepartmentDefinition> departments = byId(department("aic", matter("licence", 10, 5)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Planner.chart(group("g", "aic/licence", "aic/seal"), departments));
        assertTrue(e.getMessage().contains("'aic/seal'"), e::getMessage);
        e = assertThrows(IllegalArgumentException.class,
                () -> Planner.chart(group("g", "psb/seal", "aic/licence"), departments));
        assertTrue(e.getMessage().contains("'psb/seal'"), e::getMessage);
    }

    // ---- unified form ----

    /** aic/licence (step 1) -> aic/seal and ltax/tax (step 2, parallel); ltax/invoice needs nothing new. */
    private static final Map<String, DepartmentDefinition> FORM_DEPARTMENTS = byId(
            department("aic",
                    outputs(forms(matter("licence", 15, 5), legacy("application", "name", "capital"),
                            legacy("directors", "name", "director-id", "capital")), "licence-number"),
                    needs(matter("seal", 5, 2), "name", "licence-number", "seal-shape")),
            department("ltax", needs(matter("tax", 20, 5), "licence-number", "address", "name"),
                    forms(after(matter("invoice", 10, 3), "tax"), legacy("invoice-a", "address"),
                            legacy("invoice-b", "name", "address"))));
    private static final FunctionGroup FORM_GROUP = group("g", "ltax/invoice", "ltax/tax", "aic/seal", "aic/licence");
    private static final Map<String, DataElement> FORM_ELEMENTS = elements("name", "capital", "director-id",
            "licence-number", "seal-shape", "address");

    @Test
    void formAsksEachElementOnceInTheSectionOfItsFirstNeed() {
        UnifiedForm form = Planner.form(Planner.chart(FORM_GROUP, FORM_DEPARTMENTS), FORM_ELEMENTS, Map.of());

        assertEquals(keys("aic/licence", "ltax/tax", "aic/seal"),
                form.sections().stream().map(UnifiedForm.Section::matter).toList(),
                "step order, then group order; ltax/invoice adds nothing new");
        assertEquals(List.of(List.of("name", "capital", "director-id"), List.of("licence-number", "address"),
                List.of("seal-shape")),
                form.sections().stream().map(s -> s.fields().stream().map(UnifiedForm.Field::element).toList()).toList());
        assertEquals(text("tax"), form.sections().get(1).title());
        UnifiedForm.Field name = form.fields().get(0);
        assertEquals(keys("aic/licence", "ltax/tax", "aic/seal", "ltax/invoice"), name.usedBy());
        assertEquals(text("name-label"), name.label());
        assertEquals(text("name-help"), name.help());
        assertEquals(DataType.TEXT, name.type());
        assertEquals(Validation.REQUIRED, name.validation());
        assertEquals(Source.APPLICANT, name.source());
        assertNull(name.producedBy());
        assertEquals("g", form.group());
        assertEquals(3, form.version());
    }

    @Test
    void producedElementIsFilledFromTheStepAndNeverPrefilled() {
        Map<String, String> prefill = Map.of("name", "北京示例科技有限公司", "licence-number", "110108000000000",
                "address", "  ");
        UnifiedForm form = Planner.form(Planner.chart(FORM_GROUP, FORM_DEPARTMENTS), FORM_ELEMENTS, prefill);
        Map<String, UnifiedForm.Field> fields = new LinkedHashMap<>();
        form.fields().forEach(f -> fields.put(f.element(), f));

        UnifiedForm.Field licence = fields.get("licence-number");
        assertEquals(Source.STEP_OUTPUT, licence.source());
        assertEquals(key("aic/licence"), licence.producedBy());
        assertNull(licence.prefilled());
        assertEquals(keys("ltax/tax", "aic/seal"), licence.usedBy());
        assertEquals("北京示例科技有限公司", fields.get("name").prefilled());
        assertNull(fields.get("address").prefilled(), "blank is no value");
        assertNull(fields.get("capital").prefilled());
        assertEquals(Source.APPLICANT, fields.get("capital").source());
    }

    @Test
    void matterNeedingItsOwnOutputTypesIt() {
        FunctionGroup group = group("g", "aic/licence");
        Map<String, DepartmentDefinition> departments = byId(department("aic",
                needs(outputs(matter("licence", 10, 5), "licence-number"), "licence-number")));

        UnifiedForm.Field field = Planner.form(Planner.chart(group, departments), elements("licence-number"),
                Map.of("licence-number", "123")).fields().get(0);
        assertEquals(Source.APPLICANT, field.source());
        assertEquals("123", field.prefilled());
    }

    @Test
    void undefinedElementIsRefused() {
        Map<String, DataElement> elements = elements("name", "capital", "director-id", "licence-number", "address");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Planner.form(Planner.chart(FORM_GROUP, FORM_DEPARTMENTS), elements, Map.of()));
        assertTrue(e.getMessage().contains("'seal-shape'"), e::getMessage);
    }

    // ---- redundancy report ----

    @Test
    void reportCountsFormsBeforeWithRepeatsAndFieldsAfter() {
        FlowChart chart = Planner.chart(FORM_GROUP, FORM_DEPARTMENTS);
        RedundancyReport report = Planner.report(chart, FORM_DEPARTMENTS,
                Planner.form(chart, FORM_ELEMENTS, Map.of()));

        assertEquals(6, report.formsBefore());
        assertEquals(14, report.itemsBefore());
        assertEquals(3, report.sectionsAfter());
        assertEquals(5, report.itemsAfter());
        assertEquals(1, report.itemsFromSteps());
        assertEquals(List.of(new RedundancyReport.DepartmentForms("aic", text("aic-name"), 3, 8),
                new RedundancyReport.DepartmentForms("ltax", text("ltax-name"), 3, 6)), report.departments());
        assertEquals("g", report.group());
        assertEquals(3, report.version());

        assertEquals(List.of("name", "capital", "director-id", "licence-number", "address", "seal-shape"),
                report.elements().stream().map(RedundancyReport.ElementUse::element).toList());
        RedundancyReport.ElementUse name = report.elements().get(0);
        assertEquals(5, name.timesAskedBefore());
        assertEquals(List.of("aic", "ltax"), name.departments());
        assertEquals(keys("aic/licence", "ltax/tax", "aic/seal", "ltax/invoice"), name.matters());
        assertFalse(name.fromStep());
        assertEquals(text("name-label"), name.label());
        RedundancyReport.ElementUse capital = report.elements().get(1);
        assertEquals(2, capital.timesAskedBefore());
        assertEquals(List.of("aic"), capital.departments());
        RedundancyReport.ElementUse licence = report.elements().get(3);
        assertTrue(licence.fromStep());
        assertEquals(2, licence.timesAskedBefore());
        assertEquals(List.of("ltax", "aic"), licence.departments());
    }

    @Test
    void reportListsDepartmentsInChartOrder() {
        Map<String, DepartmentDefinition> departments = byId(department("aic", needs(matter("licence", 1, 1), "name")),
                department("ltax", needs(matter("tax", 1, 1), "name")));
        FlowChart chart = Planner.chart(group("g", "ltax/tax", "aic/licence"), departments);
        RedundancyReport report = Planner.report(chart, departments, Planner.form(chart, elements("name"), Map.of()));

        assertEquals(List.of("ltax", "aic"),
                report.departments().stream().map(RedundancyReport.DepartmentForms::department).toList());
        assertEquals(2, report.elements().get(0).timesAskedBefore());
        assertEquals(1, report.sectionsAfter());
    }

    // ---- checklist ----

    private static final Material ID_CARD = material("id-card");
    private static final Material ARTICLES = material("articles");
    private static final Material LICENCE = material("business-licence");
    private static final Material LEASE = material("lease");
    private static final Map<String, DepartmentDefinition> ACTIVE = byId(
            department("ltax", materials(matter("tax", 1, 1), List.of(LICENCE, LEASE, ID_CARD))),
            department("aic", materials(matter("name", 1, 1), List.of(ID_CARD)),
                    materials(matter("licence", 1, 1), List.of(ARTICLES, ID_CARD), LICENCE)),
            department("psb", openTo(materials(matter("residence", 1, 1), List.of(ID_CARD)), ApplicantType.INDIVIDUAL)));

    private static FunctionGroupStatus status(FunctionGroup group, List<String> problems, List<String> missing) {
        return new FunctionGroupStatus(group, "org.tanghulu.group.test", problems, missing);
    }

    private static final List<FunctionGroupStatus> GROUPS = List.of(
            status(group("establishment", "aic/name", "aic/licence", "ltax/tax"), List.of(), List.of()),
            status(group("code", "aic/licence", "qts/code"), List.of(), List.of("department 'qts' is not installed")),
            status(group("broken", "aic/name"), List.of("no legal basis"), List.of()),
            status(new FunctionGroup("moving", 1, text("moving"), text("moving"), Set.of(ApplicantType.INDIVIDUAL),
                    List.of("psb/residence")), List.of(), List.of()));

    @Test
    void checklistTellsWhichMattersAreReady() {
        Checklist checklist = Planner.checklist(Set.of("id-card", "articles"), null, ACTIVE, GROUPS);

        assertEquals(keys("aic/name", "aic/licence", "ltax/tax", "psb/residence"),
                checklist.matters().stream().map(Checklist.MatterReadiness::matter).toList());
        assertEquals(List.of(true, true, false, true),
                checklist.matters().stream().map(Checklist.MatterReadiness::ready).toList());
        assertEquals(List.of(LICENCE, LEASE), checklist.matters().get(2).missing());
        assertEquals(text("tax"), checklist.matters().get(2).name());
    }

    @Test
    void groupDoesNotAskForCertificatesItsOwnMattersIssue() {
        Checklist.GroupReadiness establishment = Planner.checklist(Set.of("id-card", "articles"), null, ACTIVE, GROUPS)
                .groups().stream().filter(g -> g.group().equals("establishment")).findFirst().orElseThrow();

        assertEquals(List.of(LEASE), establishment.missing());
        assertTrue(establishment.available());
        assertFalse(establishment.ready());
        assertEquals(text("establishment"), establishment.name());

        establishment = Planner.checklist(Set.of("id-card", "articles", "lease"), null, ACTIVE, GROUPS).groups().get(1);
        assertEquals("establishment", establishment.group());
        assertTrue(establishment.ready());
        assertEquals(List.of(), establishment.missing());
    }

    @Test
    void groupLinesSayHowEachMaterialIsSuppliedAndTheVerdictIsTruthful() {
        Material permit = new Material("bank-permit", text("permit"), false, 0, true);
        Material contracts = new Material("contracts", text("contracts"), true, 10, false);
        Map<String, DepartmentDefinition> active = byId(
                department("aic", materials(matter("licence", 1, 1), List.of(ARTICLES), LICENCE)),
                department("lss", after(materials(matter("insurance", 1, 1), List.of(LICENCE, permit, contracts, ID_CARD)),
                        "aic/licence")));
        List<FunctionGroupStatus> groups = List.of(status(group("start", "aic/licence", "lss/insurance"), List.of(), List.of()));

        Checklist.GroupReadiness start = Planner.checklist(Set.of("articles", "id-card"), null, active, groups).groups().get(0);
        assertTrue(start.ready(), "nothing up front is missing: " + start.lines());
        assertEquals(List.of(), start.missing());
        assertEquals(List.of("articles", "business-licence", "bank-permit", "contracts", "id-card"),
                start.lines().stream().map(l -> l.material().id()).toList());
        assertEquals(List.of(Checklist.Supply.AT_HAND, Checklist.Supply.ISSUED, Checklist.Supply.AT_STEP,
                Checklist.Supply.MINOR, Checklist.Supply.AT_HAND), start.lines().stream().map(Checklist.MaterialLine::supply).toList());
        Checklist.MaterialLine licence = start.lines().get(1);
        assertEquals(key("aic/licence"), licence.issuer());
        assertEquals(1, licence.issuerStep());
        assertEquals(2, licence.step());
        assertEquals(2, start.lines().get(2).step(), "asked at the step of the matter needing it");

        start = Planner.checklist(Set.of("id-card", "contracts"), null, active, groups).groups().get(0);
        assertFalse(start.ready());
        assertEquals(List.of(ARTICLES), start.missing());
        assertEquals(Checklist.Supply.AT_HAND, start.lines().get(3).supply(), "a minor material at hand is at hand");
    }

    @Test
    void unavailableGroupIsNeverReadyAndGroupsWithProblemsAreLeftOut() {
        List<Checklist.GroupReadiness> groups = Planner.checklist(Set.of("id-card", "articles"), null, ACTIVE, GROUPS)
                .groups();

        assertEquals(List.of("code", "establishment", "moving"), groups.stream().map(Checklist.GroupReadiness::group).toList());
        Checklist.GroupReadiness code = groups.get(0);
        assertFalse(code.available());
        assertFalse(code.ready());
        assertEquals(List.of(), code.missing(), "the absent department's matter is skipped");
    }

    @Test
    void checklistKeepsToTheApplicantType() {
        Checklist checklist = Planner.checklist(Set.of("id-card"), ApplicantType.INDIVIDUAL, ACTIVE, GROUPS);

        assertEquals(keys("psb/residence"), checklist.matters().stream().map(Checklist.MatterReadiness::matter).toList());
        assertEquals(List.of("moving"), checklist.groups().stream().map(Checklist.GroupReadiness::group).toList());
        assertTrue(checklist.groups().get(0).ready());

        checklist = Planner.checklist(Set.of(), ApplicantType.ENTERPRISE, ACTIVE, GROUPS);
        assertEquals(keys("aic/name", "aic/licence", "ltax/tax"),
                checklist.matters().stream().map(Checklist.MatterReadiness::matter).toList());
        assertEquals(List.of("code", "establishment"),
                checklist.groups().stream().map(Checklist.GroupReadiness::group).toList());
        assertEquals(List.of(ID_CARD, ARTICLES, LEASE), checklist.groups().get(1).missing());
    }
}
