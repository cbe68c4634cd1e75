package org.tanghulu.exchange.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * {@link Connector} on the JDBC drivers the platform has installed as services (pax-jdbc's
 * {@link DataSourceFactory}s: H2 and PostgreSQL in the distribution).
 */
@Component(service = Connector.class)
public class DriverConnector implements Connector {

    private static final Map<String, String> DRIVERS = Map.of("jdbc:h2:", "org.h2.Driver", "jdbc:postgresql:", "org.postgresql.Driver");
    private final Map<String, DataSourceFactory> factories = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactory(DataSourceFactory factory, Map<String, Object> properties) {
        Object driver = properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
        if (driver != null) {
            factories.put(driver.toString(), factory);
        }
    }

    void removeFactory(DataSourceFactory factory, Map<String, Object> properties) {
        Object driver = properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
        if (driver != null) {
            factories.remove(driver.toString(), factory);
        }
    }

    @Override
    public Connection connect(String url, String password) throws SQLException {
        String driverClass = DRIVERS.entrySet().stream().filter(e -> url.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new SQLException("no JDBC driver for " + url + " (jdbc:postgresql: and jdbc:h2: are)"));
        DataSourceFactory factory = factories.get(driverClass);
        if (factory == null) {
            throw new SQLException("the JDBC driver " + driverClass + " is not installed now");
        }
        Driver driver = factory.createDriver(null);
        Properties properties = new Properties();
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        Connection c = driver.connect(url, properties);
        if (c == null) {
            throw new SQLException("the driver " + driverClass + " does not take " + url);
        }
        return c;
    }
}
