package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.Refusal.Kind.FORBIDDEN;
import static org.tanghulu.core.Refusal.Kind.NOT_FOUND;
import static org.tanghulu.core.Refusal.Kind.UNAVAILABLE;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.validation.InputRules;

/**
 * Who may reach a case: applicants by tracking number and access key (an HMAC under the
 * platform's own secret, made on first use in {@code platform_secret}), staff by department.
 */
final class CaseAccess {

    private final EventLog log;
    private final DepartmentGateway departments;
    private volatile AccessKeys keys;

    CaseAccess(EventLog log, DepartmentGateway departments) {
        this.log = log;
        this.departments = departments;
    }

    CaseEntity applicantCase(String trackingNumber, String accessKey) {
        Optional<CaseEntity> c = byTrackingNumber(trackingNumber);
        if (c.isEmpty() || !keys().matches(c.get().trackingNumber, accessKey)) {
            throw new Refusal(NOT_FOUND, "No case matches this tracking number and access key.");
        }
        return c.get();
    }

    CaseEntity staffCase(String trackingNumber, Actor actor) {
        CaseEntity c = byTrackingNumber(trackingNumber).orElse(null);
        if (c != null && (actor.supervisor() || log.run(em -> CaseRules.tasksOf(em, c)).stream()
                .anyMatch(t -> actor.departments().contains(t.department)))) {
            return c;
        }
        throw new Refusal(NOT_FOUND, "There is no case " + trackingNumber + " in your departments' work.");
    }

    Optional<CaseEntity> byTrackingNumber(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.length() > 32 || InputRules.controlCharacter(trackingNumber, false) >= 0) {
            return Optional.empty(); // no such case; PostgreSQL would refuse a NUL in the query
        }
        return log.run(em -> em.createQuery("select c from CaseEntity c where c.trackingNumber = :t", CaseEntity.class)
                .setParameter("t", trackingNumber).getResultStream().findFirst());
    }

    /** Loads a task for an action by {@code actor}, with its case locked, after checking the actor and the department. */
    TaskEntity lockForAction(EntityManager em, long taskId, Actor actor) {
        TaskEntity t = em.find(TaskEntity.class, taskId);
        if (t == null) {
            throw new Refusal(NOT_FOUND, "There is no task " + taskId + ".");
        }
        if (!actor.departments().contains(t.department)) {
            throw new Refusal(FORBIDDEN, "Task " + taskId + " belongs to department '" + t.department + "'; "
                    + actor.name() + " may not act on it.");
        }
        if (!departments.active().containsKey(t.department)) {
            throw new Refusal(UNAVAILABLE, "Department '" + t.department + "' is not installed at the moment. "
                    + "Task " + taskId + " waits, with nothing lost, and can be worked on once the department is back.");
        }
        em.find(CaseEntity.class, t.caseRecord.id, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(t);
        return t;
    }

    AccessKeys keys() {
        AccessKeys known = keys;
        return known != null ? known : loadKeys();
    }

    private synchronized AccessKeys loadKeys() {
        if (keys == null) {
            String encoded = log.run(em -> {
                String name = "access-key";
                List<?> found = em.createNativeQuery("select secret from platform_secret where name = ?1")
                        .setParameter(1, name).getResultList();
                if (!found.isEmpty()) {
                    return (String) found.get(0);
                }
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String fresh = Base64.getEncoder().encodeToString(random);
                em.createNativeQuery("insert into platform_secret (name, secret) values (?1, ?2)")
                        .setParameter(1, name).setParameter(2, fresh).executeUpdate();
                return fresh;
            });
            keys = new AccessKeys(Base64.getDecoder().decode(encoded));
        }
        return keys;
    }
}
