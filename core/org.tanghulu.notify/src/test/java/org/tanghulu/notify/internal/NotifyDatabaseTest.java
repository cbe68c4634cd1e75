package org.tanghulu.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The notification tables taken over from a database made before the split, rows and all. */
class NotifyDatabaseTest {

    @Test
    void notificationsMadeBeforeTheSplitGetTheirCasesTrackingNumbers() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String v1;
        try (InputStream in = NotifyDatabase.class.getResourceAsStream("/db/notify/V1__notifications.sql")) {
            v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            // the core's tables the old V4 referred to, and the old V4 itself
            s.execute("CREATE TABLE case_record (id BIGINT PRIMARY KEY, tracking_number VARCHAR(40) NOT NULL)");
            s.execute("CREATE TABLE case_event (id BIGINT PRIMARY KEY)");
            s.execute("INSERT INTO case_record VALUES (7, 'TH20260302000007')");
            s.execute("INSERT INTO case_event VALUES (41)");
            for (String sql : v1.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            s.execute("INSERT INTO notification (id, case_id, event_id, event_type, channel, recipient, subject, body, status,"
                    + " attempts, created_at, next_attempt_at, version) VALUES (1, 7, 41, 'SUBMITTED', 'SMS', '13800000000',"
                    + " 's', 'b', 'SENT', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
        }

        assertEquals("2", NotifyDatabase.TABLES.migrate(h2, NotifyDatabase.class.getClassLoader()));

        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT tracking_number, last_event_id FROM notification, notification_cursor")) {
            r.next();
            assertEquals("TH20260302000007", r.getString(1));
            assertEquals(41, r.getLong(2), "the cursor stays where the old V4 put it");
        }
    }
}
