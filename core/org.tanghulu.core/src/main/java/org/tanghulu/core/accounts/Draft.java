package org.tanghulu.core.accounts;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What an applicant has typed so far into one function group's unified form, kept unchecked
 * until the case is submitted.
 *
 * @param group the function group's id
 * @param values the values typed, by data-element id
 * @param materials the ids of the materials marked as at hand
 * @param saved when it was last saved
 */
public record Draft(String group, Map<String, String> values, Set<String> materials, Instant saved) {

    /** Normalises collections to unmodifiable ones. */
    public Draft {
        values = values == null ? Map.of() : Map.copyOf(values);
        materials = materials == null ? Set.of() : Set.copyOf(materials);
    }
}
