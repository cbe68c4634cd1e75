package org.tanghulu.api.definition;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param need the id of the {@link CatalogNeed} the portal lists the group under; any
 *        bundle's need, or {@code null} for "other" (since 1.1)
 * @param answers the answers to the need's {@link Question}s that lead to this group, by
 *        question id and {@link Choice} id; no two groups of a need may have the same
 *        answers; empty if the group is only listed (since 1.1)
 * @param keywords further words applicants search for the group by, in any language:
 *        synonyms and everyday phrasings the name does not contain ({@code 注册公司},
 *        {@code 办执照}, {@code register a company}); the portal's search also finds the
 *        group by its name, its need's heading, its matters' names and its description,
 *        so these need not repeat them; blank entries are dropped; empty if none
 *        (since 1.2)
 */
public record FunctionGroup(String id, int version, LocalizedText name, LocalizedText description,
        Set<ApplicantType> applicantTypes, List<String> matters, String need, Map<String, String> answers,
        List<String> keywords) {

    /** Normalises collections to unmodifiable ones. */
    public FunctionGroup {
        applicantTypes = applicantTypes == null || applicantTypes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(applicantTypes));
        matters = matters == null ? List.of() : List.copyOf(matters);
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        keywords = keywords == null ? List.of()
                : keywords.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
    }

    /** A group without {@link #keywords}: the 1.1 form. */
    public FunctionGroup(String id, int version, LocalizedText name, LocalizedText description,
            Set<ApplicantType> applicantTypes, List<String> matters, String need, Map<String, String> answers) {
        this(id, version, name, description, applicantTypes, matters, need, answers, null);
    }

    /** A group listed under no need, reached by no questions: the 1.0 form. */
    public FunctionGroup(String id, int version, LocalizedText name, LocalizedText description,
            Set<ApplicantType> applicantTypes, List<String> matters) {
        this(id, version, name, description, applicantTypes, matters, null, null, null);
    }
}
