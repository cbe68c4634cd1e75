package org.tanghulu.core.internal.store;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.flywaydb.core.Flyway;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.kernel.store.Sequences;

/**
 * The {@code tanghulu} database on a current schema: activation migrates it with Flyway
 * first, so every store that needs this service only ever sees a migrated schema.
 */
@Component(service = Database.class)
public class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** The id sequences of this bundle's tables, to the column each numbers. */
    private static final Map<String, String> SEQUENCES = Map.of("case_seq", "case_record.id", "task_seq", "task.id",
            "event_seq", "case_event.id", "account_seq", "account.id");

    private final JpaTemplate jpa;

    @Activate
    public Database(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu)") JpaTemplate jpa) {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // V1 (department), V4 (notifications) and V5 (logins) moved to the catalog, notify and staff
                // bundles: databases made before keep their rows
                .ignoreMigrationPatterns("*:missing")
                // a new database may hold other bundles' tables (e.g. the catalog's) before the
                // core's history exists: start that history below V1 (a database with the core's
                // tables always has the core's history)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("before org.tanghulu.core V1")
                .load()
                .migrate();
        LOG.info("Database schema at version {} ({} migration(s) applied now)", result.targetSchemaVersion,
                result.migrationsExecuted);
        try {
            int moved = Sequences.catchUp(dataSource, SEQUENCES);
            if (moved > 0) {
                LOG.warn("{} id sequence(s) were behind their stored ids (an H2 file reopened after a crash) and "
                        + "were moved past them", moved);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the id sequences: " + e.getMessage(), e);
        }
        this.jpa = jpa;
    }

    /** @return the persistence unit's template; run every unit of work through its {@code tx}/{@code txExpr} */
    public JpaTemplate jpa() {
        return jpa;
    }
}
