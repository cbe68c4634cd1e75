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
 */
public record TaskView(long id, String trackingNumber, MatterKey matter, LocalizedText matterName, TaskState state,
        String assignee, Instant created, LocalDate promisedDue, LocalDate statutoryDue, int pausedDays,
        boolean overdue, String message, List<String> correctionFields, Map<String, String> outputs,
        boolean departmentPresent) {

    /** Normalises collections to unmodifiable ones. */
    public TaskView {
        correctionFields = List.copyOf(correctionFields);
        outputs = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(outputs));
    }
}
