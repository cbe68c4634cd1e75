package org.tanghulu.staff.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.kernel.store.OwnTables;

/**
 * The staff bundle's tables on a current schema: activation migrates them ({@link OwnTables}:
 * {@code db/staff}, history table {@code flyway_history_staff}) before any service of this bundle runs.
 * The tables live in the platform's one database ({@code osgi.jndi.service.name=tanghulu}) but
 * belong to this bundle alone: its own persistence unit {@code tanghulu-staff}, its own migrations.
 */
@Component(service = StaffDatabase.class)
public class StaffDatabase {

    /** The tables V1 makes, which databases made before the split already have (the core's old V5). */
    static final OwnTables TABLES = new OwnTables("staff", "classpath:db/staff", "flyway_history_staff",
            List.of("login_failure", "staff_token"), "org.tanghulu.core V5", Map.of());

    private final JpaTemplate jpa;

    @Activate
    public StaffDatabase(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu-staff)") JpaTemplate jpa) {
        TABLES.migrate(dataSource, StaffDatabase.class.getClassLoader());
        this.jpa = jpa;
    }

    /** @return the persistence unit's template; run every unit of work through its {@code tx}/{@code txExpr} */
    public JpaTemplate jpa() {
        return jpa;
    }
}
