package org.tanghulu.core.progress;

import java.time.LocalDate;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;

/**
 * One matter of a case's function group (at the version the case runs on), whether or not its task
 * exists yet.
 *
 * <p>The expected date is projected on the working-day calendar in force: a matter with an open task
 * is expected on its task's promised due date (never before today); a matter whose task is not created
 * yet starts when the last of the matters it waits for is expected to end (never before today) and is
 * expected {@code promisedDays} working days later ({@code WorkingCalendar#due}), exactly as the engine
 * will set its promised due date when it creates the task that day. A decided matter has its actual date.
 *
 * @param matter the matter
 * @param name the matter's name
 * @param department the department's id
 * @param departmentName the department's name
 * @param step the 1-based step of the group's flow chart in which it runs
 * @param stage where it stands
 * @param taskId its task's id, or {@code null} before the task exists
 * @param expected when it is expected to be done, or the day it was decided when {@code actual};
 *        {@code null} for a {@link Stage#CANCELLED} matter that never began
 * @param actual whether {@code expected} is the actual day of the decision rather than a projection
 */
public record MatterProgress(MatterKey matter, LocalizedText name, String department, LocalizedText departmentName,
        int step, Stage stage, Long taskId, LocalDate expected, boolean actual) {
}
