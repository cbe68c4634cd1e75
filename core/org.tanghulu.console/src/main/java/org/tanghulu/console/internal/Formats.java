package org.tanghulu.console.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.kernel.time.PlatformTime;

/** How the case and plan commands write times, names, task markers and reductions. */
final class Formats {

    /** The platform's time zone: dates and times on the console are Beijing time. */
    static final ZoneId ZONE = PlatformTime.ZONE;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private Formats() {
    }

    /** @return the instant in Beijing time, or {@code -} for none */
    static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }

    /** @return the Chinese text, or empty for none */
    static String zh(LocalizedText text) {
        return text == null || text.zh() == null ? "" : text.zh();
    }

    /** @return the value, or empty for {@code null} */
    static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    /** @return the present department's Chinese name, else its id (it may have been removed) */
    static String department(Registry registry, String id) {
        return registry.department(id).map(d -> zh(d.name())).filter(n -> !n.isEmpty()).orElse(id);
    }

    /** @return the task's state, marked when its department is not installed so it waits */
    static String state(TaskView task) {
        return task.state() + (task.state().open() && !task.departmentPresent() ? " (department absent)" : "");
    }

    /** @return {@code OVERDUE} or empty */
    static String overdue(TaskView task) {
        return task.overdue() ? "OVERDUE" : "";
    }

    /**
     * @return how much smaller {@code after} is than {@code before}, in whole percent
     *         rounded half up ({@code 29 -> 11} is {@code 62%}); {@code -} if there was nothing before
     */
    static String reduction(int before, int after) {
        if (before <= 0) {
            return "-";
        }
        return Math.round((before - after) * 100.0 / before) + "%";
    }
}
