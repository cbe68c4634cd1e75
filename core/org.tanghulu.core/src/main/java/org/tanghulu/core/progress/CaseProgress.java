package org.tanghulu.core.progress;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.events.RecordedCaseEvent;

/**
 * A case's progress as a whole, read-only, under the same access rules as {@link Cases}: an applicant
 * reaches a case with the key of {@link Cases#accessKey}, an officer one that has a task of one of his
 * departments, a supervisor every case. Each call is one short read transaction; thread-safe.
 */
@ProviderType
public interface CaseProgress {

    /**
     * @param trackingNumber the case
     * @param accessKey the applicant's key ({@link Cases#accessKey})
     * @return every matter of the case's function group in flow-chart order (step, then the chart's
     *         order within a step), with its stage and expected date ({@link MatterProgress})
     * @throws Refusal NOT_FOUND if no case matches the number and key
     */
    List<MatterProgress> matters(String trackingNumber, String accessKey);

    /**
     * @param trackingNumber the case
     * @param accessKey the applicant's key ({@link Cases#accessKey})
     * @return the case's events in order, typed, with their particulars (outputs, messages, fields)
     * @throws Refusal NOT_FOUND if no case matches the number and key
     */
    List<RecordedCaseEvent> history(String trackingNumber, String accessKey);

    /**
     * @param trackingNumber the case
     * @param actor an officer or supervisor
     * @return the case's events in order, typed; for an officer, the events of other departments'
     *         tasks without their particulars (no outputs, messages, fields, reasons)
     * @throws Refusal NOT_FOUND if the actor may not see the case
     */
    List<RecordedCaseEvent> history(String trackingNumber, Actor actor);

    /**
     * The applicants of cases, for work lists: one query for many cases.
     *
     * @param trackingNumbers the cases, at most a work list's worth
     * @param actor an officer or supervisor
     * @return the applicant's name (a person's or an enterprise's, as submitted) by tracking number, for
     *         the cases the actor may see; unknown numbers and cases he may not see are left out
     */
    Map<String, String> applicantNames(Set<String> trackingNumbers, Actor actor);
}
