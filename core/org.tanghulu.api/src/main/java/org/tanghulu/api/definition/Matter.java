package org.tanghulu.api.definition;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One department's service item (事项), stated so that it is "clear" in the seeds'
 * five-clears sense: what it is, on which legal basis, for whom, with which materials,
 * after which other matters, within which time limits.
 *
 * @param id unique within the department (e.g. {@code business-licence})
 * @param name what the applicant sees; required
 * @param legalBasis the laws and regulations the matter rests on, by their official
 *        names; at least one
 * @param applicantTypes who may apply; at least one
 * @param materials documents the applicant hands in; at least one
 * @param forms the department's own forms for the matter (its "legacy" forms); their
 *        items are the data elements the matter needs, each defined by the platform's
 *        dictionary or the department; at least one
 * @param outputs ids of the data elements the matter produces when approved (a licence
 *        number, an organization code); later matters may ask for them, and the officer
 *        approving the matter must give them
 * @param certificates the documents the matter issues when approved (the business
 *        licence); a later matter of the same function group that lists one of them
 *        among its materials gets it from the platform, not from the applicant
 * @param predecessors matters that must be done first, as {@link MatterKey} references
 *        ({@code matter} within the department, {@code department/matter} across);
 *        no cycles
 * @param statutoryDays the time limit the law allows, in working days; positive, or
 *        {@code 0} for a matter the law requires done on the spot
 * @param promisedDays the time limit the department promises, in working days; not
 *        above {@code statutoryDays}; {@code 0} for a same-day matter (即办件), due by the
 *        end of the working day it becomes ready (the next working day's end if it
 *        becomes ready on a day off)
 */
public record Matter(String id, LocalizedText name, List<String> legalBasis, Set<ApplicantType> applicantTypes,
        List<Material> materials, List<LegacyForm> forms, List<String> outputs, List<Material> certificates,
        List<String> predecessors, int statutoryDays, int promisedDays) {

    /** Normalises collections to unmodifiable ones. */
    public Matter {
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        applicantTypes = applicantTypes == null || applicantTypes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(applicantTypes));
        materials = materials == null ? List.of() : List.copyOf(materials);
        forms = forms == null ? List.of() : List.copyOf(forms);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
    }

    /** @return the data elements the matter needs: the items of its forms, each once, in order of first appearance */
    public List<String> dataElements() {
        return forms.stream().flatMap(f -> f.items().stream()).distinct().toList();
    }
}
