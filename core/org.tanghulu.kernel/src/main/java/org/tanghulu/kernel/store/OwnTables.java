package org.tanghulu.kernel.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bundle's own tables in the platform's one database: its own Flyway migrations and history
 * table, next to the other bundles' tables. A bundle cut out of another one takes over the tables
 * its first migration makes where the bundle it came from made them before.
 *
 * @param name the bundle's short name for logs and messages ({@code "staff"})
 * @param location the migrations' location in the bundle ({@code "classpath:db/staff"})
 * @param history the bundle's own Flyway history table ({@code "flyway_history_staff"})
 * @param madeByV1 the tables the bundle's V1 makes; a database made before the split has them all
 * @param madeBefore what made them before the split, for the history ({@code "org.tanghulu.core V5"})
 * @param sequences the id sequences of these tables, to the {@code "table.column"} each numbers: caught
 *        up after the migrations ({@link Sequences#catchUp})
 */
public record OwnTables(String name, String location, String history, List<String> madeByV1, String madeBefore,
        Map<String, String> sequences) {

    private static final Logger LOG = LoggerFactory.getLogger(OwnTables.class);

    /**
     * Migrates the tables with the migrations the class loader sees, then moves any of their id
     * sequences that is behind its stored ids past them (H2 after a crash). Where there is no history of
     * this bundle yet but every table V1 makes exists (made before the split, recorded in another
     * bundle's history), the history starts with V1 as its baseline and V1 is not run again. A
     * database with only some of them is refused: no release left that state.
     *
     * @param bundle the bundle's class loader, which holds the migrations
     * @return the version the tables are at
     * @throws IllegalStateException if only some of V1's tables exist, or the database cannot be read or
     *         a sequence not moved
     */
    public String migrate(DataSource dataSource, ClassLoader bundle) {
        var config = Flyway.configure(bundle).dataSource(dataSource).locations(location).table(history);
        Flyway flyway;
        if (exists(dataSource, history)) {
            flyway = config.load();
        } else {
            long present = madeByV1.stream().filter(t -> exists(dataSource, t)).count();
            if (present == madeByV1.size()) {
                LOG.info("The {} tables made before the split found: history {} starts at their version 1", name, history);
                // no quote in a baseline's description: Flyway 9.16 then misses its own baseline row on H2 and runs V1
                flyway = config.baselineVersion("1")
                        .baselineDescription(("tables made by " + madeBefore + " before the split").replace("'", "")).load();
                flyway.baseline();
            } else if (present > 0) {
                throw new IllegalStateException("Some but not all of the " + name + " tables " + madeByV1 + " exist and "
                        + history + " does not: the database was changed by hand; see the admin guide");
            } else {
                // none of the tables yet; the schema holds other bundles' tables, which Flyway would
                // otherwise take for a database it does not know: start the history below V1
                flyway = config.baselineOnMigrate(true).baselineVersion("0").baselineDescription("before " + name + " V1").load();
            }
        }
        var result = flyway.migrate();
        LOG.info("The {} tables at version {} ({} migration(s) applied now)", name, result.targetSchemaVersion,
                result.migrationsExecuted);
        try {
            int moved = Sequences.catchUp(dataSource, sequences);
            if (moved > 0) {
                LOG.warn("{} id sequence(s) of the {} tables were behind their stored ids (an H2 file reopened after a crash)"
                        + " and were moved past them", moved, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the " + name + " tables' id sequences: " + e.getMessage(), e);
        }
        return result.targetSchemaVersion;
    }

    /** @return whether a table of this name exists in the connection's schema (any letter case) */
    public static boolean exists(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            for (String n : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
                try (ResultSet r = meta.getTables(null, schema, n, new String[] { "TABLE" })) {
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
}
