package org.tanghulu.exchange.internal;

import org.tanghulu.testing.JpaTestDatabase;

/** The exchange tables outside OSGi: in-memory H2 migrated by the real {@link ExchangeDatabase}. */
final class ExchangeTestDatabase extends JpaTestDatabase {

    final ExchangeDatabase database;

    ExchangeTestDatabase() {
        super("tanghulu-exchange", ExchangeTestDatabase.class);
        database = new ExchangeDatabase(dataSource(), this);
    }
}
