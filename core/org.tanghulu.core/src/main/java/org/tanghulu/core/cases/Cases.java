package org.tanghulu.core.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.tanghulu.core.Refusal;

/**
 * Submits cases and drives them through their departments' tasks. Every method either
 * does all it says, committed to the database, or throws a {@link Refusal} and
 * changes nothing. Safe to call from any thread and from several platform nodes.
 *
 * <p>Applicants reach their case by tracking number and access key; staff by an
 * {@link Actor}, seeing only their departments' tasks unless they are supervisors.
 */
@ProviderType
public interface Cases {

    /**
     * Validates every field and, if all is well, commits the case with its first tasks
     * before returning its tracking number. A submission key seen before returns the
     * earlier case's receipt and creates nothing.
     *
     * @throws Refusal INVALID with every field's problem at once; UNAVAILABLE if
     *         the group cannot take new cases now; NOT_FOUND if there is no such group
     */
    Receipt submit(Submission submission);

    /**
     * Confirms a result the applicant already holds with the issuing department's system, before
     * submitting: the confirmation's outputs and values prefill the form. {@link #submit} confirms
     * it again; nothing is stored here.
     *
     * @param group the function group applied for
     * @param held the result held
     * @return the department's verdict: confirmed with outputs and values, or refused with the reason
     * @throws Refusal NOT_FOUND if there is no such group; INVALID if the matter is not one of the
     *         group's, or not one whose results its department can confirm, or the reference or
     *         holder is missing or malformed
     */
    ResultVerifier.Confirmation verifyHeld(String group, HeldResult held);

    /**
     * @param group a function group
     * @return the group's matters, in step order, whose results an applicant may enter instead of
     *         applying (see {@link HeldResult}); empty when none can be confirmed now
     * @throws Refusal NOT_FOUND if there is no such group
     */
    List<org.tanghulu.api.definition.MatterKey> reusable(String group);

    /**
     * @return the case, for its applicant
     * @throws Refusal NOT_FOUND if there is no such case or the key is wrong
     */
    CaseView applicantView(String trackingNumber, String accessKey);

    /**
     * @return the case, for staff whose departments have a task on it, or supervisors
     * @throws Refusal NOT_FOUND if there is no such case or the actor may not see it
     */
    CaseView staffView(String trackingNumber, Actor actor);

    /**
     * @param trackingNumber the case
     * @param accessKey the applicant's key, or {@code null} when {@code actor} is given
     * @param actor the member of staff asking, or {@code null} when the applicant asks
     * @return the case's events, oldest first
     * @throws Refusal NOT_FOUND as for the views
     */
    List<CaseEvent> events(String trackingNumber, String accessKey, Actor actor);

    /**
     * The applicant answers the case's one open correction request (补正) at once. Requests by
     * several tasks (of any departments) that are waiting together form that one request: every
     * task in {@link TaskState#CORRECTION}. The answer may change only the fields and hand in only
     * the materials those tasks asked for; the values are validated like a submission and merged
     * into the case's data, and every asking task returns to its officer with the clock running
     * again. An already {@link TaskState#APPROVED approved} task whose matter uses a field whose
     * value the answer changed goes back to its department for review: it is
     * {@link TaskState#READY} again, with {@link TaskView#reviewFields()} naming the changed
     * fields and a {@code REVIEW_REOPENED} event.
     *
     * @param values corrected values by data-element id, only of fields asked for
     * @param materials materials handed in now, only of those asked for
     * @param message the applicant's note to the officers; may be {@code null}
     * @return the case after the answer
     * @throws Refusal NOT_FOUND if there is no such case or the key is wrong; INVALID (a field or
     *         material not asked for, a wrong value), nothing changed; CONFLICT if no correction is
     *         waiting
     * @since 2.2
     */
    CaseView answerCorrections(String trackingNumber, String accessKey, Map<String, String> values,
            Set<String> materials, String message);

    /**
     * The applicant answers a correction request naming one of its tasks: the same as
     * {@link #answerCorrections}, which answers every task the open request joins, once the task
     * is found waiting for a correction.
     *
     * @param values corrected values by data-element id
     * @param materials materials handed in now
     * @param message the applicant's note to the officer; may be {@code null}
     * @throws Refusal NOT_FOUND, INVALID, CONFLICT if the task is not waiting for a correction
     */
    CaseView answerCorrection(String trackingNumber, String accessKey, long taskId, Map<String, String> values,
            Set<String> materials, String message);

    /**
     * The applicant supplies a material the case waits for ({@link CaseView#waits()}): a minor one
     * promised at submission (容缺) or one asked at its step. It joins the case's materials, and every
     * task {@link TaskState#WAITING} for nothing else becomes {@link TaskState#READY}, its time limits
     * counted from today. A declaration for now, like the materials ticked at submission.
     *
     * @param material the material's id
     * @throws Refusal NOT_FOUND (no such case, or it does not wait for the material), INVALID (no
     *         material given), CONFLICT (already supplied, or the case is closed)
     * @since 2.2
     */
    CaseView supplyMaterial(String trackingNumber, String accessKey, String material);

