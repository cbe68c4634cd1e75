package org.tanghulu.calendar.internal;

import java.time.Clock;

/** Calendar services for the core's tests (the calendar bundle's implementation, outside OSGi). */
public final class TestCalendars {

    private TestCalendars() {
    }

    /** @return the service with the bundled mainland-China calendar only */
    public static CalendarFileService bundled() {
        return new CalendarFileService(null, Clock.systemUTC());
    }
}
