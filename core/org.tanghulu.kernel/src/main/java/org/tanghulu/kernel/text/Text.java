package org.tanghulu.kernel.text;

/**
 * The platform's one normalisation of typed text. Thread-safe, stateless.
 */
public final class Text {

    private Text() {
    }

    /**
     * Normalises an optional value as every input path stores it: surrounding white space (Unicode
     * white space, {@link String#strip()}) removed, and a value with nothing else in it is none.
     *
     * @param s the value as typed; may be {@code null}
     * @return {@code s} stripped, or {@code null} if it is {@code null} or blank
     */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
