package org.tanghulu.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database a booted distribution uses, chosen by {@code -Dtanghulu.it.database}: h2
 * (the default, the distribution's own embedded file database) or postgresql on
 * 127.0.0.1:5432 (trust authentication for user {@code postgres}). Each test class gets
 * its own PostgreSQL database, so classes may run one after the other or side by side.
 */
final class ItDatabase {

    static final boolean POSTGRES = "postgresql".equals(System.getProperty("tanghulu.it.database"));
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private ItDatabase() {
    }

    /** @return {@code postgresql} or {@code h2} */
    static String kind() {
        return POSTGRES ? "postgresql" : "h2";
    }

    /**
     * For PostgreSQL, (re)creates the empty database {@code pgDatabase}.
     *
     * @return the keys to set in {@code etc/org.ops4j.datasource-tanghulu.cfg}: none for H2
     */
    static Map<String, String> datasource(String pgDatabase) throws SQLException {
        Map<String, String> datasource = new LinkedHashMap<>();
        if (POSTGRES) {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + pgDatabase);
                s.execute("CREATE DATABASE " + pgDatabase);
            }
            datasource.put("osgi.jdbc.driver.class", "org.postgresql.Driver");
            datasource.put("url", SERVER + pgDatabase);
            datasource.put("user", "postgres");
        }
        return datasource;
    }

    /** A direct connection to the platform's database (for H2 only while the platform is stopped). */
    static Connection connect(Distribution karaf, String pgDatabase) throws SQLException {
        String url = POSTGRES ? SERVER + pgDatabase : "jdbc:h2:file:" + karaf.home.resolve("data/db/tanghulu").toAbsolutePath()
                + ";WRITE_DELAY=0";
        return DriverManager.getConnection(url, POSTGRES ? "postgres" : "", "");
    }
}
