package org.tanghulu.api.definition;

/**
 * A text shown to people, in Chinese (the default) and English.
 *
 * @param zh the Chinese text; required wherever a text is required
 * @param en the English text; falls back to {@code zh} where missing
 */
public record LocalizedText(String zh, String en) {

    /** @return the text for a language tag starting with {@code en}, else Chinese */
    public String in(String language) {
        return language != null && language.startsWith("en") && en != null && !en.isBlank() ? en : zh;
    }

    /** @return whether the Chinese text is present */
    public boolean isPresent() {
        return zh != null && !zh.isBlank();
    }
}
