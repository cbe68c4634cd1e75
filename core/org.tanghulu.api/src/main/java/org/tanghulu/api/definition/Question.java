package org.tanghulu.api.definition;

import java.util.List;

/**
 * A question of a {@link CatalogNeed} ("what kind of entity?").
 *
 * @param id unique within the need
 * @param name the question as asked; required
 * @param help what the choices mean, in a sentence or two
 * @param choices the possible answers; at least two
 */
public record Question(String id, LocalizedText name, LocalizedText help, List<Choice> choices) {

    /** Normalises the list to an unmodifiable one. */
    public Question {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
