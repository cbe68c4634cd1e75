package org.tanghulu.portal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What applicants need, by function group: the portal's own grouping of the catalog ("starting a
 * business", "building", …), since a function group carries no category. Read from
 * {@code /org/tanghulu/portal/needs.properties}: {@code group-id=need-key}; the need's name is the
 * text {@code portal.need.<need-key>}. A group not listed belongs to {@link #OTHER}.
 */
final class Needs {

    /** The need of every group not listed. */
    static final String OTHER = "other";

    private final Properties mapping;

    private Needs(Properties mapping) {
        this.mapping = mapping;
    }

    /** @return the mapping read from the portal's {@code needs.properties} */
    static Needs load() {
        return load(Needs.class.getResourceAsStream("/org/tanghulu/portal/needs.properties"));
    }

    static Needs load(InputStream in) {
        Properties p = new Properties();
        if (in != null) {
            try (in) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Needs(p);
    }

    /** @return the need key of the group, {@link #OTHER} if it is not listed */
    String of(String group) {
        String need = mapping.getProperty(group);
        return need == null || need.isBlank() ? OTHER : need.trim();
    }
}
