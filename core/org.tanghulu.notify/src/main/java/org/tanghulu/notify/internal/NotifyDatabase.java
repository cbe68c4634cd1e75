package org.tanghulu.notify.internal;

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
 * The notification tables on a current schema ({@link OwnTables}: {@code db/notify}, history
 * {@code flyway_history_notify}, the id sequence caught up after a crash), migrated on activation
 * before any service of this bundle runs. Own persistence unit {@code tanghulu-notify} in
 * the platform's one database. Starts after the case event log, whose table the cursor's first
 * row and V2 read.
 */
@Component(service = NotifyDatabase.class)
public class NotifyDatabase {

    /** The tables V1 makes, which databases made before the split already have (the core's old V4). */
    static final OwnTables TABLES = new OwnTables("notification", "classpath:db/notify", "flyway_history_notify",
            List.of("notification", "notification_cursor"), "org.tanghulu.core V4",
            Map.of("notification_seq", "notification.id"));

    private final JpaTemplate jpa;

    @Activate
    public NotifyDatabase(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu-notify)") JpaTemplate jpa, @Reference CaseEventLog events) {
        TABLES.migrate(dataSource, NotifyDatabase.class.getClassLoader());
        this.jpa = jpa;
    }

    /** @return the persistence unit's template; run every unit of work through its {@code tx}/{@code txExpr} */
    public JpaTemplate jpa() {
        return jpa;
    }
}
