package org.tanghulu.portal.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.catalog.validation.InputRules;
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
        List<Map<String, String>> options = new ArrayList<>();
        if (field.type() == DataType.BOOLEAN) {
            options.add(Map.of("value", "true", "label", t.get("portal.form.yes")));
            options.add(Map.of("value", "false", "label", t.get("portal.form.no")));
        } else if (field.type() == DataType.CHOICE && v != null) {
            v.options().forEach(o -> options.add(Map.of("value", o, "label", o)));
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
            case TEXT -> v == null || v.maxLength() == null || v.maxLength() > 120 ? "textarea" : "text";
            default -> "text";
        };
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
        errors.forEach((field, message) -> summary.add(Map.of("href", "#f-" + field,
                "text", labels.getOrDefault(field, field) + "：" + message)));
        return summary;
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
