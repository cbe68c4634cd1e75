package org.tanghulu.kernel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Keeps id sequences ahead of the ids already stored. After a {@code kill -9}, H2 (2.2 and 2.3,
 * seen with {@code WRITE_DELAY=0}) can reopen with a sequence behind rows it committed, so the next
 * insert would take an id that exists and fail. A bundle calls {@link #catchUp} on start, after its
 * migrations and before any insert. PostgreSQL logs sequences with its WAL and is left alone: there
 * several nodes share the sequences and moving one would race with them.
 */
public final class Sequences {

    private Sequences() {
    }

    /**
     * Moves every sequence that is not ahead of its table past the highest id stored (H2 only).
     *
     * @param sequenceIds sequence name to the table and id column it numbers, as {@code "table.column"}
     * @return how many sequences were moved
     * @throws SQLException if the database cannot be read or a sequence cannot be moved
     */
    public static int catchUp(DataSource dataSource, Map<String, String> sequenceIds) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
                return 0;
            }
            int moved = 0;
            for (var e : sequenceIds.entrySet()) {
                String sequence = name(e.getKey());
                String[] column = e.getValue().split("\\.");
                if (column.length != 2) {
                    throw new IllegalArgumentException("not table.column: " + e.getValue());
                }
                long max = single(c, "select coalesce(max(" + name(column[1]) + "), 0) from " + name(column[0]));
                long next;
                try (PreparedStatement p = c.prepareStatement(
                        "select base_value from information_schema.sequences where lower(sequence_name) = ?")) {
                    p.setString(1, sequence);
                    try (ResultSet r = p.executeQuery()) {
                        if (!r.next()) {
                            throw new SQLException("no sequence " + sequence);
                        }
                        next = r.getLong(1);
                    }
                }
                if (next <= max) {
                    try (Statement s = c.createStatement()) {
                        s.execute("alter sequence " + sequence + " restart with " + (max + 1));
                    }
                    moved++;
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return moved;
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** An identifier from the caller's own code, checked so that it cannot change the statement. */
    private static String name(String identifier) {
        if (!identifier.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not an SQL identifier: " + identifier);
        }
        return identifier.toLowerCase(Locale.ROOT);
    }
}
