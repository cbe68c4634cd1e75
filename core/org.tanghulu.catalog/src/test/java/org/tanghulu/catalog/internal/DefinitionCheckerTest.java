package org.tanghulu.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.CatalogNeed;
import org.tanghulu.api.definition.Choice;
import org.tanghulu.api.definition.Exclusion;
import org.tanghulu.api.definition.GroupExtension;
import org.tanghulu.api.definition.Question;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LegacyForm;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.Validation;

class DefinitionCheckerTest {

    private static final LocalizedText TEXT = new LocalizedText("文本", "text");
    private static final DataElement NAME = element("enterprise-name", DataType.TEXT);
    private static final DefinitionChecker CHECKER = new DefinitionChecker(List.of(NAME, element("licence-number", DataType.TEXT)));

    private static DataElement element(String id, DataType type) {
        return new DataElement(id, type, TEXT, TEXT, Validation.REQUIRED);
    }

    private static Matter matter(String id, String... predecessors) {
        return new Matter(id, TEXT, List.of("《中华人民共和国公司法》"), Set.of(ApplicantType.ENTERPRISE),
                List.of(new Material("application-form", TEXT)), form("enterprise-name"), List.of("licence-number"),
                List.of(), List.of(predecessors), 10, 5);
    }

    private static List<LegacyForm> form(String... items) {
        return List.of(new LegacyForm("application", TEXT, List.of(items)));
    }

    private static DepartmentDefinition department(String id, Matter... matters) {
        return new DepartmentDefinition(id, TEXT, List.of(), List.of(matters));
    }

    /** A clear department with one matter changed by {@code change}. */
    private static List<String> problemsOf(UnaryOperator<Matter> change) {
        return CHECKER.check(department("aic", change.apply(matter("business-licence"))), List.of());
    }

    private static void assertOneProblem(List<String> problems, String expected) {
        assertEquals(1, problems.size(), () -> "expected exactly one problem, got " + problems);
        assertTrue(problems.get(0).contains(expected), () -> "expected '" + expected + "' in " + problems);
    }

    @Test
    void clearDepartmentIsAccepted() {
        assertEquals(List.of(), CHECKER.check(department("aic", matter("name-preapproval"),
                matter("business-licence", "name-preapproval")), List.of()));
    }

    @Test
    void matterWithoutLegalBasisIsRefused() {
        assertOneProblem(problemsOf(m -> new Matter(m.id(), m.name(), List.of(), m.applicantTypes(), m.materials(),
                m.forms(), m.outputs(), m.certificates(), m.predecessors(), 10, 5)), "matter 'business-licence': no legal basis");
        assertOneProblem(problemsOf(m -> new Matter(m.id(), m.name(), List.of(" "), m.applicantTypes(), m.materials(),
                m.forms(), m.outputs(), m.certificates(), m.predecessors(), 10, 5)), "no legal basis");
    }

