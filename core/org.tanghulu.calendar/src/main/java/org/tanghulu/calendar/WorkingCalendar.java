package org.tanghulu.calendar;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which days are working days in mainland China: Monday to Friday, except public holidays, plus the
 * Saturdays and Sundays worked instead (调休上班), as the State Council General Office's holiday notice
 * lists them per year. Days in years the calendar does not list count Monday to Friday as working days
 * (and {@link CalendarCoverage#warning()} says so). Immutable; dates are civil dates in the platform's
 * zone ({@code org.tanghulu.kernel.time.PlatformTime#ZONE}).
 */
@ProviderType
public interface WorkingCalendar {

    /** @return whether people work on {@code day} */
    boolean isWorkingDay(LocalDate day);

    /** @return the name of the public holiday {@code day} belongs to, if any */
    Optional<String> holiday(LocalDate day);

    /**
     * The last day of a time limit of {@code workingDays} working days that starts running
     * the day after {@code start}: 1 working day from Friday 2026-11-20 is Monday 2026-11-23.
     * A same-day limit (0, 即办) is due on {@code start} if it is a working day, else on the next
     * working day (since 1.1).
     *
     * @throws IllegalArgumentException if {@code workingDays} is negative
     */
    LocalDate due(LocalDate start, int workingDays);

    /** @return the working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 if none */
    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive);

    /**
     * Moves a due date later by the working days its clock was paused.
     *
     * @throws IllegalArgumentException if {@code pausedWorkingDays} is negative
     */
    LocalDate plusPause(LocalDate due, int pausedWorkingDays);

    /** @return the years the calendar lists, ascending */
    Set<Integer> years();

    /** @return whether the calendar lists the year of {@code day} */
    boolean covers(LocalDate day);
}
