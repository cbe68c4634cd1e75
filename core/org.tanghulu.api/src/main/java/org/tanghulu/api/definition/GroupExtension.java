package org.tanghulu.api.definition;

import java.util.List;

/**
 * Matters a bundle adds to another bundle's {@link FunctionGroup} (a district's own
 * environmental check added to company establishment), so that the group's owner need
 * not release a new version for it.
 *
 * <p>The platform checks an extension like a group: every matter must be defined by an
 * active department, the extended group's matters must not wait for each other in a
 * cycle, and the matters' data elements must be defined. A refused extension leaves the
 * group as it was. While an extension applies, the group runs with its matters added, at
 * a version of its own; a case keeps the version it started on. When the extension
 * leaves (its bundle is uninstalled), new cases get the group without its matters, and
 * running cases wait at those matters as they wait for any absent department.
 *
 * @param id unique on the platform (e.g. {@code epb-environmental-check})
 * @param version increases with every change of the extension; positive
 * @param group the id of the extended group
 * @param matters the matters added, as {@code department/matter}; at least one; their
 *        place in the group's flow follows from their predecessors and data, as for any
 *        matter of a group
 */
public record GroupExtension(String id, int version, String group, List<String> matters) {

    /** Normalises the list to an unmodifiable one. */
    public GroupExtension {
        matters = matters == null ? List.of() : List.copyOf(matters);
    }
}
