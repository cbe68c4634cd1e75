package org.tanghulu.core.cases.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tanghulu.api.definition.MatterKey;

import org.tanghulu.core.cases.TaskState;

/**
 * One committed event of the case event log; one record type per kind of event. Every event
 * has its log {@link #position()}, the {@link #at() time} it happened, who did it
 * ({@link #actor()}) and the {@link #caseRef() case}; the rest is the kind's own payload, as it
 * was when the event was written.
 *
 * <p>Collections in payloads are unmodifiable and never {@code null}; a text that was not given is
 * {@code null}. New kinds may come in a minor version: ignore kinds you do not know.
 */
public sealed interface RecordedCaseEvent {

    /** @return the event's position in the log; increases with every event on the platform */
    long position();

    /** @return when the event happened, by the platform's clock */
    Instant at();

    /** @return who: an officer's login, {@code applicant} or {@code platform} */
    String actor();

    /** @return the case */
    CaseRef caseRef();

    /**
     * @return the event's type as the log and the case history name it, e.g. {@code SUBMITTED};
     *         a task's rejection and the case's are both {@code REJECTED}
     */
    String type();

    /** @return the case's internal id */
    default long caseId() {
        return caseRef().id();
    }

    /** @return the case's tracking number */
    default String trackingNumber() {
        return caseRef().trackingNumber();
    }

    /** The application was accepted: the case exists, its first tasks follow. */
    record Submitted(long position, Instant at, String actor, CaseRef caseRef) implements RecordedCaseEvent {
        @Override
        public String type() {
            return "SUBMITTED";
        }
    }

    /**
     * A task was created, ready to be claimed.
     *
     * @param promisedDue the day it is promised by, in working days from its creation
     * @param statutoryDue the day the law's limit ends
     */
    record TaskCreated(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, LocalDate promisedDue,
            LocalDate statutoryDue) implements RecordedCaseEvent {
        @Override
        public String type() {
            return "TASK_CREATED";
        }
    }

    /** An officer (the {@link #actor()}) claimed a task. */
    record TaskClaimed(long position, Instant at, String actor, CaseRef caseRef, TaskRef task) implements RecordedCaseEvent {
        @Override
        public String type() {
            return "CLAIMED";
        }
    }

    /**
     * The officer who had claimed a task (the {@link #actor()}) put it back, ready for another.
     *
     * @since 1.2
     */
    record TaskReleased(long position, Instant at, String actor, CaseRef caseRef, TaskRef task) implements RecordedCaseEvent {
        @Override
        public String type() {
            return "RELEASED";
        }
    }

    /**
     * An officer approved a task.
     *
     * @param outputs the task's results by data element (licence numbers and the like)
     * @param message the officer's note, or {@code null}
     */
    record TaskApproved(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, Map<String, String> outputs,
            String message) implements RecordedCaseEvent {
        public TaskApproved {
            outputs = Map.copyOf(outputs);
        }

        @Override
        public String type() {
            return "APPROVED";
        }
    }

    /**
     * A matter done before the case began: the applicant held its result and the department's
     * system confirmed it ({@link org.tanghulu.core.cases.HeldResult}); the task is
     * {@link org.tanghulu.core.cases.TaskState#REUSED}.
     *
     * @param reference the number on the held result
     * @param outputs the outputs the department's system gave, by data element
     */
    record TaskReused(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, String reference,
            Map<String, String> outputs) implements RecordedCaseEvent {
        public TaskReused {
            outputs = Map.copyOf(outputs);
        }

        @Override
        public String type() {
            return "REUSED";
        }
    }

    /**
     * An officer rejected a task; a {@link CaseRejected} and the other open tasks'
     * {@link TaskCancelled} follow in the same transaction.
     *
     * @param reason the officer's reason, which the applicant reads
     */
    record TaskRejected(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, String reason)
            implements RecordedCaseEvent {
        @Override
        public String type() {
            return "REJECTED";
        }
    }

    /**
     * An open task was closed because another task of the case was rejected.
     *
     * @param before the state it had
     */
    record TaskCancelled(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, TaskState before)
            implements RecordedCaseEvent {
        @Override
        public String type() {
            return "CANCELLED";
        }
    }

    /**
     * An officer asked the applicant for a correction (补正); the task's clock is paused.
     *
     * @param message what is wrong and what to correct or hand in, as the officer wrote it
     * @param fields the form's fields (data element ids) to correct; may be empty
     * @param pausedFrom the day the clock stopped
     * @param materials the materials (ids) to hand in; empty when none were asked for, and for requests
     *        recorded before 1.4 when they were not kept (since 1.4)
     */
    record CorrectionRequested(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, String message,
            List<String> fields, LocalDate pausedFrom, List<String> materials) implements RecordedCaseEvent {
        public CorrectionRequested {
            fields = List.copyOf(fields);
            materials = materials == null ? List.of() : List.copyOf(materials);
        }

        /** A request that asks for no materials (the 1.3 constructor). */
        public CorrectionRequested(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, String message,
                List<String> fields, LocalDate pausedFrom) {
            this(position, at, actor, caseRef, task, message, fields, pausedFrom, List.of());
        }

        @Override
        public String type() {
            return "CORRECTION_REQUESTED";
        }
    }

