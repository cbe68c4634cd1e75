package org.tanghulu.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.flywaydb.core.Flyway;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
    private final DataSource dataSource;

    @Activate
    public Database(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu)") JpaTemplate jpa) {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // V5 (the login tables) moved to org.tanghulu.staff: databases made before keep its row
                .ignoreMigrationPatterns("*:missing")
                // a new database may hold another bundle's tables (e.g. the staff bundle's) before the
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
        this.dataSource = dataSource;
    }

    /**
     * When the platform stops, closes an H2 database with {@code SHUTDOWN IMMEDIATELY}: without
     * H2's closing writes, as a crash leaves it, which H2 recovers from on the next start (every
     * commit is already in the file). H2's own close after recovered crashes has left a file it
     * could not open again ("Double mark"); the crash path never has. Not on a mere restart of
     * this bundle, when other bundles still use the database.
     */
    @Deactivate
    void deactivate(BundleContext context) {
        if (context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getState() != Bundle.STOPPING) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            }
        } catch (SQLException e) {
            // the shutdown closes the connection it ran on
            LOG.debug("H2 shut down: {}", e.getMessage());
        }
        LOG.info("H2 database shut down immediately (recovered on the next start)");
    }

    /** @return the persistence unit's template; run every unit of work through its {@code tx}/{@code txExpr} */
    public JpaTemplate jpa() {
        return jpa;
    }

    /** @return whether the database answers a trivial query */
    public boolean healthy() {
        try {
            return jpa.txExpr(TransactionType.Supports,
                    em -> em.createQuery("select count(d) from DepartmentEntity d").getSingleResult() != null);
        } catch (RuntimeException e) {
            LOG.warn("Database health check failed: {}", e.getMessage());
            return false;
        }
    }
}
