package org.tanghulu.core.internal.store;

import org.tanghulu.testing.JpaTestDatabase;

/**
 * The core's tables outside OSGi, for unit tests: a fresh in-memory H2 database migrated by the real
 * {@link Database} (Flyway, {@code db/migration}).
 */
public final class TestDatabase extends JpaTestDatabase {

    private final Database database;

    public TestDatabase() {
        super("tanghulu", TestDatabase.class);
        database = new Database(dataSource(), this);
    }

    /** @return the migrated database, as the services get it */
    public Database database() {
        return database;
    }
}
