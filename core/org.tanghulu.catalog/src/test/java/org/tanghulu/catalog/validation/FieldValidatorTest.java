package org.tanghulu.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Validation;

class FieldValidatorTest {

    private static final LocalizedText HELP = new LocalizedText("说明", "help");

    private static DataElement element(DataType type, String zh, String en, Validation validation) {
        return new DataElement("field", type, new LocalizedText(zh, en), HELP, validation);
    }

    private static DataElement element(DataType type) {
        return element(type, "字段", "Field", Validation.REQUIRED);
    }

    private static Validation text(Integer minLength, Integer maxLength, String pattern) {
        return new Validation(true, minLength, maxLength, pattern, null, null, null);
    }

    private static Validation range(String min, String max) {
        return new Validation(true, null, null, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null);
    }

    private static LocalizedText problem(DataElement element, String value) {
        Map<String, String> values = new HashMap<>();
        values.put(element.id(), value);
        List<FieldProblem> problems = FieldValidator.validate(List.of(element), values);
        assertTrue(problems.size() <= 1, () -> "one problem per field at most: " + problems);
        return problems.isEmpty() ? null : problems.get(0).message();
    }

    private static void assertValid(DataElement element, String value) {
        LocalizedText p = problem(element, value);
        assertNull(p, () -> "\"" + value + "\" should be valid, got: " + p);
    }

    private static void assertProblem(DataElement element, String value, String zh, String en) {
        LocalizedText p = problem(element, value);
        assertEquals(new LocalizedText(zh, en), p, "problem with \"" + value + "\"");
    }

    /** Asserts the problem's Chinese text contains {@code zh} (for messages already tested in full). */
    private static void assertProblem(DataElement element, String value, String zh) {
        LocalizedText p = problem(element, value);
        assertTrue(p != null && p.zh().contains(zh), () -> "expected '" + zh + "' for \"" + value + "\", got: " + p);
    }

    // required and optional

    @Test
    void requiredValuesMustBeGiven() {
        DataElement name = element(DataType.TEXT, "企业名称", "Enterprise name", Validation.REQUIRED);
        for (String missing : new String[] {null, "", "   ", "\u3000"}) {
            assertProblem(name, missing, "请填写“企业名称”。", "Please fill in \"Enterprise name\".");
        }
    }

    @Test
    void optionalBlankValuesAreFineWhateverTheType() {
        Validation optional = new Validation(false, 5, null, "x+", BigDecimal.ONE, null, List.of("a"));
        for (DataType type : DataType.values()) {
            assertValid(element(type, "字段", "Field", optional), null);
            assertValid(element(type, "字段", "Field", optional), " ");
            assertValid(element(type, "字段", "Field", null), "");
        }
    }

    @Test
    void englishMessagesFallBackToTheChineseLabel() {
        assertProblem(element(DataType.TEXT, "邮政编码", null, Validation.REQUIRED), "",
                "请填写“邮政编码”。", "Please fill in \"邮政编码\".");
    }

    // TEXT

    @Test
    void textLengthIsCountedInCodePoints() {
        DataElement name = element(DataType.TEXT, "企业名称", "Enterprise name", text(4, 6, null));
        assertValid(name, "星河智联");
        assertValid(name, "𠀀𠀁𠀂𠀃𠀄𠀅");
        assertProblem(name, "星河", "“企业名称”至少要填4个字符，现在只有2个。", "\"Enterprise name\" needs at least 4 characters; it has 2.");
        assertProblem(name, "北京星河智联科技有限公司", "“企业名称”最多6个字符，现在有12个，请删减6个。",
                "\"Enterprise name\" may have at most 6 characters; it has 12. Please shorten it by 6.");
    }

    @Test
    void textPatternMustMatchWholly() {
        DataElement postalCode = element(DataType.TEXT, "邮政编码", "Postal code", text(null, null, "\\d{6}"));
        assertValid(postalCode, "100080");
        assertValid(postalCode, " 100080 ");
        assertProblem(postalCode, "1000801", "“邮政编码”的写法不符合要求，请按字段旁的填写说明填写。",
                "\"Postal code\" is not written the required way; please follow the help beside the field.");
        assertProblem(postalCode, "10008", "的写法不符合要求");
    }

    // INTEGER and DECIMAL

