package org.tanghulu.calendar;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The working-day calendar in force: the admin's file ({@code etc/tanghulu-calendar.json}, configuration
 * PID {@code org.tanghulu.calendar}) when there is a valid one, else the mainland-China calendar shipped
 * with the bundle. An edited file takes effect within a second; an invalid edit is logged and the
 * calendar in force before it stays. Thread-safe.
 */
@ProviderType
public interface CalendarService {

    /** @return the calendar now in force; keep it for one computation, ask again for the next */
    WorkingCalendar current();
}
