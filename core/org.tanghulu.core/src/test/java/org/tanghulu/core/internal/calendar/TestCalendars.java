package org.tanghulu.core.internal.calendar;

import java.time.Clock;

/** Calendar services for tests in other packages. */
public final class TestCalendars {

    private TestCalendars() {
    }

    /** @return the service with the bundled mainland-China calendar only */
    public static CalendarService bundled() {
        return new CalendarService(null, Clock.systemUTC());
    }
}
