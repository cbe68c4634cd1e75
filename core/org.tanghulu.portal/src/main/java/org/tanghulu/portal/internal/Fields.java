package org.tanghulu.portal.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.tanghulu.kernel.text.Text.blankToNull;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.catalog.validation.InputRules;
import org.tanghulu.catalog.validation.TableValue;
import org.tanghulu.web.Texts;

/**
 * Builds the models of form fields for the templates' {@code field} macro ({@code templates/form.ftlh}):
 * id {@code f-KEY}, the input's name, label, help, whether required, the value, the error, a note on
 * where a prefilled value came from, and the {@code data-} attributes portal.js checks as you type.
 */
final class Fields {

    private Fields() {
    }

    /** A plain field (accounts, applicant's particulars). */
    static Map<String, Object> plain(String key, String name, String label, String input, String value, String error,
            String help, boolean required) {
        Map<String, Object> f = new HashMap<>();
        f.put("id", "f-" + key);
        f.put("name", name);
        f.put("label", label);
        f.put("input", input);
        f.put("required", required);
        f.put("readonly", false);
        putIf(f, "value", value);
        putIf(f, "error", error);
        putIf(f, "help", help);
        f.put("data", Map.of());
        f.put("attrs", Map.of());
        f.put("short", false);
        f.put("options", List.of());
        return f;
    }

    /**
     * The applicant's contact phone or e-mail address ({@link InputRules#CONTACT_PHONE},
     * {@link InputRules#CONTACT_EMAIL}): optional, checked as you type by the format of its type and
     * the core's length limit; the server checks both again with {@link InputRules#contacts}.
     */
    static Map<String, Object> contact(String key, String label, String value, String error, String help) {
        boolean phone = switch (key) {
            case InputRules.CONTACT_PHONE -> true;
            case InputRules.CONTACT_EMAIL -> false;
            default -> throw new IllegalArgumentException("not a contact field: " + key);
        };
        Map<String, Object> f = plain(key, key, label, phone ? "tel" : "email", value, error, help, false);
        f.put("data", Map.of("type", phone ? DataType.PHONE.name() : DataType.EMAIL.name(),
                "max-length", String.valueOf(phone ? InputRules.MAX_PHONE : InputRules.MAX_EMAIL)));
        return f;
    }

    /**
     * A field of the unified form, named {@code v.ELEMENT}; a field another matter's result fills is
     * shown read-only.
     */
    static Map<String, Object> of(UnifiedForm.Field field, String value, Map<String, String> errors, String origin,
            Texts t) {
        Map<String, Object> f = of(field, value, errors.get(field.element()), origin, t);
        if (field.type() == DataType.TABLE) {
            table(f, field, value, errors, t);
        }
        return f;
    }

