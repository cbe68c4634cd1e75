package org.tanghulu.catalog.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.validation.InputRules;

/**
 * Checks an application's values against its data elements, and says what is wrong in
 * words the applicant understands, naming each field by its label. Values are checked
 * with surrounding white space removed; every value first by {@link InputRules#text} (no control
 * characters, line breaks only in TEXT; at most its {@code maxLength} or {@link InputRules#MAX_VALUE}).
 */
public final class FieldValidator {

    private static final Validation NONE = new Validation(false, null, null, null, null, null, null);
    /** Types whose values are text, so that a validation's length and pattern apply. */
    private static final Set<DataType> TEXTUAL = EnumSet.of(DataType.TEXT, DataType.ID_NUMBER,
            DataType.CREDIT_CODE, DataType.ORGANIZATION_CODE, DataType.PHONE, DataType.EMAIL);

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    /** The characters of a unified social credit code (GB 32100), by value: no I, O, Z, S or V. */
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern ORGANIZATION_CODE = Pattern.compile("[0-9A-Z]{8}[0-9X]");
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final Pattern MOBILE = Pattern.compile("(\\+?86[- ]?)?" + InputRules.MOBILE_DIGITS);
    private static final Pattern MOBILE_LIKE = Pattern.compile("1\\d*");
    private static final Pattern FIXED_LINE = Pattern.compile("(0\\d{2,3}-?|\\(0\\d{2,3}\\))[2-9]\\d{6,7}((-|转|#)\\d{1,6})?");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9_%+-]+(\\.[A-Za-z0-9_%+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private FieldValidator() {
    }

    /**
     * @param elements the fields asked for, in the order problems are reported
     * @param values the values entered, by element id; ids of other elements are ignored
     * @return at most one problem per field, the first found; empty if all values are fine. A TABLE's problems with
     *         the whole value (malformed, too few or too many rows) name the element; its cells' problems name the
     *         cell ({@link TableValue#cellField}: {@code investors[1].amount} for the second row), one per cell
     */
    public static List<FieldProblem> validate(Collection<DataElement> elements, Map<String, String> values) {
        List<FieldProblem> problems = new ArrayList<>();
        for (DataElement element : elements) {
            if (element.type() == DataType.TABLE) {
                table(element, values.get(element.id()), problems);
                continue;
            }
            LocalizedText problem = problem(element, Field.of(element.label()), values.get(element.id()));
            if (problem != null) {
                problems.add(new FieldProblem(element.id(), problem));
            }
        }
        return List.copyOf(problems);
    }

    /** @return whether {@code value} is a resident identity number with a valid birth date and check digit */
    public static boolean validIdNumber(String value) {
        return value != null && idNumber(Field.UNNAMED, value) == null;
    }

    /** @return whether {@code value} is a unified social credit code with a valid check character */
    public static boolean validCreditCode(String value) {
        return value != null && creditCode(Field.UNNAMED, value) == null;
    }

    /** @return whether {@code value} is an organization code, with or without the hyphen, with a valid check character */
    public static boolean validOrganizationCode(String value) {
        return value != null && organizationCode(Field.UNNAMED, value) == null;
    }

    /** @return the check digit (GB 11643) of the first 17 characters of {@code id}, which must be digits */
    static char idCheckDigit(String id) {
        int sum = 0;
        for (int i = 0; i < ID_WEIGHTS.length; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /** @return the check character (GB 32100) of the first 17 characters of {@code code}, all from its alphabet */
    static char creditCheckCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < CREDIT_WEIGHTS.length; i++) {
            sum += CREDIT_ALPHABET.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** @return the check character (GB 11714) of an organization code's 8 characters, digits or capital letters */
    static char organizationCheckCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < ORGANIZATION_WEIGHTS.length; i++) {
            sum += Character.digit(body.charAt(i), 36) * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** Checks a TABLE's value: its form, its number of rows, then every cell by its column. */
    private static void table(DataElement element, String raw, List<FieldProblem> problems) {
        Field f = Field.of(element.label());
        Validation v = element.validation() == null ? NONE : element.validation();
        String value = raw == null ? "" : raw.strip();
        int max = v.maxLength() == null ? MAX_TABLE : v.maxLength();
        if (length(value) > max) {
            problems.add(new FieldProblem(element.id(), message(f.zh + "内容过多（最多" + max + "个字符），请减少行数。",
                    f.en + " holds too much (at most " + max + " characters); please remove rows.")));
            return;
        }
        List<java.util.Map<String, String>> rows = TableValue.rowsOrNull(value);
        if (rows == null) {
            problems.add(new FieldProblem(element.id(), message(f.zh + "的格式不正确，应为逐行填写的表格，请重新填写。",
                    f.en + " is not in the form of rows; please fill it in again.")));
            return;
        }
        rows = rows.stream().filter(r -> r.values().stream().anyMatch(c -> !c.isBlank())).toList();
        int least = Math.max(v.minRows() == null ? 0 : v.minRows(), v.required() ? 1 : 0);
        if (rows.isEmpty() && least > 0) {
            problems.add(new FieldProblem(element.id(), message("请填写" + f.zh + "，至少" + least + "行。",
                    "Please fill in " + f.en + ": at least " + least + (least == 1 ? " row." : " rows."))));
            return;
        }
        if (rows.size() < least) {
            problems.add(new FieldProblem(element.id(), message(f.zh + "至少要填" + least + "行，现在只有" + rows.size() + "行。",
                    f.en + " needs at least " + least + " rows; it has " + rows.size() + ".")));
        } else if (v.maxRows() != null && rows.size() > v.maxRows()) {
            problems.add(new FieldProblem(element.id(), message(f.zh + "最多填" + v.maxRows() + "行，现在有" + rows.size() + "行。",
                    f.en + " may have at most " + v.maxRows() + " rows; it has " + rows.size() + ".")));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (DataElement column : v.columns()) {
                Field cell = Field.cell(r, column.label());
                LocalizedText problem = column.type() == DataType.TABLE ? null : problem(column, cell, rows.get(r).get(column.id()));
                if (problem != null) {
                    problems.add(new FieldProblem(TableValue.cellField(element.id(), r, column.id()), problem));
                }
            }
        }
    }

    /** The most characters of a TABLE's value without a {@code maxLength}. */
    private static final int MAX_TABLE = 20_000;

    private static LocalizedText problem(DataElement element, Field f, String raw) {
        Validation v = element.validation() == null ? NONE : element.validation();
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return v.required() ? message("请填写" + f.zh + "。", "Please fill in " + f.en + ".") : null;
        }
        LocalizedText text = InputRules.text(element.label(), value,
                v.maxLength() == null ? InputRules.MAX_VALUE : v.maxLength(), element.type() == DataType.TEXT);
        if (text != null) {
            return f.row.isEmpty() ? text : message(f.row + text.zh(), f.rowEn + text.en());
        }
        LocalizedText problem = switch (element.type()) {
            case TEXT -> null;
            case INTEGER -> number(f, v, value, false);
            case DECIMAL -> number(f, v, value, true);
            case DATE -> date(f, value);
            case BOOLEAN -> "true".equals(value) || "false".equals(value) ? null
                    : message(f.zh + "只能选择“是”或“否”。", f.en + " must be answered yes or no.");
            case CHOICE -> v.options().contains(value) ? null
                    : message(f.zh + "只能从以下选项中选择：" + String.join("、", v.options()) + "。",
                            f.en + " must be one of: " + String.join(", ", v.options().stream()
                                    .map(o -> v.label(o).en() == null ? o : v.label(o).en()).toList()) + ".");
            case ID_NUMBER -> idNumber(f, value);
            case CREDIT_CODE -> creditCode(f, value);
            case ORGANIZATION_CODE -> organizationCode(f, value);
            case PHONE -> phone(f, value);
            case EMAIL -> email(f, value);
            case TABLE -> null; // checked by table(); never a column
        };
        return problem == null && TEXTUAL.contains(element.type()) ? text(f, v, value) : problem;
    }

    private static LocalizedText text(Field f, Validation v, String value) {
        int length = length(value);
        if (v.minLength() != null && length < v.minLength()) {
            return message(f.zh + "至少要填" + v.minLength() + "个字符，现在只有" + length + "个。",
                    f.en + " needs at least " + v.minLength() + " characters; it has " + length + ".");
        }
        if (v.pattern() != null && !PATTERNS.computeIfAbsent(v.pattern(), Pattern::compile).matcher(value).matches()) {
            return message(f.zh + "的写法不符合要求，请按字段旁的填写说明填写。",
                    f.en + " is not written the required way; please follow the help beside the field.");
        }
        return null;
    }

    private static LocalizedText number(Field f, Validation v, String value, boolean decimal) {
        if (!(decimal ? DECIMAL : INTEGER).matcher(value).matches()) {
            return decimal
                    ? message(f.zh + "只能填数字，例如“1000000”或“2500.50”，不要带单位、逗号或其他文字。",
                            f.en + " must be a number such as \"1000000\" or \"2500.50\", without units, commas or other text.")
                    : message(f.zh + "只能填整数，例如“100”，不要带小数、单位或其他文字。",
                            f.en + " must be a whole number such as \"100\", without decimals, units or other text.");
        }
        BigDecimal number = new BigDecimal(value);
        if (number.stripTrailingZeros().scale() > 2) {
            return message(f.zh + "最多保留两位小数。", f.en + " may have at most two decimal places.");
        }
        if (v.min() != null && number.compareTo(v.min()) < 0) {
            return message(f.zh + "不能小于" + v.min().toPlainString() + "。",
                    f.en + " must not be less than " + v.min().toPlainString() + ".");
        }
        if (v.max() != null && number.compareTo(v.max()) > 0) {
            return message(f.zh + "不能大于" + v.max().toPlainString() + "。",
                    f.en + " must not be more than " + v.max().toPlainString() + ".");
        }
        return null;
    }

    private static LocalizedText date(Field f, String value) {
        if (!DATE.matcher(value).matches()) {
            return message(f.zh + "请按“年-月-日”填写，例如“2026-11-20”。",
                    f.en + " must be a date written year-month-day, such as \"2026-11-20\".");
        }
        try {
            LocalDate.parse(value);
            return null;
        } catch (DateTimeParseException e) {
            return message(f.zh + "填写的“" + value + "”不是实际存在的日期，请核对。",
                    f.en + ": " + value + " is not a real date. Please check it.");
        }
    }

    private static LocalizedText idNumber(Field f, String value) {
        if (length(value) != 18) {
            return f.wrongLength(18, value);
        }
        if (!ID_NUMBER.matcher(value).matches()) {
            return message(f.zh + "的前17位只能是数字，最后一位是数字或字母X。",
                    f.en + ": the first 17 characters must be digits and the last a digit or the letter X.");
        }
        String birth = value.substring(6, 14);
        if (!possibleBirthDate(birth)) {
            return message(f.zh + "第7至14位的出生日期“" + birth + "”不是有效的日期，请核对号码。",
                    f.en + ": the date of birth in characters 7 to 14, \"" + birth + "\", is not a valid date. Please check the number.");
        }
        char expected = idCheckDigit(value);
        if (Character.toUpperCase(value.charAt(17)) != expected) {
            return f.wrongCheck("校验位", "check digit", 17, expected, "号码", "number");
        }
        return null;
    }

    private static boolean possibleBirthDate(String yyyymmdd) {
        try {
            LocalDate birth = LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE);
            return birth.getYear() >= 1850 && !birth.isAfter(LocalDate.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static LocalizedText creditCode(Field f, String value) {
        if (length(value) != 18) {
            return f.wrongLength(18, value);
        }
        int wrong = value.codePoints().filter(c -> CREDIT_ALPHABET.indexOf(c) < 0).findFirst().orElse(-1);
        if (wrong >= 0) {
            String c = Character.toString(wrong);
            return message(f.zh + "中的“" + c + "”不会出现在统一社会信用代码中：代码只由数字和大写字母组成，且不使用I、O、Z、S、V。",
                    f.en + " contains \"" + c + "\", which never appears in a unified social credit code: "
                            + "it has only digits and capital letters other than I, O, Z, S and V.");
        }
        char expected = creditCheckCharacter(value);
        if (value.charAt(17) != expected) {
            return f.wrongCheck("校验码", "check character", 17, expected, "代码", "code");
        }
        return null;
    }

    private static LocalizedText organizationCode(Field f, String value) {
        String code = value.length() == 10 && value.charAt(8) == '-' ? value.substring(0, 8) + value.charAt(9) : value;
        if (length(code) != 9) {
            return message(f.zh + "应为9位（8位本体代码加1位校验码，如“M000100Y4”，也可写作“M000100Y-4”），现在是"
                            + length(value) + "位。",
                    f.en + " must have 9 characters (8 plus a check character, such as \"M000100Y4\" or \"M000100Y-4\"); it has "
                            + length(value) + ".");
        }
        if (!ORGANIZATION_CODE.matcher(code).matches()) {
            return message(f.zh + "的前8位只能是数字或大写字母，最后一位校验码只能是数字或大写字母X。",
                    f.en + ": the first 8 characters must be digits or capital letters, and the check character a digit or a capital X.");
        }
        char expected = organizationCheckCharacter(code);
        if (code.charAt(8) != expected) {
            return f.wrongCheck("校验码", "check character", 8, expected, "代码", "code");
        }
        return null;
    }

    private static LocalizedText phone(Field f, String value) {
        if (MOBILE.matcher(value).matches() || FIXED_LINE.matcher(value).matches()) {
            return null;
        }
        if (MOBILE_LIKE.matcher(value).matches() && value.length() != 11) {
            return message(f.zh + "看起来是手机号码，但手机号码应为11位，现在是" + value.length() + "位。",
                    f.en + " looks like a mobile number, but mobile numbers have 11 digits; it has " + value.length() + ".");
        }
        return message(f.zh + "不是有效的电话号码：手机号码为11位，如“13800138000”；"
                        + "固定电话要带区号，如“010-62345678”，分机号用“-”隔开，如“010-62345678-123”。",
                f.en + " is not a valid phone number: a mobile number has 11 digits, such as \"13800138000\"; a fixed line "
                        + "needs its area code, such as \"010-62345678\", and an extension follows a \"-\", such as \"010-62345678-123\".");
    }

    private static LocalizedText email(Field f, String value) {
        if (EMAIL.matcher(value).matches()) {
            return null;
        }
        if (value.chars().anyMatch(c -> c > 0x7F)) {
            return message(f.zh + "中含有全角或中文字符，电子邮箱地址只能用半角（英文）字符，例如“zhangsan@example.com”。",
                    f.en + " contains full-width or Chinese characters; an e-mail address uses only half-width (ASCII) characters, "
                            + "such as \"zhangsan@example.com\".");
        }
        return message(f.zh + "不是有效的电子邮箱地址，应形如“zhangsan@example.com”。",
                f.en + " is not a valid e-mail address; it should look like \"zhangsan@example.com\".");
    }

    private static LocalizedText message(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** A field's label, quoted for Chinese and English messages. */
    private record Field(String zh, String en, String row, String rowEn) {

        static final Field UNNAMED = new Field("", "", "", "");

        static Field of(LocalizedText label) {
            String en = label.en() == null || label.en().isBlank() ? label.zh() : label.en();
            return new Field("“" + label.zh() + "”", "\"" + en + "\"", "", "");
        }

        /** A table's cell: "第2行“认缴出资额”", "Row 2, \"Subscribed amount\"". */
        static Field cell(int row, LocalizedText column) {
            Field c = of(column);
            String zh = "第" + (row + 1) + "行";
            String en = "Row " + (row + 1) + ", ";
            return new Field(zh + c.zh, en + c.en, zh, en);
        }

        LocalizedText wrongLength(int expected, String value) {
            int length = length(value);
            return message(zh + "应为" + expected + "位，现在是" + length + "位。",
                    en + " must have " + expected + " characters; it has " + length + ".");
        }

        LocalizedText wrongCheck(String checkZh, String checkEn, int from, char expected, String whatZh, String whatEn) {
            return message(zh + "的" + checkZh + "不正确：按前" + from + "位计算应为“" + expected + "”，请核对" + whatZh + "。",
                    "The " + checkEn + " of " + en + " is wrong: from the first " + from + " characters it should be \""
                            + expected + "\". Please check the " + whatEn + ".");
        }
    }
}
