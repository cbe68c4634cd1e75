package org.tanghulu.catalog.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.validation.FieldValidator;

/**
 * Checks of contact fields and free text, shared by every input path. Text is stored as given
 * (not trimmed of anything but surrounding white space, not escaped); what these rules refuse
 * is what no person types: control characters (C0 and C1, e.g. NUL and the ESC of terminal
 * escape sequences; tab and line breaks only where text may have several lines) and text
 * longer than its column. Messages name the field by its label, in Chinese and English.
 * Thread-safe, stateless.
 */
public final class InputRules {

    /** Characters of an applicant's name ({@code case_record.applicant_name}). */
    public static final int MAX_NAME = 200;
    /** Characters of a contact phone number ({@code case_record.contact_phone}). */
    public static final int MAX_PHONE = 40;
    /** Characters of an e-mail address ({@code case_record.contact_email}, {@code account.email}). */
    public static final int MAX_EMAIL = 200;
    /** Characters of a form value whose data element sets no {@code maxLength} of its own. */
    public static final int MAX_VALUE = 2000;
    /** Characters of an officer's message or an applicant's note to a correction ({@code task.message}). */
    public static final int MAX_MESSAGE = 4000;

    /** The field id of the contact phone in a submission and in the portal's form. */
    public static final String CONTACT_PHONE = "contactPhone";
    /** The field id of the contact e-mail address in a submission and in the portal's form. */
    public static final String CONTACT_EMAIL = "contactEmail";

    /**
     * The pattern of a mainland mobile number as its 11 digits (13 to 19, then nine digits); a contact
     * phone may add a {@code +86} prefix to it or be a fixed line instead (see {@link #contacts}).
     */
    public static final String MOBILE_DIGITS = "1[3-9]\\d{9}";
    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile(MOBILE_DIGITS);

    private static final DataElement PHONE = new DataElement(CONTACT_PHONE, DataType.PHONE,
            new LocalizedText("联系电话", "Contact phone"), null, new Validation(false, null, MAX_PHONE, null, null, null, null));
    private static final DataElement EMAIL = new DataElement(CONTACT_EMAIL, DataType.EMAIL,
            new LocalizedText("联系邮箱", "Contact e-mail"), null, new Validation(false, null, MAX_EMAIL, null, null, null, null));

    private InputRules() {
    }

    /**
     * @param phone a mobile number or a fixed line with its area code; {@code null} or blank for none
     * @param email exactly one address, without display name; {@code null} or blank for none
     * @return the problems, with fields {@link #CONTACT_PHONE} and {@link #CONTACT_EMAIL}; empty if both are fine
     */
    public static List<FieldProblem> contacts(String phone, String email) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put(CONTACT_PHONE, phone);
        values.put(CONTACT_EMAIL, email);
        return FieldValidator.validate(List.of(PHONE, EMAIL), values);
    }

    /**
     * @return whether {@code value}, stripped of surrounding white space, is exactly one plain e-mail
     *         address ({@code local@domain.tld}, ASCII): no display name, no list, no line breaks
     */
    public static boolean isEmail(String value) {
        return value != null && !value.isBlank() && FieldValidator.validate(List.of(EMAIL), Map.of(CONTACT_EMAIL, value)).isEmpty();
    }

    /**
     * @return whether {@code value} is exactly a mainland mobile number of 11 digits
     *         ({@link #MOBILE_DIGITS}: no prefix, no separators); {@code null} is not
     */
    public static boolean isMobile(String value) {
        return value != null && MOBILE.matcher(value).matches();
    }

    /**
     * Checks free text for control characters and its length. Blank text is not a problem here:
     * whether a value is required is the caller's rule.
     *
     * @param label the field's name, for the message
     * @param value the text; {@code null} is fine
     * @param max the most characters (code points) allowed
     * @param multiline whether tab and line breaks are allowed
     * @return the problem, or {@code null}
     */
    public static LocalizedText text(LocalizedText label, String value, int max, boolean multiline) {
        if (value == null) {
            return null;
        }
        String zh = "“" + label.zh() + "”";
        String en = "\"" + (label.en() == null || label.en().isBlank() ? label.zh() : label.en()) + "\"";
        int at = controlCharacter(value, multiline);
        if (at >= 0) {
            String code = String.format("U+%04X", value.codePointAt(at));
            int position = value.codePointCount(0, at) + 1;
            return new LocalizedText(zh + "的第" + position + "个字符是不可见的控制字符（" + code + "），请删除后再提交。",
                    en + " contains an invisible control character (" + code + ") at character " + position
                            + "; please remove it.");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            int over = length - max;
            return new LocalizedText(zh + "最多" + max + "个字符，现在有" + length + "个，请删减" + over + "个。",
                    en + " may have at most " + max + " characters; it has " + length + ". Please shorten it by " + over + ".");
        }
        return null;
    }

    /**
     * @param field the field id the problem names
     * @return a list with the problem of {@link #text}, or an empty list
     */
    public static List<FieldProblem> text(String field, LocalizedText label, String value, int max, boolean multiline) {
        LocalizedText problem = text(label, value, max, multiline);
        List<FieldProblem> problems = new ArrayList<>();
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
        return problems;
    }

    /**
     * @return the index of the first control character (Unicode category Cc: C0, DEL and C1) in
     *         {@code value}, tab, CR and LF excepted when {@code multiline}; -1 if there is none
     */
    public static int controlCharacter(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }
}
