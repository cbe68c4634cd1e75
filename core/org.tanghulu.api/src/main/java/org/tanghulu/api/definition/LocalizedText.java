package org.tanghulu.api.definition;

/**
 * A text shown to people, in Chinese (the default) and English.
 *
 * @param zh the Chinese text; required wherever a text is required
 * @param en the English text; may be missing
 */
public record LocalizedText(String zh, String en) {

    /** @return whether the Chinese text is present */
    public boolean isPresent() {
        return zh != null && !zh.isBlank();
    }
}
