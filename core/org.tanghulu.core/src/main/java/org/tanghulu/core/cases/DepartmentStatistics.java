package org.tanghulu.core.cases;

import java.util.List;

import org.tanghulu.api.definition.LocalizedText;

/**
 * One department's work for supervisors ({@link Cases#statistics(Actor, java.time.LocalDate)}),
 * over every task the platform has recorded.
 *
 * @param department the department's id
 * @param name its name while installed, else its id in both languages
 * @param open tasks waiting for a decision: {@link TaskState#READY}, {@link TaskState#CLAIMED}
 *        and {@link TaskState#CORRECTION}
 * @param done tasks {@link TaskState#APPROVED} or {@link TaskState#REJECTED}
 * @param overdue open tasks not waiting for the applicant and past their promised due date on the
 *        day asked about, as {@link Cases#overdue(java.time.LocalDate)} judges
 * @param corrections tasks that ever had a correction requested (补证), open or done
 * @param averageHandlingDays over the done tasks: the mean of the working days from creation to
 *        decision, less the working days paused for corrections; 0 if none is done
 * @param averagePromisedDays over the same tasks: the mean promised time limit of their matters,
 *        in working days, so that the two averages compare; 0 if none is done
 * @param ratings the applicant's ratings of this department's own steps (one per rated task,
 *        {@link Cases#rateTask}); ratings of whole cases ({@link Cases#rate}) are not counted
 *        against any department (since 2.2; before, a case rating counted for every department
 *        of the case)
 * @param averageRating the mean level of those ratings; 0 if there are none
 * @param ratingCounts five counts of those ratings: index 0 is level 1 (非常不满意) … index 4 is
 *        level 5 (非常满意)
 */
public record DepartmentStatistics(String department, LocalizedText name, long open, long done, long overdue,
        long corrections, double averageHandlingDays, double averagePromisedDays, long ratings, double averageRating,
        List<Long> ratingCounts) {

    /** Normalises {@code ratingCounts} to an unmodifiable list. */
    public DepartmentStatistics {
        ratingCounts = List.copyOf(ratingCounts);
    }
}
