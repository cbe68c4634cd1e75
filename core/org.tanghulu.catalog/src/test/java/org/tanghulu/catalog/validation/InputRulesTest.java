package org.tanghulu.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.validation.FieldValidator;

class InputRulesTest {

    private static final LocalizedText NAME = new LocalizedText("申请人名称", "Applicant's name");

    @Test
    void anEmailFieldHoldsExactlyOnePlainAddress() {
        assertTrue(InputRules.isEmail("zhang.san@example.cn"));
        assertTrue(InputRules.isEmail(" a+b@mail.example.com "));
        for (String bad : List.of("a@x.cn, victim1@y.cn, victim2@z.cn", "a@x.cn;b@y.cn", "\"Gov\" <victim@y.cn>",
                "<victim@y.cn>", "a@x.cn\r\nBcc: victim@y.cn", "a@x.cn\nb@y.cn", "a b@x.cn", "a@x", "@x.cn", "a@@x.cn",
                "张三@example.cn", "a@x.cn\u0000", "")) {
            assertFalse(InputRules.isEmail(bad), bad);
        }
    }

    @Test
    void contactsAreCheckedByTheFormRulesAndNamedByTheirFields() {
        assertEquals(List.of(), InputRules.contacts("13800138000", "a@b.cn"));
        assertEquals(List.of(), InputRules.contacts("010-62551234", null));
        assertEquals(List.of(), InputRules.contacts(" ", ""));
        List<FieldProblem> problems = InputRules.contacts("12345", "a@x.cn, b@y.cn");
        assertEquals(List.of(InputRules.CONTACT_PHONE, InputRules.CONTACT_EMAIL), problems.stream().map(FieldProblem::field).toList());
        assertTrue(problems.get(1).message().en().contains("\"Contact e-mail\" is not a valid e-mail address"),
                problems.get(1).message().en());
        assertEquals(1, InputRules.contacts("1".repeat(5000), null).size());
        assertEquals(1, InputRules.contacts(null, "a".repeat(5000) + "@x.cn").size());
    }

    @Test
    void controlCharactersAreRefusedNamingTheFieldAndPosition() {
        LocalizedText p = InputRules.text(NAME, "ACME\u001b]0;pwned\u0007 Ltd", 200, false);
        assertEquals("\"Applicant's name\" contains an invisible control character (U+001B) at character 5; please remove it.",
                p.en());
        assertTrue(p.zh().contains("“申请人名称”的第5个字符"), p.zh());
        assertTrue(InputRules.text(NAME, "a\u0000b", 200, true).en().contains("U+0000"));
        assertTrue(InputRules.text(NAME, "a\u009bb", 200, true).en().contains("U+009B"), "C1 controls too");
        assertTrue(InputRules.text(NAME, "two\nlines", 200, false).en().contains("U+000A"));
        assertNull(InputRules.text(NAME, "two\r\nlines\tand a tab", 200, true));
        assertNull(InputRules.text(NAME, "北京海淀科技有限公司 😀", 200, false));
        assertNull(InputRules.text(NAME, null, 200, false));
    }

    @Test
    void textLongerThanItsColumnIsRefusedCountingCharactersNotUnits() {
        assertNull(InputRules.text(NAME, "😀".repeat(200), 200, false));
        assertEquals("\"Applicant's name\" may have at most 200 characters; it has 201. Please shorten it by 1.",
                InputRules.text(NAME, "x".repeat(201), 200, false).en());
        assertEquals(List.of(), InputRules.text("applicantName", NAME, "ok", 200, false));
        assertEquals("applicantName", InputRules.text("applicantName", NAME, "x".repeat(201), 200, false).get(0).field());
    }

    @Test
    void everyFormValueGetsTheTextRulesAndADefaultMaximum() {
        DataElement text = new DataElement("purpose", DataType.TEXT, new LocalizedText("经营范围", "Business scope"), null, null);
        DataElement code = new DataElement("code", DataType.INTEGER, new LocalizedText("数量", "Count"), null, null);
        assertEquals(List.of(), FieldValidator.validate(List.of(text), Map.of("purpose", "line one\nline two")));
        assertEquals(1, FieldValidator.validate(List.of(code), Map.of("code", "1\n2")).size());
        assertTrue(FieldValidator.validate(List.of(text), Map.of("purpose", "x".repeat(InputRules.MAX_VALUE + 1))).get(0)
                .message().en().contains("at most " + InputRules.MAX_VALUE));
        assertTrue(FieldValidator.validate(List.of(code), Map.of("code", "9".repeat(5000))).get(0).message().en()
                .contains("at most"));
        DataElement own = new DataElement("long", DataType.TEXT, new LocalizedText("说明", "Notes"), null,
                new Validation(false, null, 5000, null, null, null, null));
        assertEquals(List.of(), FieldValidator.validate(List.of(own), Map.of("long", "x".repeat(5000))));
        assertTrue(FieldValidator.validate(List.of(text), Map.of("purpose", "a\u0000")).get(0).message().en()
                .contains("U+0000"));
    }

    @Test
    void aMobileNumberIsElevenDigitsFrom13To19() {
        assertTrue(InputRules.isMobile("13912345678"));
        assertFalse(InputRules.isMobile("12912345678"));
        assertFalse(InputRules.isMobile("+8613912345678"));
        assertFalse(InputRules.isMobile(null));
    }
}