    /**
     * @param department the department whose work is listed
     * @param actor who asks; must be allowed to see the department (supervisors see every one)
     * @param includeClosed whether decided tasks are listed too
     * @return the department's tasks, open ones by promised due date first
     * @throws Refusal FORBIDDEN if the actor may not see the department
     */
    List<TaskView> workList(String department, Actor actor, boolean includeClosed);

    /**
     * @return the task, for staff allowed to see its department
     * @throws Refusal NOT_FOUND
     */
    TaskView task(long taskId, Actor actor);

    /**
     * Claims a ready task for the actor.
     *
     * @throws Refusal NOT_FOUND, FORBIDDEN, CONFLICT if it is not ready,
     *         UNAVAILABLE if its department is not installed now
     */
    TaskView claim(long taskId, Actor actor);

    /**
     * Gives back a task the actor claimed and has not decided: it is READY again, for anyone of its
     * department (event {@code RELEASED}). A department's system gives back a task whose decision the
     * platform refused, so that an officer can take it on the desk.
     *
     * @throws Refusal NOT_FOUND, FORBIDDEN, CONFLICT if the actor has not claimed it (or it is decided)
     * @since 2.1
     */
    TaskView release(long taskId, Actor actor);

    /**
     * Decides a task the actor has claimed. Of concurrent decisions on one task exactly
     * one wins; the others get CONFLICT and change nothing. Approving the last open
     * task of a step creates the next step's tasks, with this task's outputs as data.
     *
     * @throws Refusal NOT_FOUND, FORBIDDEN, CONFLICT, INVALID (missing or wrong
     *         outputs, missing message), UNAVAILABLE if the department is not installed now
     */
    TaskView decide(long taskId, Actor actor, Decision decision);

    /**
     * @param day the day to judge by (today, normally)
     * @return the open tasks past their promised due date on {@code day}, most overdue first
     */
    List<TaskView> overdue(LocalDate day);

    /**
     * @param owner an applicant's account id
     * @return the owner's cases, newest first, at most 1000
     */
    List<CaseSummary> casesOf(long owner);

    /**
     * @param trackingNumber the case
     * @param owner the account asking
     * @return the case's access key, for the existing applicant calls
     * @throws Refusal NOT_FOUND if there is no such case or {@code owner} does not own it;
     *         the two are not told apart
     */
    String accessKey(String trackingNumber, long owner);

    /**
     * The applicant rates a closed case (好差评), once.
     *
     * @param level from {@link Rating#LOWEST} (1, 非常不满意) to {@link Rating#HIGHEST} (5, 非常满意)
     * @param comment the applicant's words, at most {@link Rating#MAX_COMMENT} characters; may be
     *        {@code null} or blank
     * @return the case with its rating
     * @throws Refusal NOT_FOUND if there is no such case or the key is wrong; INVALID (fields
     *         {@code level}, {@code comment}); CONFLICT if the case is still open or already rated
     */
    CaseView rate(String trackingNumber, String accessKey, int level, String comment);

    /**
     * The applicant rates one department step (好差评) once its task is decided
     * ({@link TaskState#APPROVED} or {@link TaskState#REJECTED}), once per task. The department's
     * {@link #statistics} count these ratings.
     *
     * @param taskId the task, one of the case's
     * @param level from {@link Rating#LOWEST} to {@link Rating#HIGHEST}
     * @param comment at most {@link Rating#MAX_COMMENT} characters; may be {@code null} or blank
     * @return the case, the task with its {@link TaskView#rating()}
     * @throws Refusal NOT_FOUND if there is no such case or task or the key is wrong; INVALID
     *         (fields {@code level}, {@code comment}); CONFLICT if the task is not decided or
     *         already rated
     * @since 2.2
     */
    CaseView rateTask(String trackingNumber, String accessKey, long taskId, int level, String comment);

    /**
     * Records an act of the comprehensive window as an event of the case, for the window capability,
     * which has checked who may act and keeps its own record of the act. Idempotent: each kind of
     * act is recorded once per case, and recording it again (a retry after a crash between the
     * window's commit and this call) answers the position of the event recorded before and writes
     * nothing. The event's time is the engine's clock at recording.
     *
     * @param trackingNumber the case
     * @param act what the window did
     * @return the position of the act's event in the case event log
     * @throws Refusal NOT_FOUND if there is no such case; INVALID if the act lacks its actor or
     *         receipt number; CONFLICT for a hand-over or a confirmation of a case not completed
     * @since 2.3
     */
    long recordWindowAct(String trackingNumber, WindowAct act);

    /**
     * Each department's work in numbers, for supervisors.
     *
     * @param actor who asks; must be a supervisor
     * @param day the day overdue tasks are judged by (today, normally)
     * @return one entry per department that has ever had a task, by department id
     * @throws Refusal FORBIDDEN unless {@link Actor#supervisor()}
     */
    List<DepartmentStatistics> statistics(Actor actor, LocalDate day);
}
