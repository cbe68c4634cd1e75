package org.tanghulu.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.SharedCacheMode;
import javax.persistence.ValidationMode;
import javax.persistence.spi.ClassTransformer;
import javax.persistence.spi.PersistenceUnitInfo;
import javax.persistence.spi.PersistenceUnitTransactionType;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * A bundle's persistence unit outside OSGi, for unit tests: a fresh in-memory H2 database (or a
 * database the test brings, e.g. PostgreSQL) and a {@link JpaTemplate} on Hibernate with the entities the unit's {@code META-INF/persistence.xml}
 * lists (a test fails if an entity is missing there). The bundle's own component migrates
 * {@link #dataSource()} as it does in the platform. Resource-local transactions; as with Aries'
 * template, a unit of work started inside another joins its transaction.
 */
public class JpaTestDatabase implements JpaTemplate, AutoCloseable {

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final DataSource dataSource;

    /**
     * @param unitName the persistence unit, as in the bundle's {@code META-INF/persistence.xml}
     * @param anchor a class of the bundle under test: its class loader has the persistence.xml and the entities
     */
    public JpaTestDatabase(String unitName, Class<?> anchor) {
        this(unitName, anchor, inMemory());
    }

    /**
     * @param dataSource the database to use, empty or migrated by the bundle's own component as in the platform
     *        (Hibernate finds its dialect from it)
     */
    public JpaTestDatabase(String unitName, Class<?> anchor, DataSource dataSource) {
        this.dataSource = dataSource;
        factory = new HibernatePersistenceProvider().createContainerEntityManagerFactory(unit(dataSource, unitName, anchor),
                Map.of("hibernate.hbm2ddl.auto", "none"));
    }

    private static DataSource inMemory() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return h2;
    }

    /** @return the database, for the bundle's own component that migrates it */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> work) {
        EntityManager joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        EntityManager em = factory.createEntityManager();
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer work) {
        txExpr(type, em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> work) {
        return txExpr(TransactionType.Required, work);
    }

    @Override
    public void tx(EmConsumer work) {
        tx(TransactionType.Required, work);
    }

    @Override
    public void close() {
        factory.close();
    }

    /** The classes persistence.xml lists: a test fails if an entity is missing there. */
    private static List<String> entities(Class<?> anchor) {
        try (InputStream in = anchor.getResourceAsStream("/META-INF/persistence.xml")) {
            Matcher m = Pattern.compile("<class>([^<]+)</class>").matcher(new String(in.readAllBytes(), "UTF-8"));
            List<String> classes = new ArrayList<>();
            while (m.find()) {
                classes.add(m.group(1).strip());
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PersistenceUnitInfo unit(DataSource dataSource, String unitName, Class<?> anchor) {
        List<String> classes = entities(anchor);
        return new PersistenceUnitInfo() {
            @Override public String getPersistenceUnitName() { return unitName; }
            @Override public String getPersistenceProviderClassName() { return HibernatePersistenceProvider.class.getName(); }
            @Override public PersistenceUnitTransactionType getTransactionType() { return PersistenceUnitTransactionType.RESOURCE_LOCAL; }
            @Override public DataSource getJtaDataSource() { return null; }
            @Override public DataSource getNonJtaDataSource() { return dataSource; }
            @Override public List<String> getMappingFileNames() { return List.of(); }
            @Override public List<URL> getJarFileUrls() { return List.of(); }
            @Override public URL getPersistenceUnitRootUrl() { return null; }
            @Override public List<String> getManagedClassNames() { return classes; }
            @Override public boolean excludeUnlistedClasses() { return true; }
            @Override public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.NONE; }
            @Override public ValidationMode getValidationMode() { return ValidationMode.NONE; }
            @Override public Properties getProperties() { return new Properties(); }
            @Override public String getPersistenceXMLSchemaVersion() { return "2.2"; }
            @Override public ClassLoader getClassLoader() { return anchor.getClassLoader(); }
            @Override public void addTransformer(ClassTransformer transformer) { }
            @Override public ClassLoader getNewTempClassLoader() { return null; }
        };
    }
}