    private static Matter materials(Matter m, List<Material> materials, List<Material> certificates) {
        return new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(), materials, m.forms(), m.outputs(),
                certificates, m.predecessors(), m.statutoryDays(), m.promisedDays());
    }

    @Test
    void minorAndAtStepMaterialsAreCheckedForSense() {
        Material form = new Material("application-form", TEXT);
        assertEquals(List.of(), problemsOf(m -> materials(m, List.of(form, new Material("lease", TEXT, true, 10, false),
                new Material("bank-permit", TEXT, false, 0, true)), List.of())));
        assertOneProblem(problemsOf(m -> materials(m, List.of(new Material("lease", TEXT, true, 0, false)), List.of())),
                "matter 'business-licence': material 'lease' is minor (容缺) but gives no supplyDays");
        assertOneProblem(problemsOf(m -> materials(m, List.of(new Material("lease", TEXT, true, -3, false)), List.of())),
                "no supplyDays");
        assertOneProblem(problemsOf(m -> materials(m, List.of(new Material("lease", TEXT, false, 5, false)), List.of())),
                "material 'lease' gives supplyDays but is not minor");
        assertOneProblem(problemsOf(m -> materials(m, List.of(new Material("lease", TEXT, true, 5, true)), List.of())),
                "material 'lease' is both minor");
        assertOneProblem(problemsOf(m -> materials(m, List.of(form), List.of(new Material("licence", TEXT, true, 5, false)))),
                "material 'licence' is a certificate the matter issues");
    }

    @Test
    void aCertificateIsNeverMinorAndAnIssuedMaterialNeverAtStep() {
        Matter licence = materials(matter("business-licence"), List.of(new Material("application-form", TEXT)),
                List.of(new Material("licence-original", TEXT)));
        DepartmentDefinition aic = department("aic", licence);
        Matter minor = materials(matter("tax-registration", "aic/business-licence"),
                List.of(new Material("licence-original", TEXT, true, 5, false)), List.of());
        assertOneProblem(CHECKER.check(department("ltax", minor), List.of(aic)),
                "material 'licence-original' is a certificate issued by aic/business-licence: a certificate cannot be minor");
        Matter atStep = materials(matter("tax-registration", "aic/business-licence"),
                List.of(new Material("licence-original", TEXT, false, 0, true)), List.of());
        assertOneProblem(CHECKER.check(department("ltax", atStep), List.of(aic)),
                "is atStep but issued by the earlier matter aic/business-licence");
        Matter plain = materials(matter("tax-registration", "aic/business-licence"),
                List.of(new Material("licence-original", TEXT)), List.of());
        assertEquals(List.of(), CHECKER.check(department("ltax", plain), List.of(aic)));
    }

    @Test
    void matterWithoutApplicantTypesIsRefused() {
        assertOneProblem(problemsOf(m -> new Matter(m.id(), m.name(), m.legalBasis(), null, m.materials(),
                m.forms(), m.outputs(), m.certificates(), m.predecessors(), 10, 5)), "no applicant types");
    }

    @Test
    void matterWithoutMaterialsIsRefused() {
        assertOneProblem(problemsOf(m -> new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(), List.of(),
                m.forms(), m.outputs(), m.certificates(), m.predecessors(), 10, 5)), "no required materials");
        assertOneProblem(problemsOf(m -> new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(),
                List.of(new Material("Form", null)), m.forms(), m.outputs(), m.certificates(), m.predecessors(), 10, 5)),
                "material 'Form' needs a lower-case id and a Chinese name");
    }

    @Test
    void undefinedDataElementIsRefused() {
        assertOneProblem(problemsOf(m -> new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(), m.materials(),
                form("enterprise-name", "shoe-size"), m.outputs(), m.certificates(), m.predecessors(), 10, 5)),
                "form 'application': data element 'shoe-size' is not defined");
        assertOneProblem(problemsOf(m -> new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(), m.materials(),
                m.forms(), List.of("permit-number"), m.certificates(), m.predecessors(), 10, 5)), "output 'permit-number' is not defined");
    }

    @Test
    void departmentMayDefineItsOwnElementsButNotRedefineTheDictionary() {
        Matter usesOwn = new Matter("seal", TEXT, List.of("《印章管理办法》"), Set.of(ApplicantType.ENTERPRISE),
                List.of(new Material("seal-sample", TEXT)), form("seal-shape"), List.of(), List.of(), List.of(), 3, 1);
        assertEquals(List.of(), CHECKER.check(new DepartmentDefinition("psb", TEXT,
                List.of(new DataElement("seal-shape", DataType.CHOICE, TEXT, TEXT,
                        new Validation(true, null, null, null, null, null, List.of("圆形", "椭圆形")))), List.of(usesOwn)), List.of()));
        assertOneProblem(CHECKER.check(new DepartmentDefinition("psb", TEXT, List.of(NAME), List.of(matter("m"))), List.of()),
                "data element 'enterprise-name': already defined in the shared dictionary");
    }

    @Test
    void anOptionLabelForAValueThatIsNoOptionIsRefused() {
        List<String> problems = CHECKER.check(new DepartmentDefinition("psb", TEXT, List.of(
                new DataElement("seal-shape", DataType.CHOICE, TEXT, TEXT, new Validation(true, null, null, null, null, null,
                        List.of("圆形"), java.util.Map.of("圆形", new LocalizedText("圆形", "Round"),
                                "方形", new LocalizedText("方形", "Square"))))),
                List.of(matter("m"))), List.of());
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("'seal-shape': a label for \"方形\", which is not an option"), problems::toString);
    }

    @Test
    void unclearDataElementsAreRefused() {
        List<String> problems = CHECKER.check(new DepartmentDefinition("psb", TEXT, List.of(
                new DataElement("Bad Id", DataType.TEXT, TEXT, TEXT, null),
                new DataElement("no-type", null, TEXT, TEXT, null),
                new DataElement("no-help", DataType.TEXT, TEXT, null, null),
                new DataElement("no-options", DataType.CHOICE, TEXT, TEXT, null),
                new DataElement("bad-pattern", DataType.TEXT, TEXT, TEXT, new Validation(false, null, null, "[a-", null, null, null))),
                List.of(matter("m"))), List.of());
        assertEquals(5, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("'Bad Id': id is not a lower-case id"));
        assertTrue(problems.get(1).contains("'no-type': no type given"));
        assertTrue(problems.get(2).contains("'no-help': help text is missing"));
        assertTrue(problems.get(3).contains("'no-options': a CHOICE needs options"));
        assertTrue(problems.get(4).contains("'bad-pattern': pattern is not a valid regular expression"));
    }

    @Test
    void unknownPredecessorIsRefused() {
        assertOneProblem(problemsOf(m -> matter(m.id(), "name-check")),
                "predecessor 'name-check' is not a matter of this department");
        assertOneProblem(problemsOf(m -> matter(m.id(), "a/b/c")), "is not a matter reference");
    }

    @Test
    void crossDepartmentPredecessorIsCheckedAgainstPresentDepartments() {
        DepartmentDefinition ltax = department("ltax", matter("tax-registration", "aic/business-licence"));
        assertEquals(List.of(), CHECKER.check(ltax, List.of()), "an absent department is not held against the newcomer");
        assertEquals(List.of(), CHECKER.check(ltax, List.of(department("aic", matter("business-licence")))));
        assertOneProblem(CHECKER.check(ltax, List.of(department("aic", matter("name-preapproval")))),
                "predecessor 'aic/business-licence' is unknown: department 'aic' has no such matter");
    }

    @Test
    void cycleIsRefusedWithinAndAcrossDepartments() {
        assertOneProblem(CHECKER.check(department("aic", matter("a", "c"), matter("b", "a"), matter("c", "b")), List.of()),
                "predecessors form a cycle: aic/a -> aic/c -> aic/b -> aic/a");
        DepartmentDefinition aic = department("aic", matter("licence", "ltax/tax"));
        assertOneProblem(CHECKER.check(department("ltax", matter("tax", "aic/licence")), List.of(aic)),
                "predecessors form a cycle: ltax/tax -> aic/licence -> ltax/tax");
    }

    @Test
    void timeLimitsMayBeSameDayButPromisedWithinStatutory() {
        assertOneProblem(problemsOf(m -> limits(m, 5, 10)), "promised time limit");
        assertEquals(List.of(), problemsOf(m -> limits(m, 20, 0)), "a same-day matter (即办) is clear");
        assertEquals(List.of(), problemsOf(m -> limits(m, 0, 0)), "on the spot by law too");
        List<String> negative = problemsOf(m -> limits(m, -1, -1));
        assertEquals(2, negative.size(), negative::toString);
        assertTrue(negative.get(0).contains("statutory time limit"));
    }

    private static Matter limits(Matter m, int statutory, int promised) {
        return new Matter(m.id(), m.name(), m.legalBasis(), m.applicantTypes(), m.materials(), m.forms(), m.outputs(),
                m.certificates(), m.predecessors(), statutory, promised);
    }

    @Test
    void aNeedsQuestionsAndExclusionsMustBeClear() {
        Question kind = new Question("entity-type", TEXT, null, List.of(new Choice("limited-company", TEXT, Map.of()),
                new Choice("sole-proprietorship", TEXT, Map.of())));
        assertEquals(List.of(), DefinitionChecker.check(new CatalogNeed("business-start", TEXT, null, 1, List.of(kind),
                List.of(new Exclusion(Map.of("entity-type", "sole-proprietorship"), TEXT)))));
        List<String> problems = DefinitionChecker.check(new CatalogNeed("Business", null, null, 1,
                List.of(kind, new Question("entity-type", TEXT, null, List.of(new Choice("x", TEXT, null)))),
                List.of(new Exclusion(Map.of("high-tech", "yes"), null))));
        assertEquals(6, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("id is not a lower-case id"));
        assertTrue(problems.get(1).contains("name is missing"));
        assertTrue(problems.get(2).contains("question 'entity-type': id is missing, not a lower-case id, or used twice"));
        assertTrue(problems.get(3).contains("needs at least two choices"));
        assertTrue(problems.get(4).contains("answer 'high-tech=yes', which the need does not ask"));
        assertTrue(problems.get(5).contains("reason is missing"));
    }

    @Test
    void anExtensionMustNameAGroupAndQualifiedMatters() {
        assertEquals(List.of(), DefinitionChecker.check(new GroupExtension("epb-check", 1, "enterprise-establishment",
                List.of("epb/environmental-check"))));
        List<String> problems = DefinitionChecker.check(new GroupExtension("epb-check", 0, null, List.of("check")));
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("version must be positive"));
        assertTrue(problems.get(1).contains("names no function group"));
        assertTrue(problems.get(2).contains("'check' is not a matter reference"));
    }

    @Test
    void departmentIdentityMustBeClear() {
        List<String> problems = CHECKER.check(new DepartmentDefinition("AIC", null, List.of(), List.of()), List.of());
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("department id 'AIC'"));
        assertTrue(problems.get(1).contains("department name is missing"));
        assertTrue(problems.get(2).contains("defines no matters"));
        assertOneProblem(CHECKER.check(department("aic", matter("x"), matter("x")), List.of()), "matter 'x': defined twice");
    }

    @Test
    void functionGroupsAreCheckedAndAvailableOnlyWithAllTheirDepartments() {
        FunctionGroup group = new FunctionGroup("enterprise-establishment", 1, TEXT, TEXT, Set.of(ApplicantType.ENTERPRISE),
                List.of("aic/business-licence", "ltax/tax-registration"));
        assertEquals(List.of(), DefinitionChecker.check(group));
        List<String> bad = DefinitionChecker.check(new FunctionGroup("g", 0, null, null, null, List.of("licence")));
        assertEquals(4, bad.size(), bad::toString);

        DepartmentDefinition aic = department("aic", matter("business-licence"));
        assertEquals(List.of("department 'ltax' is not installed or not active"),
                DefinitionChecker.missing(group, Map.of("aic", aic)));
        assertEquals(List.of("department 'ltax' has no matter 'tax-registration'"),
                DefinitionChecker.missing(group, Map.of("aic", aic, "ltax", department("ltax", matter("other")))));
        assertEquals(List.of(), DefinitionChecker.missing(group,
                Map.of("aic", aic, "ltax", department("ltax", matter("tax-registration")))));
    }

    @Test
    void dictionaryIsCheckedWithTheSameRules() {
        List<DataElement> dictionary = new ArrayList<>(List.of(NAME, NAME));
        assertOneProblem(DefinitionChecker.checkDictionary(dictionary), "defined twice in the dictionary");
    }

    private static List<String> dictionaryWith(DataElement table) {
        return DefinitionChecker.checkDictionary(List.of(table));
    }

    private static DataElement table(Validation v) {
        return new DataElement("investors", DataType.TABLE, TEXT, TEXT, v);
    }

    @org.junit.jupiter.api.Test
    void aTableNeedsDistinctFlatClearColumns() {
        DataElement name = element("name", DataType.TEXT);
        assertEquals(List.of(), dictionaryWith(table(Validation.table(true, List.of(name, element("id-number", DataType.ID_NUMBER)), 1, 50))));
        assertOneProblem(dictionaryWith(table(null)), "data element 'investors': a TABLE needs columns");
        assertOneProblem(dictionaryWith(table(Validation.table(true, List.of(), null, null))), "a TABLE needs columns");
        assertOneProblem(dictionaryWith(table(Validation.table(true, List.of(name, name), null, null))),
                "column 'name': defined twice in the table");
        assertOneProblem(dictionaryWith(table(Validation.table(true, List.of(name,
                table(Validation.table(true, List.of(name), null, null))), null, null))), "column 'investors': a column cannot be a TABLE");
        assertOneProblem(dictionaryWith(table(Validation.table(true, List.of(element("form", DataType.CHOICE)), null, null))),
                "column 'form': a CHOICE needs options");
        assertOneProblem(dictionaryWith(table(Validation.table(true, List.of(new DataElement("Name", DataType.TEXT, TEXT, TEXT, null)),
                null, null))), "column 'Name': id is not a lower-case id");
        assertEquals(2, dictionaryWith(table(Validation.table(true, List.of(new DataElement("name", DataType.TEXT, null, null, null)),
                null, null))).size(), "label and help of a column are required");
        assertOneProblem(dictionaryWith(table(Validation.table(true, List.of(name), 3, 2))), "minRows and maxRows");
    }
}
