package org.tanghulu.kernel.time;

import java.time.ZoneId;

/** The platform's one time zone. */
public final class PlatformTime {

    /**
     * The zone of every civil date and time the platform shows or computes (due dates, working days,
     * "today" of a work list, times on pages and in the console): Beijing time, {@code Asia/Shanghai}.
     * Instants are stored as UTC; this zone is applied only where a date or a wall-clock time is meant.
     */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PlatformTime() {
    }
}
