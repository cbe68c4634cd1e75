package org.tanghulu.api.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A combination of answers that no group of a {@link CatalogNeed} serves, and why
 * ("a sole proprietorship cannot be recognised as a high-tech enterprise").
 *
 * @param answers the answers, by question id and choice id; a combination matches when
 *        it contains them all; at least one
 * @param reason the explanation shown to the applicant; required
 */
public record Exclusion(Map<String, String> answers, LocalizedText reason) {

    /** Normalises the map to an unmodifiable one. */
    public Exclusion {
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }
}
