package org.tanghulu.desk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import org.tanghulu.web.Texts;

class FourTablesTest {

    private static LocalizedText text(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    private static final Material NOTICE = new Material("name-notice", text("名称核准通知书", "Name notice"));
    private static final Material FORM = new Material("application", text("申请书", "Application"));

    /** aic: name (3 of 10 days) gives the number and the notice that licence (declared after it) needs; tax needs the licence's data only. */
    private static final Map<String, DepartmentDefinition> DEPARTMENTS = Map.of(
            "aic", new DepartmentDefinition("aic", text("工商局", "AIC"), List.of(), List.of(
                    new Matter("name", text("名称预先核准", "Name pre-approval"), List.of("《公司法》", "《登记条例》"),
                            Set.of(ApplicantType.ENTERPRISE, ApplicantType.INDIVIDUAL), List.of(FORM), List.of(),
                            List.of("name-number"), List.of(NOTICE), List.of(), 10, 3),
                    new Matter("licence", text("营业执照", "Business licence"), List.of("《公司法》"),
                            Set.of(ApplicantType.ENTERPRISE), List.of(FORM, NOTICE),
                            List.of(new LegacyForm("f1", text("表", "Form"), List.of("name-number"))),
                            List.of("licence-number"), List.of(), List.of("name"), 15, 5))),
            "tax", new DepartmentDefinition("tax", text("税务局", "Tax"), List.of(), List.of(
                    new Matter("registration", text("税务登记", "Tax registration"), List.of("《税收征管法》"),
                            Set.of(ApplicantType.ENTERPRISE), List.of(FORM),
                            List.of(new LegacyForm("f2", text("表", "Form"), List.of("licence-number"))),
                            List.of(), List.of(), List.of(), 30, 5))));

    private static final FunctionGroup GROUP = new FunctionGroup("setup", 1, text("企业设立", "Set up"), text("", ""),
            Set.of(ApplicantType.ENTERPRISE), List.of("aic/name", "aic/licence", "tax/registration"));

    private static final Map<String, DataElement> ELEMENTS = new HashMap<>(Map.of(
            "name-number", new DataElement("name-number", DataType.TEXT, text("名称核准文号", "Name number"), null, null)));

    private static FourTables tables(Locale locale) {
        return new FourTables(DEPARTMENTS, List.of(GROUP), ELEMENTS,
                Texts.of(locale, FourTablesTest.class.getClassLoader(), "org.tanghulu.desk.messages"));
    }

    private static final FourTables.Scope AIC = new FourTables.Scope(false, "aic");
    private static final FourTables.Scope TAX = new FourTables.Scope(false, "tax");
    private static final FourTables.Scope SETUP = new FourTables.Scope(true, "setup");

    @Test
    void applicantTypesMarkEachMattersTypes() {
        FourTables.Table t = tables(Locale.CHINESE).table(FourTables.Kind.APPLICANT_TYPES, AIC);
        assertEquals(List.of("部门", "事项编码", "事项名称", "个人", "企业", "社会组织", "事业单位"), t.columns());
        assertEquals(List.of("工商局", "aic/name", "名称预先核准", "✓", "✓", "", ""), t.rows().get(0));
        assertEquals(List.of("工商局", "aic/licence", "营业执照", "", "✓", "", ""), t.rows().get(1));
        assertEquals("对外办理业务事项申办主体分类表", t.title());
    }

    @Test
    void matterScopeHasLegalBasisMaterialsCertificatesAndDays() {
        FourTables.Table t = tables(Locale.CHINESE).table(FourTables.Kind.MATTER_SCOPE, AIC);
        assertEquals(List.of("工商局", "aic/name", "名称预先核准", "《公司法》；《登记条例》", "申请书", "名称核准通知书",
                "名称核准文号", 10, 3), t.rows().get(0));
        assertEquals("申请书；名称核准通知书", t.rows().get(1).get(4));
        assertEquals("licence-number", t.rows().get(1).get(6), "an element without a definition shows as its id");
        FourTables.Table english = tables(Locale.ENGLISH).table(FourTables.Kind.MATTER_SCOPE, AIC);
        assertEquals("Application; Name notice", english.rows().get(1).get(4));
        assertEquals("Promised limit (working days)", english.columns().get(8));
    }

    @Test
    void collaborationSaysWhoWaitsForWhomWithWhatAndWhere() {
        FourTables.Table aic = tables(Locale.CHINESE).table(FourTables.Kind.COLLABORATION, AIC);
        assertEquals(2, aic.rows().size(), aic.rows().toString());
        assertEquals(List.of("工商局", "aic/licence", "营业执照", "税务局", "tax/registration", "税务登记", "licence-number",
                "", "需要其产生的数据", "企业设立"), aic.rows().get(0));
        assertEquals(List.of("工商局", "aic/name", "名称预先核准", "工商局", "aic/licence", "营业执照", "名称核准文号",
                "名称核准通知书", "定义的前置事项；需要其产生的数据", "企业设立"), aic.rows().get(1));
        FourTables.Table tax = tables(Locale.CHINESE).table(FourTables.Kind.COLLABORATION, TAX);
        assertEquals(1, tax.rows().size(), "only the links that touch the department");
        assertEquals(aic.rows().get(0), tax.rows().get(0));
        assertEquals(2, tables(Locale.CHINESE).table(FourTables.Kind.COLLABORATION, SETUP).rows().size());
    }

    @Test
    void processSummaryHasTheStepsAndTheTotals() {
        FourTables.Table t = tables(Locale.CHINESE).table(FourTables.Kind.PROCESS, SETUP);
        assertEquals(4, t.rows().size(), "three matters and the total");
        assertEquals(List.of("企业设立", 1, "工商局", "aic/name", "名称预先核准", "", 10, 3, "✓"), t.rows().get(0));
        assertEquals(List.of("企业设立", 3, "税务局", "tax/registration", "税务登记", "营业执照", 30, 5, "✓"), t.rows().get(2));
        assertEquals(List.of("企业设立", "合计", "", "", "全流程（按关键路径，并联办理）", "", 55, 13,
                "逐个办理需承诺 13 个、法定 55 个工作日"), t.rows().get(3));
        assertEquals(t.rows(), tables(Locale.CHINESE).table(FourTables.Kind.PROCESS, TAX).rows(),
                "a department sees the groups its matters are in");
    }

    @Test
    void aGroupWithAMissingDepartmentHasNoStepsButTheRestStays() {
        Map<String, DepartmentDefinition> aicOnly = Map.of("aic", DEPARTMENTS.get("aic"));
        FourTables t = new FourTables(aicOnly, List.of(GROUP), ELEMENTS,
                Texts.of(Locale.CHINESE, getClass().getClassLoader(), "org.tanghulu.desk.messages"));
        assertEquals(List.of(), t.table(FourTables.Kind.PROCESS, SETUP).rows());
        assertEquals(2, t.table(FourTables.Kind.MATTER_SCOPE, SETUP).rows().size());
        assertEquals(1, t.table(FourTables.Kind.COLLABORATION, AIC).rows().size(), "the declared predecessor");
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkAndQuotesWhatNeedsIt() throws Exception {
        FourTables.Table t = tables(Locale.CHINESE).table(FourTables.Kind.MATTER_SCOPE, AIC);
        byte[] csv = TablePages.csv(t);
        assertEquals(0xEF, csv[0] & 0xFF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.EXCEL.parse(new java.io.StringReader(text)).getRecords();
        assertEquals(3, records.size());
        assertEquals("aic/name", records.get(1).get(1));
        assertEquals("3", records.get(1).get(8));
        assertTrue(text.contains("\r\n"));
    }

    @Test
    void xlsxHasOneSheetWithTheHeadingsAndNumbers() throws Exception {
        FourTables.Table t = tables(Locale.CHINESE).table(FourTables.Kind.MATTER_SCOPE, AIC);
        // read by its central directory, as spreadsheet programs do (the entries are streamed with data descriptors)
        java.nio.file.Path file = java.nio.file.Files.createTempFile("four-tables", ".xlsx");
        java.nio.file.Files.write(file, TablePages.xlsx(t));
        Map<String, org.w3c.dom.Document> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith(".xml")) {
                    parts.put(e.getName(), javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                            .parse(zip.getInputStream(e)));
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertEquals("对外办理业务事项范围分类表", ((org.w3c.dom.Element) parts.get("xl/workbook.xml")
                .getElementsByTagName("sheet").item(0)).getAttribute("name"));
        List<String> shared = new java.util.ArrayList<>();
        var si = parts.get("xl/sharedStrings.xml").getElementsByTagName("si");
        for (int i = 0; i < si.getLength(); i++) {
            shared.add(si.item(i).getTextContent());
        }
        Map<String, String> cells = new HashMap<>();
        Map<String, String> numbers = new HashMap<>();
        var c = parts.get("xl/worksheets/sheet1.xml").getElementsByTagName("c");
        for (int i = 0; i < c.getLength(); i++) {
            org.w3c.dom.Element cell = (org.w3c.dom.Element) c.item(i);
            String value = cell.getElementsByTagName("v").item(0).getTextContent();
            cells.put(cell.getAttribute("r"), "s".equals(cell.getAttribute("t")) ? shared.get(Integer.parseInt(value)) : value);
            if (cell.getAttribute("t").isEmpty() || "n".equals(cell.getAttribute("t"))) {
                numbers.put(cell.getAttribute("r"), "n" + value);
            }
        }
        assertEquals("承诺时限（工作日）", cells.get("I1"));
        assertEquals("名称预先核准", cells.get("C2"));
        assertEquals("3", cells.get("I2"));
        assertEquals("n3", numbers.get("I2"), "days are numbers");
    }

    @Test
    void downloadsAreNamedInBothWays() {
        assertEquals("attachment; filename=\"aic-four-tables-matter-scope.xlsx\"; "
                + "filename*=UTF-8''aic-%E5%9B%9B%E8%A1%A8-matter-scope.xlsx", TablePages.disposition("aic-四表-matter-scope.xlsx"));
    }
}
