package org.tanghulu.api.definition;

import java.util.List;

/**
 * One of a department's own paper or web forms for a matter, as it was before the
 * unified form: the redundancy report counts these forms and their items, and the
 * unified form asks each of their data elements once.
 *
 * @param id unique within the matter (e.g. {@code company-registration-application})
 * @param name the form's official title; required
 * @param items the ids of the data elements the form asks, in its order; an element
 *        may appear on several forms (that is the redundancy the platform removes)
 */
public record LegacyForm(String id, LocalizedText name, List<String> items) {

    /** Normalises {@code items} to an unmodifiable list. */
    public LegacyForm {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
