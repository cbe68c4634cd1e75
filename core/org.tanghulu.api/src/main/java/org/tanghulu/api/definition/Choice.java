package org.tanghulu.api.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer to a {@link Question}.
 *
 * @param id unique within the question; what {@link FunctionGroup#answers} and
 *        {@link Exclusion#answers} name
 * @param name the answer as shown; required
 * @param prefill values this answer gives the unified form, by data-element id (the
 *        enterprise type "股份有限公司（非上市）"); where two answers give the same element,
 *        the later question's wins; may be empty
 */
public record Choice(String id, LocalizedText name, Map<String, String> prefill) {

    /** Normalises the map to an unmodifiable one. */
    public Choice {
        prefill = prefill == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prefill));
    }
}
