package org.tanghulu.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.Planner;
import org.tanghulu.catalog.plan.RedundancyReport;
import org.tanghulu.catalog.plan.UnifiedForm;

/**
 * The establishment variants by enterprise type, read from the JSON the bundles ship (every
 * {@code bundles/org.tanghulu.dept.*}{@code /department.json}, the dictionary and the establishment
 * bundle's {@code function-groups.json}): all definitions are clear, and for each variant the flow
 * chart, unified form and redundancy report the {@link Planner} derives say what the variant is.
 */
class EstablishmentVariantsTest {

    private static final Path BUNDLES = Path.of("../../bundles");
    private static final JsonDefinitionReader READER = new JsonDefinitionReader();

    private static List<DataElement> dictionary;
    private static Map<String, DepartmentDefinition> departments;
    private static Map<String, FunctionGroup> groups;
    private static Map<String, DataElement> elements;

    @BeforeAll
    static void read() throws Exception {
        dictionary = List.of(READER.read(EstablishmentVariantsTest.class.getResource("/dictionary.json"),
                DataElement[].class));
        departments = new LinkedHashMap<>();
        try (var dirs = Files.list(BUNDLES)) {
            for (Path dir : dirs.filter(p -> p.getFileName().toString().startsWith("org.tanghulu.dept.")).sorted()
                    .toList()) {
                DepartmentDefinition d = READER.read(url(dir.resolve("src/main/resources/department.json")),
                        DepartmentDefinition.class);
                assertEquals(dir.getFileName().toString(), "org.tanghulu.dept." + d.id());
                departments.put(d.id(), d);
            }
        }
        groups = new LinkedHashMap<>();
        for (FunctionGroup g : READER.read(url(BUNDLES.resolve(
                "org.tanghulu.group.establishment/src/main/resources/function-groups.json")), FunctionGroup[].class)) {
            assertFalse(groups.containsKey(g.id()), "group " + g.id() + " defined twice");
            groups.put(g.id(), g);
        }
        elements = new HashMap<>();
        dictionary.forEach(e -> elements.put(e.id(), e));
        departments.values().forEach(d -> d.dataElements().forEach(e -> elements.put(e.id(), e)));
    }

