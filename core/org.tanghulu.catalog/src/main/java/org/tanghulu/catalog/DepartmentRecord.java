package org.tanghulu.catalog;

import java.time.Instant;
import java.util.List;

import org.tanghulu.api.definition.LocalizedText;

/**
 * A department as last recorded in the database.
 *
 * @param id the department id
 * @param name its name when last seen; {@code null} if never read
 * @param state its last state
 * @param problems why it was refused, if it was
 * @param bundle the bundle that last registered it
 * @param firstSeen when the platform first saw it
 * @param lastChanged when its state last changed
 */
public record DepartmentRecord(String id, LocalizedText name, DepartmentState state, List<String> problems,
        String bundle, Instant firstSeen, Instant lastChanged) {

    /** Normalises {@code problems} to an unmodifiable list. */
    public DepartmentRecord {
        problems = List.copyOf(problems);
    }
}
