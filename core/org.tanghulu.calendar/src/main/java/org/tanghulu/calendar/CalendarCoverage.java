package org.tanghulu.calendar;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which years the working-day calendar in force lists (holidays and make-up working days from the
 * State Council's notice). Time limits running into a year it does not list are still counted, Monday
 * to Friday without holidays, so that no case stops at New Year; this service says when that happens.
 */
@ProviderType
public interface CalendarCoverage {

    /** @return the years the calendar lists, ascending */
    Set<Integer> years();

    /**
     * @return a sentence for the operator when the calendar does not cover the current year, or when a
     *         time limit has been counted into a year it does not cover since it was loaded; empty when all is well
     */
    Optional<String> warning();
}