    /**
     * The applicant answered a correction request; the task is open again.
     *
     * @param corrected the fields whose values the applicant gave
     * @param handedIn the materials the applicant handed in with the answer
     * @param pausedDays the working days the clock was paused for
     * @param promisedDue the task's promised day, moved by the pause
     * @param note the applicant's note, or {@code null}
     */
    record CorrectionAnswered(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, Set<String> corrected,
            Set<String> handedIn, int pausedDays, LocalDate promisedDue, String note) implements RecordedCaseEvent {
        public CorrectionAnswered {
            corrected = Set.copyOf(corrected);
            handedIn = Set.copyOf(handedIn);
        }

        @Override
        public String type() {
            return "CORRECTION_ANSWERED";
        }
    }

    /**
     * A department's own check of the application could not run (the department failed or took
     * too long); the officer checks by hand.
     *
     * @param task the task whose correction was being checked, or {@code null} at submission
     * @param failure what went wrong, beginning with the department's id
     */
    record DepartmentCheckFailed(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, String failure)
            implements RecordedCaseEvent {
        @Override
        public String type() {
            return "DEPARTMENT_CHECK_FAILED";
        }
    }

    /** Every matter of the case was approved: the case is closed, completed. */
    record CaseCompleted(long position, Instant at, String actor, CaseRef caseRef) implements RecordedCaseEvent {
        @Override
        public String type() {
            return "COMPLETED";
        }
    }

    /**
     * A task's rejection closed the case.
     *
     * @param rejectedTask the task that was rejected, or {@code null} if it is not known (events
     *        written before this API)
     * @param reason the officer's reason, which the applicant reads
     */
    record CaseRejected(long position, Instant at, String actor, CaseRef caseRef, TaskRef rejectedTask, String reason)
            implements RecordedCaseEvent {
        @Override
        public String type() {
            return "REJECTED";
        }
    }

    /**
     * The applicant rated the closed case (once per case).
     *
     * @param level from 1 (very dissatisfied) to 5 (very satisfied)
     * @param comment the applicant's comment, or {@code null}
     */
    record Rated(long position, Instant at, String actor, CaseRef caseRef, int level, String comment)
            implements RecordedCaseEvent {
        @Override
        public String type() {
            return "RATED";
        }
    }

    /**
     * An approved task went back to its department for review: a correction answer changed data
     * its matter uses (since 1.2).
     *
     * @param fields the changed fields (data element ids) that the matter uses
     * @param reason why, as recorded on the task's case (in Chinese and English)
     */
    record TaskReopened(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, List<String> fields,
            String reason) implements RecordedCaseEvent {
        public TaskReopened {
            fields = List.copyOf(fields);
        }

        @Override
        public String type() {
            return "REVIEW_REOPENED";
        }
    }

    /**
     * The applicant rated one decided department step (once per task, since 1.2).
     *
     * @param level from 1 (very dissatisfied) to 5 (very satisfied)
     * @param comment the applicant's comment, or {@code null}
     */
    record TaskRated(long position, Instant at, String actor, CaseRef caseRef, TaskRef task, int level, String comment)
            implements RecordedCaseEvent {
        @Override
        public String type() {
            return "TASK_RATED";
        }
    }

    /**
     * The applicant is reminded of a minor material promised at submission (容缺受理) and still not
     * supplied: its deadline is a few working days away or past. Written once per case and material,
     * by whichever platform node claimed it (since 1.3).
     *
     * @param material the material's id
     * @param matter the first matter that needs it
     * @param due the last working day to supply it
     */
    record MaterialReminder(long position, Instant at, String actor, CaseRef caseRef, String material, MatterKey matter,
            LocalDate due) implements RecordedCaseEvent {
        @Override
        public String type() {
            return "MATERIAL_REMINDER";
        }
    }

    /**
     * The window clerk (the {@link #actor()}) checked the originals against the materials the applicant
     * declared (核验原件), at acceptance. Once per case (since 1.4).
     *
     * @param matching the materials whose originals match
     * @param mismatched the materials whose originals do not match, each with the clerk's reason
     * @param notPresented the materials whose originals were not presented
     */
    record OriginalsChecked(long position, Instant at, String actor, CaseRef caseRef, List<String> matching,
            Map<String, String> mismatched, List<String> notPresented) implements RecordedCaseEvent {
        public OriginalsChecked {
            matching = List.copyOf(matching);
            mismatched = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(mismatched));
            notPresented = List.copyOf(notPresented);
        }

        @Override
        public String type() {
            return "ORIGINALS_CHECKED";
        }
    }

    /**
     * The window clerk (the {@link #actor()}) handed the completed case's certificates over (一窗出件).
     * Once per case (since 1.4).
     *
     * @param receiptNumber the hand-over receipt's number (回执)
     * @param recipient who took the certificates
     * @param signedOnPaper whether the recipient signed the paper receipt, which confirms receipt
     */
    record CertificatesHandedOver(long position, Instant at, String actor, CaseRef caseRef, String receiptNumber,
            String recipient, boolean signedOnPaper) implements RecordedCaseEvent {
        @Override
        public String type() {
            return "CERTIFICATES_HANDED_OVER";
        }
    }

    /**
     * The applicant confirmed receipt of the certificates on the portal. Once per case (since 1.4).
     *
     * @param receiptNumber the hand-over receipt's number
     */
    record ReceiptConfirmed(long position, Instant at, String actor, CaseRef caseRef, String receiptNumber)
            implements RecordedCaseEvent {
        @Override
        public String type() {
            return "RECEIPT_CONFIRMED";
        }
    }
}