    /**
     * A TABLE's widget: a row of inputs per row of the value (at least one), each cell the input of its column, named
     * {@code v.ELEMENT.ROW.COLUMN} ({@link #compose} folds them back), its error the cell's problem
     * ({@link TableValue#cellField}); a column holding a person's name, ID number or phone joins the person picker.
     */
    private static void table(Map<String, Object> f, UnifiedForm.Field field, String value, Map<String, String> errors,
            Texts t) {
        List<DataElement> columns = field.validation() == null ? List.of() : field.validation().columns();
        List<Map<String, String>> rows = TableValue.rowsOrNull(value);
        if (rows == null) {
            rows = List.of(); // the error says it was malformed; the applicant fills it in again
        }
        if (rows.isEmpty()) {
            rows = List.of(Map.of());
        }
        f.put("input", "table");
        f.put("element", field.element());
        f.put("short", false);
        f.put("columns", columns.stream().map(c -> Map.of("id", c.id(), "label", t.pick(c.label()),
                "help", c.help() == null ? "" : t.pick(c.help()),
                "required", c.validation() != null && c.validation().required())).toList());
        List<Map<String, Object>> rowModels = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (DataElement c : columns) {
                String key = field.element() + "-" + r + "-" + c.id();
                UnifiedForm.Field cf = new UnifiedForm.Field(key, c.type(), c.label(), c.help(), c.validation(),
                        field.source(), field.producedBy(), field.usedBy(), null);
                Map<String, Object> cell = of(cf, blankToNull(rows.get(r).get(c.id())),
                        errors.get(TableValue.cellField(field.element(), r, c.id())), null, t);
                cell.put("name", "v." + field.element() + "." + r + "." + c.id());
                cell.put("column", c.id());
                cell.remove("person");
                if (PERSON_PARTS.contains(c.id())) {
                    cell.put("person", field.element() + "-" + r + ":" + c.id());
                }
                cells.add(cell);
            }
            rowModels.add(Map.of("index", r, "number", r + 1, "cells", cells));
        }
        f.put("rows", rowModels);
    }

    private static final List<String> PERSON_PARTS = List.of("name", "id-number", "phone");

    private static final java.util.regex.Pattern CELL = java.util.regex.Pattern
            .compile("([a-z][a-z0-9-]*)\\.(\\d{1,3})\\.([a-z][a-z0-9-]*)");

    /**
     * @param posted the form's values ({@code v.} removed), among them tables' cells {@code ELEMENT.ROW.COLUMN}
     * @return the values with each table's cells folded into its JSON value ({@link TableValue}), rows in the order
     *         of their numbers, blank rows left out unless {@code keepBlankRows}; other values as they are
     */
    static Map<String, String> compose(Map<String, String> posted, boolean keepBlankRows) {
        Map<String, java.util.TreeMap<Integer, Map<String, String>>> tables = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        posted.forEach((k, v) -> {
            java.util.regex.Matcher m = CELL.matcher(k);
            if (m.matches()) {
                if (!tables.containsKey(m.group(1))) {
                    values.put(m.group(1), "");
                }
                tables.computeIfAbsent(m.group(1), e -> new java.util.TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(m.group(2)), r -> new LinkedHashMap<>()).put(m.group(3), v);
            } else {
                values.put(k, v);
            }
        });
        tables.forEach((e, rows) -> values.put(e, TableValue.write(new ArrayList<>(rows.values()), keepBlankRows)));
        return values;
    }

    /**
     * @param value a TABLE's value
     * @param add whether to add a blank row at the end, else to remove row {@code remove}
     * @return the value changed so, or the value itself if it is malformed
     */
    static String changeRows(String value, boolean add, int remove) {
        List<Map<String, String>> rows = TableValue.rowsOrNull(value);
        if (rows == null) {
            return value;
        }
        List<Map<String, String>> changed = new ArrayList<>(rows);
        if (add) {
            changed.add(changed.isEmpty() ? Map.of() : blank(changed.get(0)));
            if (rows.isEmpty()) {
                changed.add(Map.of());
            }
        } else if (remove >= 0 && remove < changed.size()) {
            changed.remove(remove);
        }
        return TableValue.write(changed, true);
    }

    private static Map<String, String> blank(Map<String, String> like) {
        Map<String, String> row = new LinkedHashMap<>();
        like.keySet().forEach(k -> row.put(k, ""));
        return row;
    }

    /** @return the id of the input of a field's key: {@code f-KEY}, a cell's {@code investors[1].amount} as {@code f-investors-1-amount} */
    static String anchor(String key) {
        return "f-" + key.replace("].", "-").replace('[', '-');
    }

    static Map<String, Object> of(UnifiedForm.Field field, String value, String error, String origin, Texts t) {
        Validation v = field.validation();
        boolean required = v != null && v.required();
        Map<String, Object> f = plain(field.element(), "v." + field.element(), t.pick(field.label()),
                input(field.type(), v), value, error, t.pick(field.help()), required);
        putIf(f, "origin", origin);
        if (field.source() == UnifiedForm.Source.STEP_OUTPUT) {
            f.put("readonly", true);
            f.put("required", false);
            f.put("producedBy", field.producedBy() == null ? "" : field.producedBy().department());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", field.type().name());
        if (required) {
            data.put("required", "true");
        }
        if (v != null) {
            putIf(data, "min-length", v.minLength());
            putIf(data, "max-length", v.maxLength());
            putIf(data, "pattern", v.pattern());
            putIf(data, "min", v.min() == null ? null : v.min().toPlainString());
            putIf(data, "max", v.max() == null ? null : v.max().toPlainString());
        }
        f.put("data", data);
        f.put("attrs", attributes(field.type(), v));
        Integer max = maxLength(field.type(), v);
        f.put("short", max != null && max <= SHORT);
        String person = person(field.element());
        if (person != null) {
            f.put("person", person);
        }
        List<Map<String, String>> options = new ArrayList<>();
        if (field.type() == DataType.BOOLEAN) {
            options.add(Map.of("value", "true", "label", t.get("portal.form.yes")));
            options.add(Map.of("value", "false", "label", t.get("portal.form.no")));
        } else if (field.type() == DataType.CHOICE && v != null) {
            v.options().forEach(o -> options.add(Map.of("value", o, "label", t.pick(v.label(o)))));
        }
        f.put("options", options);
        return f;
    }

    private static String input(DataType type, Validation v) {
        return switch (type) {
            case DATE -> "date";
            case PHONE -> "tel";
            case EMAIL -> "email";
            case BOOLEAN, CHOICE -> "select";
            case TABLE -> "table";
            case TEXT -> maxLength(type, v) == null || maxLength(type, v) > LONG_TEXT ? "textarea" : "text";
            default -> "text";
        };
    }

    /** Texts longer than this get several lines; shorter ones (codes, names) one line. */
    private static final int LONG_TEXT = 120;

    /** A pattern of digits only, such as {@code [0-9]{6}} or {@code \d{15}}: a numeric keyboard. */
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern
            .compile("((\\[0-9\\]|\\\\d)(\\{\\d+(,\\d+)?\\}|\\+)?)+");

    /** A pattern of fixed length, such as {@code [0-9]{6}} or {@code [A-T]?[0-9]{4}}: its greatest length. */
    private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern
            .compile("(\\[[^\\]]+\\]|\\\\d)(\\?|\\{(\\d+)(,(\\d+))?\\})?");

    /** @return the greatest length a value can have by the type or the validation, or {@code null} if none */
    static Integer maxLength(DataType type, Validation v) {
        Integer byType = switch (type) {
            case ID_NUMBER, CREDIT_CODE -> 18;
            case ORGANIZATION_CODE -> 10;
            default -> null;
        };
        if (byType != null || v == null) {
            return byType;
        }
        if (v.maxLength() != null) {
            return v.maxLength();
        }
        return v.pattern() == null ? null : patternLength(v.pattern());
    }

    /** @return the greatest length a simple pattern of character classes allows, or {@code null} if not simple */
    private static Integer patternLength(String pattern) {
        java.util.regex.Matcher m = COUNTED.matcher(pattern);
        int length = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            end = m.end();
            String most = m.group(5) != null ? m.group(5) : m.group(3);
            length += most != null ? Integer.parseInt(most) : 1;
        }
        return end == pattern.length() ? length : null;
    }

    /** @return the HTML attributes that fit the value: {@code maxlength}, {@code inputmode}, {@code pattern} */
    static Map<String, String> attributes(DataType type, Validation v) {
        Map<String, String> a = new LinkedHashMap<>();
        Integer max = maxLength(type, v);
        if (max != null && type != DataType.DATE) {
            a.put("maxlength", String.valueOf(max));
        }
        switch (type) {
            case INTEGER -> a.put("inputmode", "numeric");
            case DECIMAL -> a.put("inputmode", "decimal");
            case ID_NUMBER, CREDIT_CODE, ORGANIZATION_CODE -> a.put("autocapitalize", "characters");
            default -> {
                if (v != null && v.pattern() != null && DIGITS.matcher(v.pattern()).matches()) {
                    a.put("inputmode", "numeric");
                }
            }
        }
        if (type == DataType.TEXT && v != null && v.pattern() != null) {
            a.put("pattern", v.pattern());
        }
        return a;
    }

    /** Values up to this length (codes) get a narrow input. */
    static final int SHORT = 20;

    /** Elements of a person whose id does not start with the person's prefix. */
    private static final Map<String, String> PERSON_ALIASES = Map.of("contact-phone", "contact-person-phone");

    /**
     * @return {@code prefix:part} for an element that is a person's name, identity number or phone ({@code
     *         legal-representative-name} gives {@code legal-representative:name}), or {@code null}
     */
    static String person(String element) {
        String e = PERSON_ALIASES.getOrDefault(element, element);
        for (String part : List.of("name", "id-number", "phone")) {
            if (e.endsWith("-" + part) && !e.startsWith("enterprise-") && !e.startsWith("parent-company-")) {
                return e.substring(0, e.length() - part.length() - 1) + ":" + part;
            }
        }
        return null;
    }

    /** @return the first problem of every field, in the visitor's language, by field */
    static Map<String, String> errors(List<FieldProblem> problems, Texts t) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.merge(p.field(), t.pick(p.message()), (a, b) -> a + " " + b));
        return errors;
    }

    /** @return the summary above a form: each problem with the id of its field */
    static List<Map<String, String>> summary(Map<String, String> errors, Map<String, String> labels) {
        List<Map<String, String>> summary = new ArrayList<>();
        errors.forEach((field, message) -> summary.add(Map.of("href", "#" + anchor(field),
                "text", labels.getOrDefault(field, labels.getOrDefault(field.replaceAll("\\[.*", ""), field)) + "：" + message)));
        return summary;
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