    @Test
    void integers() {
        DataElement staff = element(DataType.INTEGER, "从业人数", "Employees", range("1", "1000"));
        assertValid(staff, "1");
        assertValid(staff, "1000");
        assertValid(staff, "+12");
        assertProblem(staff, "12人", "“从业人数”只能填整数，例如“100”，不要带小数、单位或其他文字。",
                "\"Employees\" must be a whole number such as \"100\", without decimals, units or other text.");
        assertProblem(staff, "12.0", "只能填整数");
        assertProblem(staff, "１２", "只能填整数");
        assertProblem(staff, "0", "“从业人数”不能小于1。", "\"Employees\" must not be less than 1.");
        assertProblem(staff, "1001", "“从业人数”不能大于1000。", "\"Employees\" must not be more than 1000.");
    }

    @Test
    void decimals() {
        DataElement capital = element(DataType.DECIMAL, "注册资本（元）", "Registered capital (yuan)", range("0", "1E12"));
        assertValid(capital, "1000000");
        assertValid(capital, "2500.50");
        assertValid(capital, "2500.500");
        assertValid(capital, "0");
        assertProblem(capital, "-1", "“注册资本（元）”不能小于0。", "\"Registered capital (yuan)\" must not be less than 0.");
        assertProblem(capital, "1000000000001", "“注册资本（元）”不能大于1000000000000。",
                "\"Registered capital (yuan)\" must not be more than 1000000000000.");
        assertProblem(capital, "2500.505", "“注册资本（元）”最多保留两位小数。", "\"Registered capital (yuan)\" may have at most two decimal places.");
        assertProblem(capital, "1,000,000", "“注册资本（元）”只能填数字，例如“1000000”或“2500.50”，不要带单位、逗号或其他文字。",
                "\"Registered capital (yuan)\" must be a number such as \"1000000\" or \"2500.50\", without units, commas or other text.");
        for (String notANumber : new String[] {"100万", "1e6", ".5", "5.", "￥100"}) {
            assertProblem(capital, notANumber, "只能填数字");
        }
    }

    // DATE, BOOLEAN, CHOICE

    @Test
    void dates() {
        DataElement date = element(DataType.DATE, "成立日期", "Date of establishment", Validation.REQUIRED);
        assertValid(date, "2026-11-20");
        assertValid(date, "2024-02-29");
        assertProblem(date, "2026/11/20", "“成立日期”请按“年-月-日”填写，例如“2026-11-20”。",
                "\"Date of establishment\" must be a date written year-month-day, such as \"2026-11-20\".");
        assertProblem(date, "2026-1-2", "请按“年-月-日”填写");
        assertProblem(date, "2026年11月20日", "请按“年-月-日”填写");
        assertProblem(date, "2026-02-29", "“成立日期”填写的“2026-02-29”不是实际存在的日期，请核对。",
                "\"Date of establishment\": 2026-02-29 is not a real date. Please check it.");
        assertProblem(date, "2026-13-01", "不是实际存在的日期");
    }

    @Test
    void booleans() {
        DataElement b = element(DataType.BOOLEAN, "是否设立党组织", "Party organisation set up", Validation.REQUIRED);
        assertValid(b, "true");
        assertValid(b, "false");
        assertProblem(b, "yes", "“是否设立党组织”只能选择“是”或“否”。", "\"Party organisation set up\" must be answered yes or no.");
        assertProblem(b, "TRUE", "只能选择“是”或“否”");
    }

    @Test
    void choices() {
        DataElement type = element(DataType.CHOICE, "企业类型", "Enterprise type",
                new Validation(true, null, null, null, null, null, List.of("有限责任公司（自然人独资）", "其他有限责任公司")));
        assertValid(type, "其他有限责任公司");
        assertProblem(type, "股份有限公司", "“企业类型”只能从以下选项中选择：有限责任公司（自然人独资）、其他有限责任公司。",
                "\"Enterprise type\" must be one of: 有限责任公司（自然人独资）, 其他有限责任公司.");
    }

    // ID_NUMBER

