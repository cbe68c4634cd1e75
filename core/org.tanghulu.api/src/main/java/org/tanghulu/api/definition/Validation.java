package org.tanghulu.api.definition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Declarative checks on a data element's value, beyond those its {@link DataType}
 * implies. Every part is optional; {@code null} means "no such check".
 *
 * @param required whether a value must be given (TABLE: at least one row, unless {@code minRows} says more)
 * @param minLength least number of characters (TEXT)
 * @param maxLength greatest number of characters (TEXT; TABLE: of the whole JSON value)
 * @param pattern a {@link java.util.regex.Pattern} the whole value must match (TEXT)
 * @param min least value (INTEGER, DECIMAL)
 * @param max greatest value (INTEGER, DECIMAL)
 * @param options the allowed values (CHOICE); required for CHOICE, ignored otherwise. An option is the value
 *        stored and sent to the departments' systems, so it never changes with the page's language
 * @param optionLabels what people read for an option, by option, in Chinese and English (since 1.2); an option
 *        without an entry reads as itself. Keys that are not options are refused when the definition arrives
 * @param columns the columns of a TABLE, in the order shown (since 1.3): each is an element of its own, with an id
 *        unique among the columns, a type other than TABLE, a label, a help text and its own validation, by which
 *        every cell is checked. Required for TABLE, ignored otherwise; never {@code null}
 * @param minRows least number of rows of a TABLE (since 1.3); {@code null} means none beyond {@code required}
 * @param maxRows greatest number of rows of a TABLE (since 1.3); {@code null} means no limit but the value's length
 */
public record Validation(boolean required, Integer minLength, Integer maxLength, String pattern,
        BigDecimal min, BigDecimal max, List<String> options, Map<String, LocalizedText> optionLabels,
        List<DataElement> columns, Integer minRows, Integer maxRows) {

    /** A validation that only requires a value. */
    public static final Validation REQUIRED = new Validation(true, null, null, null, null, null, null);

    /** Normalises {@code options}, {@code optionLabels} and {@code columns} to unmodifiable collections. */
    public Validation {
        options = options == null ? List.of() : List.copyOf(options);
        optionLabels = optionLabels == null ? Map.of() : Map.copyOf(optionLabels);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** The 1.1 constructor: options without labels. */
    public Validation(boolean required, Integer minLength, Integer maxLength, String pattern,
            BigDecimal min, BigDecimal max, List<String> options) {
        this(required, minLength, maxLength, pattern, min, max, options, null);
    }

    /** The 1.2 constructor: no columns. */
    public Validation(boolean required, Integer minLength, Integer maxLength, String pattern,
            BigDecimal min, BigDecimal max, List<String> options, Map<String, LocalizedText> optionLabels) {
        this(required, minLength, maxLength, pattern, min, max, options, optionLabels, null, null, null);
    }

    /**
     * @param required whether at least one row must be given
     * @param columns the table's columns, in order
     * @param minRows least number of rows, or {@code null}
     * @param maxRows greatest number of rows, or {@code null}
     * @return the validation of a TABLE
     * @since 1.3
     */
    public static Validation table(boolean required, List<DataElement> columns, Integer minRows, Integer maxRows) {
        return new Validation(required, null, null, null, null, null, null, null, columns, minRows, maxRows);
    }

    /**
     * @param option one of the {@link #options}
     * @return what people read for it: its label, or the option itself where it has none
     * @since 1.2
     */
    public LocalizedText label(String option) {
        LocalizedText label = optionLabels.get(option);
        if (label == null) {
            return new LocalizedText(option, option);
        }
        return label.isPresent() ? label : new LocalizedText(option, label.en());
    }
}
