package org.tanghulu.exchange.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection to a front-end processor's database by its JDBC URL. */
@FunctionalInterface
interface Connector {

    /**
     * @param password the password, or empty
     * @throws SQLException if it cannot be reached, or no driver for the URL is installed
     */
    Connection connect(String url, String password) throws SQLException;
}
