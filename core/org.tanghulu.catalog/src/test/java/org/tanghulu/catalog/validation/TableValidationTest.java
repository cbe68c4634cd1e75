package org.tanghulu.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Validation;

/** TABLE values: their form ({@link TableValue}) and their checks by row and cell ({@link FieldValidator}). */
class TableValidationTest {

    private static final LocalizedText HELP = new LocalizedText("说明", "help");
    private static final DataElement NAME = new DataElement("name", DataType.TEXT, new LocalizedText("姓名", "Name"), HELP,
            new Validation(true, null, 50, null, null, null, null));
    private static final DataElement ID = new DataElement("id-number", DataType.ID_NUMBER,
            new LocalizedText("身份证号码", "ID number"), HELP, null);
    private static final DataElement AMOUNT = new DataElement("amount", DataType.DECIMAL,
            new LocalizedText("认缴出资额", "Subscribed amount"), HELP,
            new Validation(true, null, null, null, new BigDecimal("0.01"), null, null));
    private static final DataElement FORM = new DataElement("form", DataType.CHOICE, new LocalizedText("出资方式", "Form"),
            HELP, new Validation(true, null, null, null, null, null, List.of("货币", "实物"),
                    Map.of("货币", new LocalizedText("货币", "Cash"))));
    private static final DataElement INVESTORS = new DataElement("investors", DataType.TABLE,
            new LocalizedText("投资人", "Investors"), HELP, Validation.table(true, List.of(NAME, ID, AMOUNT, FORM), null, 3));

    private static List<FieldProblem> problems(String value) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("investors", value);
        return FieldValidator.validate(List.of(INVESTORS), values);
    }

    private static String row(String name, String id, String amount, String form) {
        return "{\"name\":\"" + name + "\",\"id-number\":\"" + id + "\",\"amount\":\"" + amount + "\",\"form\":\"" + form + "\"}";
    }

    @Test
    void wellFilledRowsAreFine() {
        assertEquals(List.of(), problems("[" + row("张明", "110108197809151545", "600000", "货币") + ","
                + row("李娜", "", "400000", "实物") + "]"));
    }

    @Test
    void eachBadCellIsNamedByRowAndColumnAndReportedAtItsCell() {
        List<FieldProblem> p = problems("[" + row("张明", "110108197809151545", "600000", "货币") + ","
                + row("", "110108197809151546", "六十万", "股票") + "]");
        assertEquals(List.of("investors[1].name", "investors[1].id-number", "investors[1].amount", "investors[1].form"),
                p.stream().map(FieldProblem::field).toList());
        assertEquals("请填写第2行“姓名”。", p.get(0).message().zh());
        assertTrue(p.get(1).message().zh().startsWith("第2行“身份证号码”的校验位不正确"), p.get(1).message().zh());
        assertTrue(p.get(1).message().en().contains("Row 2, \"ID number\""), p.get(1).message().en());
        assertTrue(p.get(2).message().zh().startsWith("第2行“认缴出资额”只能填数字"), p.get(2).message().zh());
        assertTrue(p.get(2).message().en().startsWith("Row 2, \"Subscribed amount\" must be a number"), p.get(2).message().en());
        assertTrue(p.get(3).message().en().contains("Cash"), "options in English: " + p.get(3).message().en());
    }

    @Test
    void aControlCharacterInACellNamesTheRow() {
        List<FieldProblem> p = problems("[" + row("张\\u0007明", "", "1", "货币") + "]");
        assertEquals("investors[0].name", p.get(0).field());
        assertTrue(p.get(0).message().zh().startsWith("第1行“姓名”的第2个字符是不可见的控制字符"), p.get(0).message().zh());
    }

    @Test
    void rowsAreCountedAndBlankRowsIgnored() {
        assertEquals("请填写“投资人”，至少1行。", problems("").get(0).message().zh());
        assertEquals("investors", problems("[{\"name\":\"\"}]").get(0).field(), "a blank row is no row");
        String four = "[" + String.join(",", java.util.Collections.nCopies(4, row("张明", "", "1", "货币"))) + "]";
        List<FieldProblem> p = problems(four);
        assertEquals("investors", p.get(0).field());
        assertEquals("“投资人”最多填3行，现在有4行。", p.get(0).message().zh());
        DataElement atLeastTwo = new DataElement("investors", DataType.TABLE, INVESTORS.label(), HELP,
                Validation.table(false, List.of(NAME), 2, null));
        assertEquals("Investors needs at least 2 rows; it has 1.".replace("Investors", "\"Investors\""),
                FieldValidator.validate(List.of(atLeastTwo), Map.of("investors", "[{\"name\":\"张明\"}]")).get(0).message().en());
        assertEquals(List.of(), FieldValidator.validate(List.of(new DataElement("investors", DataType.TABLE, INVESTORS.label(),
                HELP, Validation.table(false, List.of(NAME), null, null))), Map.of()), "an optional table may be empty");
    }

    @Test
    void aMalformedValueIsAClearMessageNotAnException() {
        for (String bad : List.of("张明；110108197809151545", "{\"name\":\"张明\"}", "[1,2]", "[{\"name\":{\"x\":1}}]", "[{")) {
            List<FieldProblem> p = problems(bad);
            assertEquals(1, p.size(), bad);
            assertEquals("investors", p.get(0).field());
            assertEquals("“投资人”的格式不正确，应为逐行填写的表格，请重新填写。", p.get(0).message().zh(), bad);
        }
    }

    @Test
    void valuesAreWrittenCompactlyInColumnOrderWithoutBlankRows() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("amount", " 600000 ");
        row.put("name", "张明");
        String written = TableValue.write(List.of(NAME, ID, AMOUNT), List.of(row, Map.of("name", " ")));
        assertEquals("[{\"name\":\"张明\",\"id-number\":\"\",\"amount\":\"600000\"}]", written);
        assertEquals(List.of(Map.of("name", "张明", "id-number", "", "amount", "600000")), TableValue.rows(written));
        assertEquals("", TableValue.write(List.of(NAME), List.of(Map.of())));
        assertEquals("[{}]", TableValue.write(List.of(Map.of()), true), "a form's new row is kept");
        assertEquals(List.of(Map.of("n", "5", "b", "true", "z", "")), TableValue.rows("[{\"n\":5,\"b\":true,\"z\":null}]"));
        assertThrows(IllegalArgumentException.class, () -> TableValue.rows("[\"a\"]"));
        assertNull(TableValue.rowsOrNull("nope"));
        assertEquals("investors[1].amount", TableValue.cellField("investors", 1, "amount"));
    }
}
