package org.tanghulu.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A bundle's own tables on a new database, and on one made before the bundle was split out. */
class OwnTablesTest {

    private static final OwnTables OWNED = new OwnTables("owned", "classpath:db/owned", "flyway_history_owned",
            List.of("owned_a", "owned_b"), "the old bundle's V7", Map.of());

    private static JdbcDataSource fresh() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        sql(h2, "CREATE TABLE department (id VARCHAR(64) PRIMARY KEY)"); // another bundle's table
        return h2;
    }

    private static void sql(JdbcDataSource h2, String... statements) throws Exception {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String history(JdbcDataSource h2) throws Exception {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT \"type\" || ':' || \"version\" FROM \"" + OWNED.history()
                        + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            StringBuilder b = new StringBuilder();
            while (r.next()) {
                b.append(r.getString(1)).append(' ');
            }
            return b.toString().strip();
        }
    }

    private static ClassLoader loader() {
        return OwnTablesTest.class.getClassLoader();
    }

    @Test
    void aNewDatabaseGetsTheTablesFromV1EvenWithOtherBundlesTablesThere() throws Exception {
        JdbcDataSource h2 = fresh();
        assertEquals("2", OWNED.migrate(h2, loader()));
        assertTrue(OwnTables.exists(h2, "owned_a"));
        assertTrue(OwnTables.exists(h2, "OWNED_B"));
        assertEquals("BASELINE:0 SQL:1 SQL:2", history(h2));
    }

    @Test
    void tablesMadeBeforeTheSplitAreTakenOverWithTheirRows() throws Exception {
        JdbcDataSource h2 = fresh();
        sql(h2, "CREATE TABLE owned_a (id BIGINT NOT NULL PRIMARY KEY, n INTEGER NOT NULL)",
                "CREATE TABLE owned_b (id BIGINT NOT NULL PRIMARY KEY)", "INSERT INTO owned_a VALUES (1, 3)");
        OWNED.migrate(h2, loader());
        assertEquals("BASELINE:1 SQL:2", history(h2), "V1 is not run again, V2 is");
        sql(h2, "UPDATE owned_a SET note = 'kept' WHERE n = 3");
        OWNED.migrate(h2, loader());
        assertEquals("BASELINE:1 SQL:2", history(h2), "a second start changes nothing");
    }

    @Test
    void onlySomeOfTheTablesIsRefused() throws Exception {
        JdbcDataSource h2 = fresh();
        sql(h2, "CREATE TABLE owned_a (id BIGINT NOT NULL PRIMARY KEY, n INTEGER NOT NULL)");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OWNED.migrate(h2, loader()));
        assertTrue(e.getMessage().contains("owned_b"), e.getMessage());
        assertFalse(OwnTables.exists(h2, OWNED.history()));
    }
}
