package org.tanghulu.notify.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tanghulu.api.definition.LocalizedText;

/** The texts of {@code notify/texts.properties}, filled in: Chinese first, English below. */
final class Texts {

    /** What one event tells an applicant. */
    record Message(String subject, String body, String sms) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final ResourceBundle bundle;

    Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** @return the texts shipped in this bundle */
    static Texts shipped() {
        try (InputStream in = Texts.class.getResourceAsStream("/notify/texts.properties")) {
            if (in == null) {
                throw new IllegalStateException("notify/texts.properties is missing from the bundle");
            }
            return new Texts(new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether there are texts for events of this type */
    boolean has(String eventType) {
        return bundle.containsKey(key(eventType, "subject", "zh"));
    }

    /**
     * @param eventType the case event's type, e.g. {@code SUBMITTED}
     * @param values the placeholders' values, each in both languages
     * @throws IllegalArgumentException if a text of the type is missing or names a value not given
     */
    Message render(String eventType, Map<String, LocalizedText> values) {
        return new Message(fill(eventType, "subject", values, " / "), fill(eventType, "body", values, "\n\n"),
                fill(eventType, "sms", values, "\n"));
    }

    private String fill(String eventType, String part, Map<String, LocalizedText> values, String between) {
        return fill(text(key(eventType, part, "zh")), name -> values.get(name) == null ? null : values.get(name).zh())
                + between
                + fill(text(key(eventType, part, "en")), name -> values.get(name) == null ? null : values.get(name).en());
    }

    private String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No text '" + key + "' in notify/texts.properties", e);
        }
    }

    private static String fill(String text, Function<String, String> value) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = value.apply(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("No value for {" + m.group(1) + "} in: " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    private static String key(String eventType, String part, String language) {
        return eventType.toLowerCase(Locale.ROOT) + "." + part + "." + language;
    }
}
