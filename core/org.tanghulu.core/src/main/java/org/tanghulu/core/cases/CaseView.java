package org.tanghulu.core.cases;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.LocalizedText;

/**
 * A case as its applicant (or a member of staff allowed to) sees it.
 *
 * @param trackingNumber the tracking number
 * @param group the function group's id
 * @param groupVersion the group version the case runs on, whatever newer versions appear
 * @param groupName the group's name
 * @param state where it stands
 * @param applicantType who applied
 * @param applicantName the applicant's name
 * @param submitted when it was submitted
 * @param closed when it completed or was rejected, or {@code null}
 * @param values the case's data: the submitted values and every approved task's outputs
 * @param materials the materials handed in
 * @param tasks its tasks in order of creation
 * @param rating the applicant's rating (好差评) of the closed case, or {@code null} until rated
 * @param waits the materials the case waits or waited for from the applicant (since 2.2)
 */
public record CaseView(String trackingNumber, String group, int groupVersion, LocalizedText groupName, CaseState state,
        ApplicantType applicantType, String applicantName, Instant submitted, Instant closed,
        Map<String, String> values, Set<String> materials, List<TaskView> tasks, Rating rating,
        List<MaterialWait> waits) {

    /** Normalises collections to unmodifiable ones; values sorted by id and materials by id, the same on every run. */
    public CaseView {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        materials = Collections.unmodifiableSortedSet(new TreeSet<>(materials));
        tasks = List.copyOf(tasks);
        waits = waits == null ? List.of() : List.copyOf(waits);
    }

    /** A view without material waits (the 2.1 constructor). */
    public CaseView(String trackingNumber, String group, int groupVersion, LocalizedText groupName, CaseState state,
            ApplicantType applicantType, String applicantName, Instant submitted, Instant closed,
            Map<String, String> values, Set<String> materials, List<TaskView> tasks, Rating rating) {
        this(trackingNumber, group, groupVersion, groupName, state, applicantType, applicantName, submitted, closed,
                values, materials, tasks, rating, null);
    }
}
