package org.tanghulu.staff.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.flywaydb.core.Flyway;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff bundle's tables on a current schema: activation migrates them with Flyway
 * ({@code db/staff}, history table {@value #HISTORY}) before any service of this bundle runs.
 * The tables live in the platform's one database ({@code osgi.jndi.service.name=tanghulu}) but
 * belong to this bundle alone: its own persistence unit {@code tanghulu-staff}, its own migrations.
 */
@Component(service = StaffDatabase.class)
public class StaffDatabase {

    static final String HISTORY = "flyway_history_staff";
    static final String LOCATION = "classpath:db/staff";
    /** The tables V1 makes, which databases made before the split already have (the core's old V5). */
    static final List<String> TABLES = List.of("login_failure", "staff_token");

    private static final Logger LOG = LoggerFactory.getLogger(StaffDatabase.class);

    private final JpaTemplate jpa;

    @Activate
    public StaffDatabase(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu-staff)") JpaTemplate jpa) {
        migrate(dataSource);
        this.jpa = jpa;
    }

    /**
     * Migrates the staff tables. A database made before the split has them already (made by the
     * core's V5, recorded in the core's history): there is no history of this bundle yet, but every
     * table V1 makes exists, so the history starts with V1 as its baseline and V1 is not run again.
     * A database with only some of them is refused: that is not a state any release left.
     */
    static void migrate(DataSource dataSource) {
        var config = Flyway.configure(StaffDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY);
        Flyway flyway;
        if (exists(dataSource, HISTORY)) {
            flyway = config.load();
        } else {
            long present = TABLES.stream().filter(t -> exists(dataSource, t)).count();
            if (present == TABLES.size()) {
                LOG.info("Staff tables made before the split found: history {} starts at their version 1", HISTORY);
                flyway = config.baselineVersion("1")
                        .baselineDescription("login tables made by org.tanghulu.core V5 before the split").load();
                flyway.baseline();
            } else if (present > 0) {
                throw new IllegalStateException("Some but not all of the staff tables " + TABLES
                        + " exist and " + HISTORY + " does not: the database was changed by hand; see the admin guide");
            } else {
                // none of our tables yet; the schema holds other bundles' tables, which Flyway would
                // otherwise take for a database it does not know: start the history below V1
                flyway = config.baselineOnMigrate(true).baselineVersion("0")
                        .baselineDescription("before org.tanghulu.staff V1").load();
            }
        }
        var result = flyway.migrate();
        LOG.info("Staff tables at version {} ({} migration(s) applied now)", result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /** @return whether a table of this name exists in the connection's schema (any letter case) */
    static boolean exists(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
                try (ResultSet r = meta.getTables(null, schema, name, new String[] { "TABLE" })) {
                    if (r.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's tables: " + e.getMessage(), e);
        }
    }

    /** @return the persistence unit's template; run every unit of work through its {@code tx}/{@code txExpr} */
    public JpaTemplate jpa() {
        return jpa;
    }
}
