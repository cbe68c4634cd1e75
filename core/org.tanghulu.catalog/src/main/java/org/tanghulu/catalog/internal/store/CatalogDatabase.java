package org.tanghulu.catalog.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.kernel.store.OwnTables;

/**
 * The catalog's table ({@code department}) on a current schema ({@link OwnTables}: {@code db/catalog},
 * history {@code flyway_history_catalog}), migrated on activation before any service of this bundle
 * uses it; own persistence unit {@code tanghulu-catalog} in the platform's one database.
 */
@Component(service = CatalogDatabase.class)
public class CatalogDatabase {

    /** The table V1 makes, which databases made before the split already have (the core's old V1). */
    static final OwnTables TABLES = new OwnTables("catalog", "classpath:db/catalog", "flyway_history_catalog",
            List.of("department"), "org.tanghulu.core V1", Map.of());

    private static final Logger LOG = LoggerFactory.getLogger(CatalogDatabase.class);

    private final JpaTemplate jpa;
    private final DataSource dataSource;

    @Activate
    public CatalogDatabase(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu-catalog)") JpaTemplate jpa) {
        TABLES.migrate(dataSource, CatalogDatabase.class.getClassLoader());
        this.jpa = jpa;
        this.dataSource = dataSource;
    }

    /**
     * When the platform stops, closes an H2 database with {@code SHUTDOWN IMMEDIATELY}: without
     * H2's closing writes, as a crash leaves it, which H2 recovers from on the next start (every
     * commit is already in the file). H2's own close after recovered crashes has left a file it
     * could not open again ("Double mark"); the crash path never has. Not on a mere restart of
     * this bundle, when other bundles still use the database. Here because Felix stops the bundles
     * of one start level from the highest bundle id down, and the catalog has the lowest id of the
     * bundles with tables (the case engine, staff and notifications depend on it and stop first;
     * the integration tests' logs show the order).
     */
    @Deactivate
    void deactivate(BundleContext context) {
        if (context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getState() != Bundle.STOPPING) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            }
        } catch (SQLException e) {
            // the shutdown closes the connection it ran on
            LOG.debug("H2 shut down: {}", e.getMessage());
        }
        LOG.info("H2 database shut down immediately (recovered on the next start)");
    }

    /** @return the persistence unit's template; run every unit of work through its {@code tx}/{@code txExpr} */
    public JpaTemplate jpa() {
        return jpa;
    }

    /** @return whether the database answers a query now */
    public boolean healthy() {
        try {
            return jpa.txExpr(TransactionType.Supports,
                    em -> em.createQuery("select count(d) from DepartmentEntity d").getSingleResult() != null);
        } catch (RuntimeException e) {
            LOG.warn("Database health check failed: {}", e.getMessage());
            return false;
        }
    }
}
