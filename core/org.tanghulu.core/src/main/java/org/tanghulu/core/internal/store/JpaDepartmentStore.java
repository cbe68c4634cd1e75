package org.tanghulu.core.internal.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.flywaydb.core.Flyway;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.core.DepartmentRecord;
import org.tanghulu.core.DepartmentState;
import org.tanghulu.core.DepartmentStatus;

/**
 * The department records in the {@code tanghulu} persistence unit. Activation migrates
 * the schema with Flyway first, so the service only appears on a current schema.
 */
@Component(service = DepartmentStore.class)
public class JpaDepartmentStore implements DepartmentStore {

    private static final Logger LOG = LoggerFactory.getLogger(JpaDepartmentStore.class);

    private final JpaTemplate jpa;

    @Activate
    public JpaDepartmentStore(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu)") JpaTemplate jpa) {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("Database schema at version {} ({} migration(s) applied now)", result.targetSchemaVersion,
                result.migrationsExecuted);
        this.jpa = jpa;
    }

    @Override
    public void save(DepartmentStatus status) {
        jpa.tx(TransactionType.Required, em -> {
            DepartmentEntity e = em.find(DepartmentEntity.class, status.id());
            Instant now = Instant.now();
            boolean first = e == null;
            if (first) {
                e = new DepartmentEntity();
                e.id = status.id();
                e.firstSeen = now;
            }
            if (status.definition() != null) {
                e.nameZh = status.name().zh();
                e.nameEn = status.name().en();
            }
            e.state = status.state();
            e.problems = status.problems().isEmpty() ? null : String.join("\n", status.problems());
            e.bundle = status.bundle();
            e.lastChanged = now;
            if (first) {
                em.persist(e);
            }
        });
    }

    @Override
    public void markAbsent(String id) {
        jpa.tx(TransactionType.Required, em -> {
            DepartmentEntity e = em.find(DepartmentEntity.class, id);
            if (e != null) {
                e.state = DepartmentState.ABSENT;
                e.lastChanged = Instant.now();
            }
        });
    }

    @Override
    public List<DepartmentRecord> all() {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select d from DepartmentEntity d order by d.id", DepartmentEntity.class)
                .getResultList().stream()
                .map(e -> new DepartmentRecord(e.id, e.nameZh == null ? null : new LocalizedText(e.nameZh, e.nameEn),
                        e.state, e.problems == null ? List.of() : Arrays.asList(e.problems.split("\n")), e.bundle,
                        e.firstSeen, e.lastChanged))
                .toList());
    }

    @Override
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
