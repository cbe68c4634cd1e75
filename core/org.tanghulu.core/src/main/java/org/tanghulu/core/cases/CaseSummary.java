package org.tanghulu.core.cases;

import java.time.Instant;

import org.tanghulu.api.definition.LocalizedText;

/**
 * One line of an applicant's list of cases ({@link Cases#casesOf(long)}): enough to show it and to
 * open it with {@link Cases#applicantView(String, String)}.
 *
 * @param trackingNumber the tracking number
 * @param accessKey the case's access key, for the applicant's calls on the case
 * @param group the function group's id
 * @param groupName the group's name
 * @param state where it stands
 * @param submitted when it was submitted
 * @param closed when it completed or was rejected, or {@code null}
 * @param correctionRequested whether a task waits for the applicant's correction (补证) now
 * @param rating the level of the applicant's rating (1 to 5), or {@code null} if not rated
 */
public record CaseSummary(String trackingNumber, String accessKey, String group, LocalizedText groupName,
        CaseState state, Instant submitted, Instant closed, boolean correctionRequested, Integer rating) {
}