    private static URL url(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), "missing " + file.toAbsolutePath().normalize());
        return file.toUri().toURL();
    }

    private record Plan(FlowChart chart, UnifiedForm form, RedundancyReport report) {
        /** @return the matters of each step, as "department/matter", step by step */
        List<Set<String>> steps() {
            return chart.steps().stream().map(s -> s.blocks().stream().map(b -> b.matter().toString())
                    .collect(Collectors.toSet())).toList();
        }

        int step(String matter) {
            return chart.blocks().stream().filter(b -> b.matter().toString().equals(matter)).mapToInt(Block::step)
                    .findFirst().orElseThrow(() -> new AssertionError(matter + " is not in " + chart.group()));
        }

        Set<String> fields() {
            return form.fields().stream().map(UnifiedForm.Field::element).collect(Collectors.toSet());
        }

        UnifiedForm.Field field(String element) {
            return form.fields().stream().filter(f -> f.element().equals(element)).findFirst()
                    .orElseThrow(() -> new AssertionError(element + " is not on the form of " + chart.group()));
        }

        Set<String> departments() {
            return chart.blocks().stream().map(Block::department).collect(Collectors.toSet());
        }
    }

    private static Plan plan(String group) {
        FunctionGroup g = groups.get(group);
        assertTrue(g != null, "no group " + group);
        FlowChart chart = Planner.chart(g, departments);
        UnifiedForm form = Planner.form(chart, elements, Map.of());
        return new Plan(chart, form, Planner.report(chart, departments, form));
    }

    private static Matter matter(String reference) {
        MatterKey key = MatterKey.parse(reference, null);
        return departments.get(key.department()).matters().stream().filter(m -> m.id().equals(key.matter()))
                .findFirst().orElseThrow();
    }

    @Test
    void everyDefinitionIsClear() {
        assertEquals(List.of(), DefinitionChecker.checkDictionary(dictionary));
        DefinitionChecker checker = new DefinitionChecker(dictionary);
        List<DepartmentDefinition> accepted = new ArrayList<>();
        // predecessors first: a reference to a department not yet accepted is not checked, so check them all twice
        for (DepartmentDefinition d : departments.values()) {
            accepted.add(d);
        }
        for (DepartmentDefinition d : departments.values()) {
            List<DepartmentDefinition> others = accepted.stream().filter(o -> !o.id().equals(d.id())).toList();
            assertEquals(List.of(), checker.check(d, others), "department " + d.id());
        }
        Map<String, String> owner = new HashMap<>();
        dictionary.forEach(e -> owner.put(e.id(), "dictionary"));
        for (DepartmentDefinition d : departments.values()) {
            for (DataElement e : d.dataElements()) {
                String before = owner.put(e.id(), d.id());
                assertEquals(null, before, "data element " + e.id() + " of " + d.id() + " is defined once only");
            }
        }
        for (FunctionGroup g : groups.values()) {
            assertEquals(List.of(), DefinitionChecker.check(g), g.id());
            assertEquals(List.of(), DefinitionChecker.missing(g, departments), g.id());
        }
        assertEquals(Set.of("aic", "zgc", "psb", "qts", "ltax", "ntax", "stats", "lss", "commerce", "safe"),
                departments.keySet());
    }

    private static final List<String> SHARED_AFTER_LICENCE = List.of("psb/seal-engraving", "qts/organization-code",
            "ltax/tax-registration", "ntax/tax-registration", "stats/statistical-registration",
            "lss/social-insurance-registration");

    /** Facts every variant shares: nothing asked twice, no issued certificate asked of the applicant, figures add up. */
    @Test
    void noVariantAsksAnythingTwice() {
        assertEquals(10, groups.size(), groups.keySet()::toString);
        for (String id : groups.keySet()) {
            Plan p = plan(id);
            List<String> fields = p.form().fields().stream().map(UnifiedForm.Field::element).toList();
            assertEquals(fields.size(), new HashSet<>(fields).size(), id + ": a datum asked twice: " + fields);
            assertEquals(fields.size(), p.report().itemsAfter() + p.report().itemsFromSteps(), id);
            assertTrue(p.report().itemsAfter() < p.report().itemsBefore(), id);
            assertTrue(p.report().sectionsAfter() < p.report().formsBefore() || id.startsWith("individual"), id);
            // every output the group needs comes from a step, not from the applicant
            Set<String> produced = p.chart().blocks().stream().flatMap(b -> b.outputs().stream()).collect(Collectors.toSet());
            p.form().fields().stream().filter(f -> produced.contains(f.element())).forEach(f -> assertEquals(
                    UnifiedForm.Source.STEP_OUTPUT, f.source(), id + ": " + f.element() + " is typed by the applicant"));
            // the materials a step issues are not asked of the applicant; what is left is what the applicant hands in
            Set<String> issued = new HashSet<>();
            groups.get(id).matters().forEach(m -> matter(m).certificates().forEach(c -> issued.add(c.id())));
            for (String m : groups.get(id).matters()) {
                if (m.startsWith("aic/") && m.endsWith("licence")) {
                    assertTrue(matter(m).certificates().stream().map(Material::id).anyMatch("business-licence-copy"::equals),
                            m + " issues the business licence the later matters ask for");
                    assertEquals(List.of("business-registration-number", "establishment-date"), matter(m).outputs(), m);
                }
                for (Material needed : matter(m).materials()) {
                    if (needed.id().equals("business-licence-copy") || needed.id().equals("organization-code-certificate-copy")
                            || needed.id().equals("fie-approval-certificate") || needed.id().equals("name-preapproval-notice")) {
                        assertTrue(issued.contains(needed.id()), id + ": " + m + " needs " + needed.id()
                                + ", which no matter of the group issues");
                    }
                }
            }
            // the shared matters are the same matters, not copies
            if (!id.startsWith("individual")) {
                assertTrue(groups.get(id).matters().containsAll(SHARED_AFTER_LICENCE), id);
            }
        }
    }

    @Test
    void domesticLimitedLiabilityCompanyWithAndWithoutHighTech() {
        Plan ht = plan("enterprise-establishment");
        assertEquals(2, ht.chart().version(), "its matters changed (investors, national tax without the high-tech certificate)");
        assertEquals(List.of(Set.of("aic/name-preapproval"), Set.of("aic/business-licence"),
                Set.of("zgc/high-tech-qualification", "psb/seal-engraving"), Set.of("qts/organization-code"),
                Set.of("ltax/tax-registration", "ntax/tax-registration", "stats/statistical-registration",
                        "lss/social-insurance-registration")), ht.steps(), "the seeds' nine blocks in five steps");
        assertEquals(8, ht.departments().size());
        assertEquals(18, ht.chart().promisedDays());
        assertEquals(List.of(20, 278, 9, 75, 4), figures(ht.report()));

        Plan plain = plan("llc-establishment");
        assertEquals(8, plain.chart().blocks().size());
        assertFalse(plain.departments().contains("zgc"));
        assertEquals(List.of(Set.of("aic/name-preapproval"), Set.of("aic/business-licence"), Set.of("psb/seal-engraving"),
                Set.of("qts/organization-code"), Set.of("ltax/tax-registration", "ntax/tax-registration",
                        "stats/statistical-registration", "lss/social-insurance-registration")), plain.steps());
        assertEquals(List.of(18, 249, 8, 67, 4), figures(plain.report()));
        for (String zgcOnly : List.of("high-tech-field", "core-technology", "rd-staff-count", "high-tech-certificate-number")) {
            assertTrue(ht.fields().contains(zgcOnly) || zgcOnly.equals("high-tech-certificate-number"), zgcOnly);
            assertFalse(plain.fields().contains(zgcOnly), "asked without the high-tech qualification: " + zgcOnly);
        }
        assertTrue(plain.fields().contains("investors"));
        assertEquals(UnifiedForm.Source.STEP_OUTPUT, plain.field("organization-code").source());
        assertEquals("qts/organization-code", plain.field("organization-code").producedBy().toString());
    }

    @Test
    void jointStockCompanyWithAndWithoutHighTech() {
        Plan ht = plan("high-tech-joint-stock-establishment");
        Plan plain = plan("joint-stock-establishment");
        assertEquals(2, ht.step("aic/joint-stock-company-licence"));
        assertEquals(3, ht.step("zgc/high-tech-qualification"), "follows the JSC licence by data flow: "
                + "its declared predecessor aic/business-licence is not in the group");
        assertTrue(ht.chart().blocks().stream().filter(b -> b.matter().toString().equals("zgc/high-tech-qualification"))
                .findFirst().orElseThrow().dependsOn().contains(MatterKey.parse("aic/joint-stock-company-licence", null)));
        assertEquals(3, plain.step("psb/seal-engraving"));
        assertFalse(plain.departments().contains("zgc"));
        assertFalse(ht.chart().blocks().stream().anyMatch(b -> b.matter().toString().equals("aic/business-licence")));
        assertTrue(plain.fields().containsAll(List.of("establishment-method", "founding-meeting-date", "company-officers")));
        assertEquals(List.of(20, 280, 9, 77, 4), figures(ht.report()));
        assertEquals(List.of(18, 251, 8, 69, 4), figures(plain.report()));
    }

    @Test
    void soleProprietorshipAndPartnershipHaveNoHighTechAndNoCompanyData() {
        for (String id : List.of("sole-proprietorship-establishment", "partnership-establishment")) {
            Plan p = plan(id);
            assertFalse(p.departments().contains("zgc"), id + " has no zgc matter");
            assertEquals(5, p.chart().steps().size(), id);
            assertEquals(Set.of("aic/name-preapproval"), p.steps().get(0), id);
            assertEquals(Set.of("qts/organization-code"), p.steps().get(3), id);
            for (String company : List.of("shareholders", "company-officers", "paid-in-capital", "articles-of-association-date",
                    "legal-representative-office", "high-tech-field")) {
                assertFalse(p.fields().contains(company), id + " asks " + company);
            }
            assertTrue(p.fields().contains("investors"), id);
        }
        assertTrue(plan("sole-proprietorship-establishment").fields().contains("proprietor-contribution-mode"));
        assertFalse(plan("sole-proprietorship-establishment").fields().contains("executive-partners"));
        assertTrue(plan("partnership-establishment").fields().containsAll(List.of("executive-partners",
                "partner-contribution-valuation", "partnership-agreement-date")));
        assertEquals(List.of(16, 237, 8, 63, 4), figures(plan("sole-proprietorship-establishment").report()));
        assertEquals(List.of(16, 240, 8, 65, 4), figures(plan("partnership-establishment").report()));
    }

    @Test
    void individualBusinessIsTheOperatorsLicenceAndTaxOnly() {
        FunctionGroup g = groups.get("individual-business-establishment");
        assertEquals(Set.of(ApplicantType.INDIVIDUAL), g.applicantTypes());
        Plan p = plan(g.id());
        assertEquals(List.of(Set.of("aic/individual-business-licence"),
                Set.of("ltax/individual-tax-registration", "ntax/individual-tax-registration")), p.steps());
        assertEquals(Set.of("aic", "ltax", "ntax"), p.departments());
        for (String absent : List.of("organization-code", "investors", "legal-representative-name", "name-preapproval-number",
                "statistics-officer-name", "seal-set")) {
            assertFalse(p.fields().contains(absent), absent);
        }
        assertTrue(p.fields().containsAll(List.of("operator-name", "operator-id-number", "family-business")));
        assertEquals(UnifiedForm.Source.STEP_OUTPUT, p.field("business-registration-number").source());
        assertEquals(List.of(3, 39, 3, 17, 2), figures(p.report()));
    }

    @Test
    void branchHasItsParentAndNoHighTechOrNamePreapproval() {
        Plan p = plan("branch-establishment");
        assertEquals(List.of(Set.of("aic/branch-licence"), Set.of("psb/seal-engraving"), Set.of("qts/organization-code"),
                Set.of("ltax/tax-registration", "ntax/tax-registration", "stats/statistical-registration",
                        "lss/social-insurance-registration")), p.steps());
        assertFalse(p.departments().contains("zgc"), "a branch is no legal person: no high-tech qualification of its own");
        assertEquals("aic/branch-licence", p.form().sections().get(0).matter().toString());
        Set<String> first = p.form().sections().get(0).fields().stream().map(UnifiedForm.Field::element)
                .collect(Collectors.toSet());
        assertTrue(first.containsAll(List.of("parent-company-name", "parent-company-registration-number",
                "parent-company-address")), first::toString);
        assertFalse(p.fields().contains("name-preapproval-number"));
        assertEquals(List.of(14, 221, 7, 61, 3), figures(p.report()));
    }

    @Test
    void foreignInvestedEnterpriseIsApprovedBeforeAndRegistersForeignExchangeAfter() {
        for (String id : List.of("high-tech-fie-establishment", "fie-establishment")) {
            Plan p = plan(id);
            assertTrue(p.step("aic/name-preapproval") < p.step("commerce/fie-establishment-approval"), id);
            assertTrue(p.step("commerce/fie-establishment-approval") < p.step("aic/fie-business-licence"), id);
            assertTrue(p.step("aic/fie-business-licence") < p.step("safe/foreign-exchange-registration"), id);
            assertTrue(p.step("qts/organization-code") < p.step("safe/foreign-exchange-registration"), id);
            assertEquals(UnifiedForm.Source.STEP_OUTPUT, p.field("fie-approval-certificate-number").source(), id);
            assertEquals("commerce/fie-establishment-approval", p.field("fie-approval-certificate-number").producedBy()
                    .toString(), id);
            assertEquals(List.of(MatterKey.parse("aic/fie-business-licence", null),
                    MatterKey.parse("safe/foreign-exchange-registration", null)),
                    p.field("fie-approval-certificate-number").usedBy(), id);
            assertTrue(p.fields().containsAll(List.of("foreign-investors", "total-investment", "foreign-capital-currency")), id);
            assertEquals(6, p.chart().steps().size(), id);
            assertEquals(38, p.chart().promisedDays(), id + ": 3 + 20 + 5 + 3 + 2 + 5");
            assertFalse(p.fields().contains("business-licence"), id);
        }
        assertTrue(plan("high-tech-fie-establishment").departments().containsAll(List.of("commerce", "safe", "zgc")));
        assertEquals(10, plan("high-tech-fie-establishment").departments().size());
        assertFalse(plan("fie-establishment").departments().contains("zgc"));
        assertEquals(List.of(22, 314, 11, 80, 5), figures(plan("high-tech-fie-establishment").report()));
        assertEquals(List.of(20, 285, 10, 72, 5), figures(plan("fie-establishment").report()));
    }

    @Test
    void theEnterpriseTypeOffersEveryVariant() {
        DataElement type = elements.get("enterprise-type");
        for (String option : List.of("有限责任公司（自然人投资或控股）", "股份有限公司（非上市）", "个人独资企业", "合伙企业", "个体工商户",
                "有限责任公司分公司", "有限责任公司（中外合资）", "有限责任公司（外商独资）")) {
            assertTrue(type.validation().options().contains(option), option);
        }
    }

    /** @return forms and items before, sections and typed items after, items from steps */
    private static List<Integer> figures(RedundancyReport r) {
        return List.of(r.formsBefore(), r.itemsBefore(), r.sectionsAfter(), r.itemsAfter(), r.itemsFromSteps());
    }
}
