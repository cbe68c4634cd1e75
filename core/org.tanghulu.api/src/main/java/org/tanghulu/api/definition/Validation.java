package org.tanghulu.api.definition;

import java.math.BigDecimal;
import java.util.List;

/**
 * Declarative checks on a data element's value, beyond those its {@link DataType}
 * implies. Every part is optional; {@code null} means "no such check".
 *
 * @param required whether a value must be given
 * @param minLength least number of characters (TEXT)
 * @param maxLength greatest number of characters (TEXT)
 * @param pattern a {@link java.util.regex.Pattern} the whole value must match (TEXT)
 * @param min least value (INTEGER, DECIMAL)
 * @param max greatest value (INTEGER, DECIMAL)
 * @param options the allowed values (CHOICE); required for CHOICE, ignored otherwise
 */
public record Validation(boolean required, Integer minLength, Integer maxLength, String pattern,
        BigDecimal min, BigDecimal max, List<String> options) {

    /** A validation that only requires a value. */
    public static final Validation REQUIRED = new Validation(true, null, null, null, null, null, null);

    /** Normalises {@code options} to an unmodifiable list. */
    public Validation {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
