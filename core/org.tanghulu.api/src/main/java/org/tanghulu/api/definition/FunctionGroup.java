package org.tanghulu.api.definition;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A function group (功能群): one thing an applicant wants done ("set up a high-tech
 * limited company"), served by matters of several departments. The order of work is
 * not written here: it follows from the matters' predecessors, so serial and parallel
 * steps are derived, never restated.
 *
 * @param id unique on the platform (e.g. {@code enterprise-establishment})
 * @param version increases with every change; a running case keeps the version it
 *        started with; positive
 * @param name what the applicant looks for; required
 * @param description one or two sentences for the catalog
 * @param applicantTypes who may apply; at least one
 * @param matters the matters the group runs, as {@code department/matter}; at least one
 */
public record FunctionGroup(String id, int version, LocalizedText name, LocalizedText description,
        Set<ApplicantType> applicantTypes, List<String> matters) {

    /** Normalises collections to unmodifiable ones. */
    public FunctionGroup {
        applicantTypes = applicantTypes == null || applicantTypes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(applicantTypes));
        matters = matters == null ? List.of() : List.copyOf(matters);
    }
}
