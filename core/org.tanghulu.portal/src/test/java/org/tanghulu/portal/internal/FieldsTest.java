package org.tanghulu.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.Validation;

class FieldsTest {

    private static Validation pattern(String pattern) {
        return new Validation(true, null, null, pattern, null, null, null);
    }

    @Test
    void codesGetTheirLengthFromThePatternAndDigitsANumericKeyboard() {
        assertEquals(Map.of("maxlength", "6", "inputmode", "numeric", "pattern", "[0-9]{6}"),
                Fields.attributes(DataType.TEXT, pattern("[0-9]{6}")));
        assertEquals(Map.of("maxlength", "5", "pattern", "[A-T]?[0-9]{4}"),
                Fields.attributes(DataType.TEXT, pattern("[A-T]?[0-9]{4}")));
        assertEquals("32", Fields.attributes(DataType.TEXT, pattern("[0-9]{8,32}")).get("maxlength"));
        assertEquals("15", Fields.attributes(DataType.TEXT, pattern("\\d{15}")).get("maxlength"));
        assertEquals("numeric", Fields.attributes(DataType.TEXT, pattern("\\d{15}")).get("inputmode"));
        assertNull(Fields.maxLength(DataType.TEXT, pattern("(https?://)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(/\\S*)?")));
        assertEquals(18, Fields.maxLength(DataType.ID_NUMBER, null));
        assertEquals(60, Fields.maxLength(DataType.TEXT, new Validation(true, null, 60, null, null, null, null)));
    }

    @Test
    void personsAreTheirPrefixWithTheContactPhoneTheContactPersons() {
        assertEquals("legal-representative:name", Fields.person("legal-representative-name"));
        assertEquals("legal-representative:id-number", Fields.person("legal-representative-id-number"));
        assertEquals("contact-person:phone", Fields.person("contact-phone"));
        assertNull(Fields.person("enterprise-name"));
        assertNull(Fields.person("enterprise-phone"));
        assertNull(Fields.person("postal-code"));
    }

    @Test
    void postedCellsAreFoldedIntoTheTablesValueRowsInOrder() {
        Map<String, String> posted = new java.util.LinkedHashMap<>();
        posted.put("enterprise-name", "星河");
        posted.put("investors.10.name", "李娜");
        posted.put("investors.10.amount", "400000");
        posted.put("investors.2.name", "张明");
        posted.put("investors.2.amount", "600000");
        posted.put("investors.3.name", " ");
        posted.put("investors.3.amount", "");
        Map<String, String> values = Fields.compose(posted, false);
        assertEquals(java.util.List.of("enterprise-name", "investors"), java.util.List.copyOf(values.keySet()));
        assertEquals("[{\"name\":\"张明\",\"amount\":\"600000\"},{\"name\":\"李娜\",\"amount\":\"400000\"}]",
                values.get("investors"));
        assertEquals(3, org.tanghulu.catalog.validation.TableValue.rows(Fields.compose(posted, true).get("investors")).size(),
                "adding or removing a row keeps the blank ones");
        assertEquals("", Fields.compose(Map.of("investors.0.name", ""), false).get("investors"), "no rows, no value");
    }

    @Test
    void rowsAreAddedAndRemovedAndCellsAnchored() {
        String two = "[{\"name\":\"张明\"},{\"name\":\"李娜\"}]";
        assertEquals("[{\"name\":\"张明\"},{\"name\":\"李娜\"},{\"name\":\"\"}]", Fields.changeRows(two, true, -1));
        assertEquals("[{\"name\":\"李娜\"}]", Fields.changeRows(two, false, 0));
        assertEquals(two, Fields.changeRows(two, false, 5));
        assertEquals("[{},{}]", Fields.changeRows("", true, -1), "the form shows one blank row; one more makes two");
        assertEquals("not json", Fields.changeRows("not json", true, -1));
        assertEquals("f-investors-1-amount", Fields.anchor("investors[1].amount"));
        assertEquals("f-enterprise-name", Fields.anchor("enterprise-name"));
    }
}