    private static final DataElement ID = element(DataType.ID_NUMBER, "法定代表人身份证号码", "Legal representative's ID number",
            Validation.REQUIRED);

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "110108197809151545"})
    void validIdNumbers(String id) {
        assertValid(ID, id);
        assertTrue(FieldValidator.validIdNumber(id));
    }

    @Test
    void idNumberCheckDigit() {
        // 110108197809151545: weighted sum 282, 282 mod 11 = 7, check digit 5
        assertEquals('5', FieldValidator.idCheckDigit("110108197809151545"));
        // 11010519491231002X: weighted sum 167, 167 mod 11 = 2, check digit X
        assertEquals('X', FieldValidator.idCheckDigit("11010519491231002X"));
        assertProblem(ID, "110108197809151546", "“法定代表人身份证号码”的校验位不正确：按前17位计算应为“5”，请核对号码。",
                "The check digit of \"Legal representative's ID number\" is wrong: from the first 17 characters it should be \"5\". "
                        + "Please check the number.");
        assertProblem(ID, "110105194912310020", "按前17位计算应为“X”");
        assertFalse(FieldValidator.validIdNumber("110105194912310020"));
    }

    @Test
    void idNumberBirthDate() {
        assertProblem(ID, "110105194902300027", "“法定代表人身份证号码”第7至14位的出生日期“19490230”不是有效的日期，请核对号码。",
                "\"Legal representative's ID number\": the date of birth in characters 7 to 14, \"19490230\", is not a valid date. "
                        + "Please check the number.");
        assertProblem(ID, "110105299912310023", "出生日期“29991231”不是有效的日期");
        assertProblem(ID, "110105180012310023", "出生日期“18001231”不是有效的日期");
        assertFalse(FieldValidator.validIdNumber("110105194902300027"));
    }

    @Test
    void idNumberShape() {
        assertProblem(ID, "11010519491231002", "“法定代表人身份证号码”应为18位，现在是17位。",
                "\"Legal representative's ID number\" must have 18 characters; it has 17.");
        assertProblem(ID, "110105491231002", "应为18位，现在是15位");
        assertProblem(ID, "1101051949123100XX", "“法定代表人身份证号码”的前17位只能是数字，最后一位是数字或字母X。",
                "\"Legal representative's ID number\": the first 17 characters must be digits and the last a digit or the letter X.");
        assertProblem(ID, "11010519491231002Y", "前17位只能是数字");
        assertFalse(FieldValidator.validIdNumber(null));
        assertFalse(FieldValidator.validIdNumber(""));
    }

    // CREDIT_CODE

    private static final DataElement CREDIT = element(DataType.CREDIT_CODE, "统一社会信用代码", "Unified social credit code",
            Validation.REQUIRED);

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "914403001922038216", "91440300708461136T"})
    void validCreditCodes(String code) {
        assertValid(CREDIT, code);
        assertTrue(FieldValidator.validCreditCode(code));
        assertTrue(FieldValidator.validOrganizationCode(code.substring(8, 17)), "the organization code inside " + code);
    }

    @Test
    void creditCodeCheckCharacter() {
        // 91350100M000100Y4: weighted sum 1640, 1640 mod 31 = 28, 31 - 28 = 3
        assertEquals('3', FieldValidator.creditCheckCharacter("91350100M000100Y43"));
        assertProblem(CREDIT, "91350100M000100Y44", "“统一社会信用代码”的校验码不正确：按前17位计算应为“3”，请核对代码。",
                "The check character of \"Unified social credit code\" is wrong: from the first 17 characters it should be \"3\". "
                        + "Please check the code.");
        assertFalse(FieldValidator.validCreditCode("91350100M000100Y44"));
    }

    @Test
    void creditCodeAlphabetAndLength() {
        assertProblem(CREDIT, "91350100M000100I43", "“统一社会信用代码”中的“I”不会出现在统一社会信用代码中：代码只由数字和大写字母组成，且不使用I、O、Z、S、V。",
                "\"Unified social credit code\" contains \"I\", which never appears in a unified social credit code: "
                        + "it has only digits and capital letters other than I, O, Z, S and V.");
        assertProblem(CREDIT, "91350100m000100y43", "中的“m”不会出现在统一社会信用代码中");
        assertProblem(CREDIT, "91350100M000100Y4", "“统一社会信用代码”应为18位，现在是17位。",
                "\"Unified social credit code\" must have 18 characters; it has 17.");
        assertFalse(FieldValidator.validCreditCode("91350100M000100O43"));
    }

    // ORGANIZATION_CODE

    private static final DataElement ORGANIZATION = element(DataType.ORGANIZATION_CODE, "组织机构代码", "Organization code",
            Validation.REQUIRED);

    @ParameterizedTest
    @ValueSource(strings = {"M000100Y4", "M000100Y-4", "19220382-1", "00000006-X", "0000000B-0", "12345678-8"})
    void validOrganizationCodes(String code) {
        assertValid(ORGANIZATION, code);
        assertTrue(FieldValidator.validOrganizationCode(code));
    }

    @Test
    void organizationCodeCheckCharacter() {
        // 12345678: 3 + 14 + 27 + 40 + 25 + 48 + 28 + 16 = 201, 201 mod 11 = 3, 11 - 3 = 8
        assertEquals('8', FieldValidator.organizationCheckCharacter("12345678"));
        // 00000006: 6 * 2 = 12, 12 mod 11 = 1, 11 - 1 = 10, written X; 0000000B: 11 * 2 = 22, 11 - 0 = 11, written 0
        assertEquals('X', FieldValidator.organizationCheckCharacter("00000006"));
        assertEquals('0', FieldValidator.organizationCheckCharacter("0000000B"));
        assertProblem(ORGANIZATION, "12345678-9", "“组织机构代码”的校验码不正确：按前8位计算应为“8”，请核对代码。",
                "The check character of \"Organization code\" is wrong: from the first 8 characters it should be \"8\". "
                        + "Please check the code.");
        assertProblem(ORGANIZATION, "000000060", "按前8位计算应为“X”");
    }

    @Test
    void organizationCodeShape() {
        assertProblem(ORGANIZATION, "M000100", "“组织机构代码”应为9位（8位本体代码加1位校验码，如“M000100Y4”，也可写作“M000100Y-4”），现在是7位。",
                "\"Organization code\" must have 9 characters (8 plus a check character, such as \"M000100Y4\" or \"M000100Y-4\"); "
                        + "it has 7.");
        assertProblem(ORGANIZATION, "M00010-0Y4", "现在是10位");
        assertProblem(ORGANIZATION, "m000100y-4", "“组织机构代码”的前8位只能是数字或大写字母，最后一位校验码只能是数字或大写字母X。",
                "\"Organization code\": the first 8 characters must be digits or capital letters, and the check character a digit or a capital X.");
        assertProblem(ORGANIZATION, "12345678-Y", "前8位只能是数字或大写字母");
        assertFalse(FieldValidator.validOrganizationCode("M000100Y5"));
    }

    // PHONE and EMAIL

    private static final DataElement PHONE = element(DataType.PHONE, "联系人电话", "Contact phone", Validation.REQUIRED);

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "19912345678", "+8613800138000", "010-62345678", "01062345678", "0755-86013388",
        "(010)62345678", "010-62345678-123", "0571-8765432转8001"})
    void validPhoneNumbers(String phone) {
        assertValid(PHONE, phone);
    }

    @Test
    void invalidPhoneNumbers() {
        assertProblem(PHONE, "1380013800", "“联系人电话”看起来是手机号码，但手机号码应为11位，现在是10位。",
                "\"Contact phone\" looks like a mobile number, but mobile numbers have 11 digits; it has 10.");
        assertProblem(PHONE, "138001380001", "手机号码应为11位，现在是12位");
        String notAPhone = "“联系人电话”不是有效的电话号码：手机号码为11位，如“13800138000”；"
                + "固定电话要带区号，如“010-62345678”，分机号用“-”隔开，如“010-62345678-123”。";
        assertProblem(PHONE, "62345678", notAPhone, "\"Contact phone\" is not a valid phone number: a mobile number has 11 digits, "
                + "such as \"13800138000\"; a fixed line needs its area code, such as \"010-62345678\", and an extension follows "
                + "a \"-\", such as \"010-62345678-123\".");
        for (String wrong : new String[] {"12800138000", "010-0234567", "phone", "138 0013 8000"}) {
            assertProblem(PHONE, wrong, "不是有效的电话号码");
        }
    }

    private static final DataElement EMAIL = element(DataType.EMAIL, "联系人电子邮箱", "Contact e-mail", Validation.REQUIRED);

    @ParameterizedTest
    @ValueSource(strings = {"zhangsan@example.com", "zhang.san+cases@mail.example.com.cn", "li_si@gov-service.cn"})
    void validEmails(String email) {
        assertValid(EMAIL, email);
    }

    @Test
    void invalidEmails() {
        assertProblem(EMAIL, "zhangsan＠example.com", "“联系人电子邮箱”中含有全角或中文字符，电子邮箱地址只能用半角（英文）字符，例如“zhangsan@example.com”。",
                "\"Contact e-mail\" contains full-width or Chinese characters; an e-mail address uses only half-width (ASCII) characters, "
                        + "such as \"zhangsan@example.com\".");
        assertProblem(EMAIL, "zhangsan@example", "“联系人电子邮箱”不是有效的电子邮箱地址，应形如“zhangsan@example.com”。",
                "\"Contact e-mail\" is not a valid e-mail address; it should look like \"zhangsan@example.com\".");
        for (String wrong : new String[] {"zhangsan", "@example.com", "zhang..san@example.com", "zhangsan@-example.com", "a@b.c"}) {
            assertProblem(EMAIL, wrong, "不是有效的电子邮箱地址");
        }
    }

    // the text checks apply to the code types too

    @Test
    void lengthAndPatternApplyToCodeTypesAfterTheirOwnCheck() {
        DataElement beijingOnly = element(DataType.ID_NUMBER, "身份证号码", "ID number", text(null, null, "11\\d{15}[\\dX]"));
        assertValid(beijingOnly, "11010519491231002X");
        assertProblem(beijingOnly, "44030419900307123X", "“身份证号码”的写法不符合要求，请按字段旁的填写说明填写。",
                "\"ID number\" is not written the required way; please follow the help beside the field.");
        assertProblem(beijingOnly, "110105194912310020", "校验位不正确");
        DataElement hyphenated = element(DataType.ORGANIZATION_CODE, "组织机构代码", "Organization code", text(10, null, null));
        assertValid(hyphenated, "M000100Y-4");
        assertProblem(hyphenated, "M000100Y4", "“组织机构代码”至少要填10个字符，现在只有9个。");
        DataElement mobileOnly = element(DataType.PHONE, "手机", "Mobile", text(null, null, "1\\d{10}"));
        assertProblem(mobileOnly, "010-62345678", "“手机”的写法不符合要求");
        DataElement shortEmail = element(DataType.EMAIL, "邮箱", "E-mail", text(null, 12, null));
        assertProblem(shortEmail, "zhangsan@example.com", "“邮箱”最多12个字符，现在有20个，请删减8个。");
    }

    // several fields

    @Test
    void allProblemsInTheElementsOrderAndUnknownValuesIgnored() {
        List<DataElement> form = List.of(
                new DataElement("enterprise-name", DataType.TEXT, new LocalizedText("企业名称", "Enterprise name"), HELP, Validation.REQUIRED),
                new DataElement("registered-capital", DataType.DECIMAL, new LocalizedText("注册资本（元）", "Registered capital (yuan)"),
                        HELP, range("0", null)),
                new DataElement("legal-representative-id-number", DataType.ID_NUMBER,
                        new LocalizedText("法定代表人身份证号码", "Legal representative's ID number"), HELP, Validation.REQUIRED),
                new DataElement("contact-email", DataType.EMAIL, new LocalizedText("联系人电子邮箱", "Contact e-mail"), HELP, null),
                new DataElement("contact-phone", DataType.PHONE, new LocalizedText("联系人电话", "Contact phone"), HELP, Validation.REQUIRED),
                new DataElement("business-scope", DataType.TEXT, new LocalizedText("经营范围", "Business scope"), HELP, text(null, 5, null)));
        Map<String, String> values = Map.of(
                "registered-capital", "-5",
                "legal-representative-id-number", "110108197809151546",
                "contact-phone", "13800138000",
                "business-scope", "技术开发、技术咨询",
                "no-such-field", "ignored");
        List<FieldProblem> problems = FieldValidator.validate(form, values);
        assertEquals(List.of("enterprise-name", "registered-capital", "legal-representative-id-number", "business-scope"),
                problems.stream().map(FieldProblem::field).toList());
        assertEquals("请填写“企业名称”。", problems.get(0).message().zh());
        assertEquals("“注册资本（元）”不能小于0。", problems.get(1).message().zh());
        assertEquals("“法定代表人身份证号码”的校验位不正确：按前17位计算应为“5”，请核对号码。", problems.get(2).message().zh());
        assertEquals("“经营范围”最多5个字符，现在有9个，请删减4个。", problems.get(3).message().zh());
    }

    @Test
    void allFineGivesNoProblems() {
        DataElement code = new DataElement("credit-code", DataType.CREDIT_CODE, new LocalizedText("统一社会信用代码", null), HELP, null);
        DataElement name = element(DataType.TEXT, "企业名称", "Enterprise name", Validation.REQUIRED);
        assertEquals(List.of(), FieldValidator.validate(List.of(name, code), Map.of("field", "北京星河智联科技有限公司")));
        assertEquals(List.of(), FieldValidator.validate(List.of(code), Map.of("credit-code", "91350100M000100Y43")));
        assertEquals(List.of(), FieldValidator.validate(List.of(), Map.of("field", "x")));
    }
}
