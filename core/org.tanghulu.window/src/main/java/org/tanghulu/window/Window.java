package org.tanghulu.window;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tanghulu.core.cases.Actor;

/**
 * The comprehensive window's records (see the package documentation). Every method is its own
 * transaction; a method that records something has committed it when it returns. Safe from any
 * thread and on every platform node (the records live in the platform's database).
 */
@ProviderType
public interface Window {

    /** The most lines a work list returns. */
    int MAX_LIST = 200;

    /**
     * A window work list, newest first.
     *
     * @param clerk a window clerk
     * @param phase {@link Phase#ACCEPTANCE} (submitted, originals not checked) or {@link Phase#READY}
     *        (completed, not handed over)
     * @param query a tracking number or part of one to look for (case-insensitive), or {@code null} for all
     * @return at most {@link #MAX_LIST} lines
     * @throws WindowRefusal NOT_A_CLERK
     */
    List<WindowItem> workList(Actor clerk, Phase phase, String query);

    /**
     * @return the case at the window, for a window clerk
     * @throws WindowRefusal NOT_A_CLERK, UNKNOWN_CASE
     */
    WindowCase open(String trackingNumber, Actor clerk);

    /**
     * Records the originals' check at acceptance: one finding for every declared material.
     *
     * @return the case with the findings
     * @throws WindowRefusal NOT_A_CLERK, UNKNOWN_CASE, ALREADY_CHECKED, NOT_IN_ACCEPTANCE, MATERIALS_WRONG,
     *         REASON_MISSING
     */
    WindowCase check(String trackingNumber, Actor clerk, List<OriginalCheck> checks);

    /**
     * Records the hand-over of a completed case's certificates and makes its receipt. The request is checked
     * first, then the case's state.
     *
     * @return the case with its {@link WindowCase#handOver()}
     * @throws WindowRefusal NOT_A_CLERK, UNKNOWN_CASE, NOT_FINISHED, ALREADY_HANDED_OVER, RECIPIENT_MISSING,
     *         ID_NUMBER_WRONG
     */
    WindowCase handOver(String trackingNumber, Actor clerk, HandOverRequest request);

    /**
     * The window's record for an officer with a task on the case or a supervisor (the case engine's
     * rules decide who may read the case).
     *
     * @throws org.tanghulu.core.Refusal NOT_FOUND or FORBIDDEN as the case engine answers; UNKNOWN_CASE if the
     *         window does not know the case (yet)
     */
    WindowCase forStaff(String trackingNumber, Actor actor);

    /**
     * The window's record for the applicant, who holds the case's access key.
     *
     * @throws org.tanghulu.core.Refusal NOT_FOUND if the key does not open the case; UNKNOWN_CASE as above
     */
    WindowCase forApplicant(String trackingNumber, String accessKey);

    /**
     * The applicant confirms receipt of the certificates.
     *
     * @throws org.tanghulu.core.Refusal NOT_FOUND if the key does not open the case; WindowRefusal
     *         NOT_HANDED_OVER, ALREADY_CONFIRMED
     */
    WindowCase confirm(String trackingNumber, String accessKey);
}
