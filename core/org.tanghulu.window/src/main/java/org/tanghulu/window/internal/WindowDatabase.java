package org.tanghulu.window.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.core.cases.events.CaseEventLog;
import org.tanghulu.kernel.store.OwnTables;

/**
 * The window's tables on a current schema ({@link OwnTables}: {@code db/window}, history
 * {@code flyway_history_window}), migrated on activation before any service of this bundle runs. Own
 * persistence unit {@code tanghulu-window}. Starts after the case event log, whose table V1's cursor reads.
 */
@Component(service = WindowDatabase.class)
public class WindowDatabase {

    static final OwnTables TABLES = new OwnTables("window", "classpath:db/window", "flyway_history_window",
            List.of("window_case", "window_check", "window_cursor"), "nothing (new in V1)", Map.of());

    private final JpaTemplate jpa;

    @Activate
    public WindowDatabase(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu-window)") JpaTemplate jpa, @Reference CaseEventLog events) {
        TABLES.migrate(dataSource, WindowDatabase.class.getClassLoader());
        this.jpa = jpa;
    }

    /** @return the persistence unit's template */
    public JpaTemplate jpa() {
        return jpa;
    }
}
