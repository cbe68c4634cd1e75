package org.tanghulu.staff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The staff tables on a new database and on one made before the split (by the core's V5). */
class StaffDatabaseTest {

    private static JdbcDataSource fresh() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** What a database made before the split holds: the core's tables (one is enough) and its V5. */
    private static void beforeTheSplit(JdbcDataSource h2, boolean withTokens) throws Exception {
        String v1;
        try (InputStream in = StaffDatabase.class.getResourceAsStream("/db/staff/V1__logins.sql")) {
            v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE department (id VARCHAR(64) PRIMARY KEY)");
            for (String sql : v1.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank() && (withTokens || !sql.contains("staff_token"))) {
                    s.execute(sql);
                }
            }
            s.execute("INSERT INTO login_failure VALUES ('staff:name:wang', 3, CURRENT_TIMESTAMP, NULL)");
        }
    }

    private static String history(JdbcDataSource h2) throws Exception {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT \"type\" || ':' || \"version\" FROM \"" + StaffDatabase.HISTORY
                        + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            StringBuilder b = new StringBuilder();
            while (r.next()) {
                b.append(r.getString(1)).append(' ');
            }
            return b.toString().strip();
        }
    }

    @Test
    void aNewDatabaseGetsTheTablesByV1EvenWithOtherBundlesTablesThere() throws Exception {
        JdbcDataSource h2 = fresh();
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE department (id VARCHAR(64) PRIMARY KEY)");
        }
        StaffDatabase.migrate(h2);
        assertTrue(StaffDatabase.exists(h2, "login_failure"));
        assertTrue(StaffDatabase.exists(h2, "staff_token"));
        assertEquals("BASELINE:0 SQL:1", history(h2));
    }

    @Test
    void aDatabaseMadeBeforeTheSplitIsTakenOverWithItsRows() throws Exception {
        JdbcDataSource h2 = fresh();
        beforeTheSplit(h2, true);
        StaffDatabase.migrate(h2);
        assertEquals("BASELINE:1", history(h2));
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT failures FROM login_failure")) {
            assertTrue(r.next());
            assertEquals(3, r.getInt(1));
        }
        StaffDatabase.migrate(h2);
        assertEquals("BASELINE:1", history(h2), "a second start changes nothing");
    }

    @Test
    void onlySomeOfTheTablesIsRefused() throws Exception {
        JdbcDataSource h2 = fresh();
        beforeTheSplit(h2, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StaffDatabase.migrate(h2));
        assertTrue(e.getMessage().contains("staff_token"), e.getMessage());
        assertFalse(StaffDatabase.exists(h2, StaffDatabase.HISTORY));
    }
}
