package org.tanghulu.catalog.internal.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.catalog.DepartmentRecord;
import org.tanghulu.catalog.DepartmentState;
import org.tanghulu.catalog.DepartmentStatus;

/** The department records in the {@code tanghulu-catalog} persistence unit. */
@Component(service = DepartmentStore.class)
public class JpaDepartmentStore implements DepartmentStore {

    private final CatalogDatabase database;
    private final JpaTemplate jpa;

    @Activate
    public JpaDepartmentStore(@Reference CatalogDatabase database) {
        this.database = database;
        this.jpa = database.jpa();
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
    public int edition(String group, int baseVersion, String extensions) {
        for (int attempt = 0;; attempt++) {
            try {
                return jpa.txExpr(TransactionType.Required, em -> {
                    List<?> known = em.createNativeQuery("select version from group_edition"
                            + " where group_id = ?1 and base_version = ?2 and extensions = ?3")
                            .setParameter(1, group).setParameter(2, baseVersion).setParameter(3, extensions)
                            .getResultList();
                    if (!known.isEmpty()) {
                        return ((Number) known.get(0)).intValue();
                    }
                    Number last = (Number) em.createNativeQuery("select max(version) from group_edition"
                            + " where group_id = ?1 and base_version = ?2")
                            .setParameter(1, group).setParameter(2, baseVersion).getSingleResult();
                    int version = last == null ? baseVersion * 1000 + 1 : last.intValue() + 1;
                    em.createNativeQuery("insert into group_edition (group_id, base_version, extensions, version,"
                            + " first_seen) values (?1, ?2, ?3, ?4, ?5)")
                            .setParameter(1, group).setParameter(2, baseVersion).setParameter(3, extensions)
                            .setParameter(4, version).setParameter(5, java.sql.Timestamp.from(Instant.now()))
                            .executeUpdate();
                    return version;
                });
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    throw e; // another node allocated the same number each time: not a race any more
                }
            }
        }
    }

    @Override
    public boolean healthy() {
        return database.healthy();
    }
}
