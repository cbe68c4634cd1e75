package org.tanghulu.core.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;

/**
 * One department's task on a case.
 *
 * @param id the task's id
 * @param trackingNumber its case's tracking number
 * @param matter the matter
 * @param matterName the matter's name
 * @param state where it stands
 * @param assignee the officer who claimed it, or {@code null}
 * @param created when it became ready
 * @param promisedDue the last working day of the promised time limit, moved by pauses
 * @param statutoryDue the last working day of the statutory time limit, moved by pauses
 * @param pausedDays working days the clock has been paused for corrections
 * @param overdue whether it is open, not paused, and past its promised due date
 * @param message the correction request or rejection reason, or {@code null}
 * @param correctionFields the fields a correction request names
 * @param outputs the outputs given on approval
 * @param departmentPresent whether the department is installed and active, so that
 *        the task can be decided now; a task of an absent department waits
 * @param correctionMaterials the materials a correction request asks to hand in (since 2.2)
 * @param reviewFields when the task had been approved and a correction answer then changed data
 *        its matter uses, the changed fields: it was sent back to its department for review
 *        (state {@link TaskState#READY} again) and this stays until it is decided again; else
 *        empty (since 2.2)
 * @param rating the applicant's rating of this department step (好差评), or {@code null} until
 *        rated (since 2.2)
 */
public record TaskView(long id, String trackingNumber, MatterKey matter, LocalizedText matterName, TaskState state,
        String assignee, Instant created, LocalDate promisedDue, LocalDate statutoryDue, int pausedDays,
        boolean overdue, String message, List<String> correctionFields, Map<String, String> outputs,
        boolean departmentPresent, List<String> correctionMaterials, List<String> reviewFields, Rating rating) {

    /** Normalises collections to unmodifiable ones. */
    public TaskView {
        correctionFields = List.copyOf(correctionFields);
        correctionMaterials = correctionMaterials == null ? List.of() : List.copyOf(correctionMaterials);
        reviewFields = reviewFields == null ? List.of() : List.copyOf(reviewFields);
        outputs = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(outputs));
    }

    /** A task as before 2.2: no materials asked, not under review, not rated. */
    public TaskView(long id, String trackingNumber, MatterKey matter, LocalizedText matterName, TaskState state,
            String assignee, Instant created, LocalDate promisedDue, LocalDate statutoryDue, int pausedDays,
            boolean overdue, String message, List<String> correctionFields, Map<String, String> outputs,
            boolean departmentPresent) {
        this(id, trackingNumber, matter, matterName, state, assignee, created, promisedDue, statutoryDue, pausedDays,
                overdue, message, correctionFields, outputs, departmentPresent, List.of(), List.of(), null);
    }
}
