package org.tanghulu.web;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.tanghulu.api.definition.LocalizedText;

/**
 * The texts of one language: looked up in the given bundles in order. Chinese is the default;
 * English when the visitor chose it.
 */
public final class Texts {

    /** The languages offered; the first is the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.CHINESE, Locale.ENGLISH);

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    private Texts(Locale locale, List<ResourceBundle> bundles) {
        this.locale = locale;
        this.bundles = bundles;
    }

    /**
     * @param locale {@link Locale#CHINESE} or {@link Locale#ENGLISH}
     * @param baseNames resource bundle base names, most specific first
     * @param loader the class loader that sees them
     */
    public static Texts of(Locale locale, ClassLoader loader, String... baseNames) {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        List<ResourceBundle> bundles = new ArrayList<>();
        for (String baseName : baseNames) {
            bundles.add(ResourceBundle.getBundle(baseName, locale, loader, noFallback));
        }
        bundles.add(ResourceBundle.getBundle("org.tanghulu.web.messages", locale, Texts.class.getClassLoader(),
                noFallback));
        return new Texts(locale, List.copyOf(bundles));
    }

    public Locale locale() {
        return locale;
    }

    /** @return whether this is English */
    public boolean english() {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /**
     * @return the text for {@code key} with {@code args} put in ({@link MessageFormat}); a missing key
     *         shows as {@code ??key??} so that it is seen and fixed
     */
    public String get(String key, Object... args) {
        for (ResourceBundle bundle : bundles) {
            try {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
            } catch (MissingResourceException e) {
                // next bundle
            }
        }
        return "??" + key + "??";
    }

    /** @return the text in this language, or the Chinese one where there is no English */
    public String pick(LocalizedText text) {
        if (text == null) {
            return "";
        }
        return english() && text.en() != null && !text.en().isBlank() ? text.en() : text.zh();
    }
}
