package org.tanghulu.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SequencesTest {

    private final JdbcDataSource db = new JdbcDataSource();

    @BeforeEach
    void schema() throws SQLException {
        db.setURL("jdbc:h2:mem:seq" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("create sequence event_seq start with 1 increment by 1");
            c.createStatement().execute("create table case_event (id bigint primary key)");
            c.createStatement().execute("create sequence task_seq start with 1 increment by 1");
            c.createStatement().execute("create table task (id bigint primary key)");
        }
    }

    @Test
    void aSequenceBehindItsRowsMovesPastTheHighestIdAndOneAheadStays() throws SQLException {
        try (Connection c = db.getConnection()) {
            // as H2 reopened after a kill -9: rows 1..5 committed, the sequence back at 3
            for (int i = 1; i <= 5; i++) {
                c.createStatement().execute("insert into case_event values (" + i + ")");
            }
            c.createStatement().execute("alter sequence event_seq restart with 3");
            c.createStatement().execute("insert into task values (2)");
            c.createStatement().execute("alter sequence task_seq restart with 10");
        }
        assertEquals(1, Sequences.catchUp(db, Map.of("event_seq", "case_event.id", "task_seq", "task.id")));
        assertEquals(6, next("event_seq"));
        assertEquals(10, next("task_seq"));
        assertEquals(0, Sequences.catchUp(db, Map.of("event_seq", "case_event.id", "task_seq", "task.id")));
    }

    @Test
    void namesThatAreNotIdentifiersAndUnknownSequencesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Sequences.catchUp(db, Map.of("event_seq", "case_event")));
        assertThrows(IllegalArgumentException.class,
                () -> Sequences.catchUp(db, Map.of("event_seq; drop table task", "case_event.id")));
        assertThrows(SQLException.class, () -> Sequences.catchUp(db, Map.of("nothing_seq", "case_event.id")));
    }

    private long next(String sequence) throws SQLException {
        try (Connection c = db.getConnection();
                ResultSet r = c.createStatement().executeQuery("select next value for " + sequence)) {
            r.next();
            return r.getLong(1);
        }
    }
}
