package org.tanghulu.staff.internal;

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
 * The staff tables outside OSGi, for unit tests: a fresh in-memory H2 database migrated by
 * the real {@link StaffDatabase} (Flyway, {@code db/staff}), and a {@link JpaTemplate} on
 * Hibernate with the entities {@code META-INF/persistence.xml} lists. Like Aries JPA's
 * template, a unit of work started inside another joins its transaction.
 */
public final class StaffTestDatabase implements JpaTemplate, AutoCloseable {

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final StaffDatabase database;

    public StaffTestDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        factory = new HibernatePersistenceProvider().createContainerEntityManagerFactory(unit(h2),
                Map.of("hibernate.hbm2ddl.auto", "none"));
        database = new StaffDatabase(h2, this);
    }

    /** @return the migrated database, as the services get it */
    public StaffDatabase database() {
        return database;
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
    private static List<String> entities() {
        try (InputStream in = StaffTestDatabase.class.getResourceAsStream("/META-INF/persistence.xml")) {
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

    private static PersistenceUnitInfo unit(DataSource dataSource) {
        List<String> classes = entities();
        return new PersistenceUnitInfo() {
            @Override public String getPersistenceUnitName() { return "tanghulu-staff"; }
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
            @Override public ClassLoader getClassLoader() { return StaffTestDatabase.class.getClassLoader(); }
            @Override public void addTransformer(ClassTransformer transformer) { }
            @Override public ClassLoader getNewTempClassLoader() { return null; }
        };
    }
}
