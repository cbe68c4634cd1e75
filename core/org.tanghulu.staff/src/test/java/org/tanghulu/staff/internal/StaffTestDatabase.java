package org.tanghulu.staff.internal;

import org.tanghulu.testing.JpaTestDatabase;

/**
 * The staff tables outside OSGi, for unit tests: a fresh in-memory H2 database migrated by the real
 * {@link StaffDatabase} (Flyway, {@code db/staff}).
 */
public final class StaffTestDatabase extends JpaTestDatabase {

    private final StaffDatabase database;

    public StaffTestDatabase() {
        super("tanghulu-staff", StaffTestDatabase.class);
        database = new StaffDatabase(dataSource(), this);
    }

    /** @return the migrated database, as the services get it */
    public StaffDatabase database() {
        return database;
    }
}
