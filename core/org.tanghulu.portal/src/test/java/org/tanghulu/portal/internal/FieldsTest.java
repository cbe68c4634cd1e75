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
}
