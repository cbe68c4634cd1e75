package org.tanghulu.exchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.exchange.LinkStatus.Breaker;
import org.tanghulu.exchange.TaskExchange.State;

/**
 * The exchange's rows: links with their breakers, tasks under way, refused callbacks, parked results. Every
 * change is one short transaction that locks the row it changes, so that nodes sharing the database
 * take turns; a task is sent by the node that leased it.
 */
@Component(service = DirectStore.class)
public class DirectStore {

    private final JpaTemplate jpa;

    @Activate
    public DirectStore(@Reference ExchangeDatabase database) {
        this.jpa = database.jpa();
    }

    // --- links -------------------------------------------------------------------------

    Optional<LinkEntity> link(String department) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(LinkEntity.class, department)));
    }

    List<LinkEntity> links() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select l from LinkEntity l order by l.department", LinkEntity.class).getResultList());
    }

    /**
     * Links or moves a department's system or front-end processor; the breaker starts closed. Another
     * transport or URL reads the front-end results from the start.
     */
    LinkEntity link(String department, String transport, String url, String secret, boolean onlyIfAbsent) {
        return jpa.txExpr(TransactionType.Required, em -> {
            LinkEntity l = em.find(LinkEntity.class, department, LockModeType.PESSIMISTIC_WRITE);
            if (l != null && onlyIfAbsent) {
                return l;
            }
            boolean fresh = l == null;
            if (fresh) {
                l = new LinkEntity();
                l.department = department;
            }
            if (!transport.equals(l.transport) || !url.equals(l.url)) {
                l.resultCursor = 0;
            }
            l.transport = transport;
            l.url = url;
            l.secret = secret;
            l.breaker = Breaker.CLOSED.name();
            l.failures = 0;
            l.openedAt = null;
            if (fresh) {
                em.persist(l);
            }
            return l;
        });
    }

    /**
     * Registers or replaces a department's offline media (DISK) key. A department linked over HTTP or to a front-end
     * processor keeps that link (its registry lookups, held results or other matters go on); one not linked gets a
     * link of transport DISK.
     */
    LinkEntity linkDisk(String department, String publicKey) {
        return jpa.txExpr(TransactionType.Required, em -> {
            LinkEntity l = em.find(LinkEntity.class, department, LockModeType.PESSIMISTIC_WRITE);
            boolean fresh = l == null;
            if (fresh) {
                l = new LinkEntity();
                l.department = department;
                l.transport = LinkEntity.DISK;
                l.url = "disk:";
                l.secret = "";
                l.resultCursor = 0;
                l.breaker = Breaker.CLOSED.name();
                l.failures = 0;
                l.openedAt = null;
            }
            l.publicKey = publicKey;
            if (fresh) {
                em.persist(l);
            }
            return l;
        });
    }

    /** @return whether there was a link to remove */
    boolean unlink(String department) {
        return jpa.txExpr(TransactionType.Required, em -> {
            LinkEntity l = em.find(LinkEntity.class, department, LockModeType.PESSIMISTIC_WRITE);
            if (l != null) {
                em.remove(l);
            }
            return l != null;
        });
    }

    /** @return what the department's breaker lets one task do now; DESK if no system is linked */
    LinkEntity.Gate gate(String department, Instant now, Duration openFor, Duration probeFor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            LinkEntity l = em.find(LinkEntity.class, department, LockModeType.PESSIMISTIC_WRITE);
            return l == null ? LinkEntity.Gate.DESK : l.gate(now, openFor, probeFor);
        });
    }

    /** Changes a link under its lock; returns what {@code read} makes of it after. */
    <T> T changeLink(String department, Consumer<LinkEntity> change, Function<LinkEntity, T> read) {
        return jpa.txExpr(TransactionType.Required, em -> {
            LinkEntity l = em.find(LinkEntity.class, department, LockModeType.PESSIMISTIC_WRITE);
            if (l == null) {
                return null;
            }
            change.accept(l);
            return read.apply(l);
        });
    }

    // --- tasks -------------------------------------------------------------------------

    /** Records a task of a DIRECT or FRONT_END matter, queued for now; a task recorded before is left as it is. */
    boolean enqueue(String trackingNumber, long task, String department, String matter, String mode, Instant now) {
        try {
            return insert(trackingNumber, task, department, matter, mode, now);
        } catch (RuntimeException e) {
            if (task(task).isPresent()) {
                return false; // another thread or node recorded it at the same moment
            }
            throw e;
        }
    }

    private boolean insert(String trackingNumber, long task, String department, String matter, String mode, Instant now) {
        return jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(TaskEntity.class, task) != null) {
                return false;
            }
            TaskEntity t = new TaskEntity();
            t.task = task;
            t.trackingNumber = trackingNumber;
            t.department = department;
            t.matter = matter;
            t.mode = mode;
            t.state = State.QUEUED;
            t.nextAt = now;
            t.updatedAt = now;
            em.persist(t);
            return true;
        });
    }

    Optional<TaskEntity> task(long task) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(TaskEntity.class, task)));
    }

    /**
     * Leases the queued tasks of a mode that are due, oldest first: each for this node alone until
     * {@code until} (a conditional update, so two nodes never lease one task at once).
     *
     * @param department only this department's, or {@code null} for all
     */
    List<TaskEntity> lease(String mode, String department, Instant now, int max, Instant until) {
        List<Long> due = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select t.task from TaskEntity t where t.mode = :m and t.state = :q and t.nextAt <= :now "
                    + (department == null ? "" : "and t.department = :d ")
                    + "and (t.leaseUntil is null or t.leaseUntil < :now) order by t.nextAt, t.task", Long.class)
                    .setParameter("m", mode).setParameter("q", State.QUEUED).setParameter("now", now).setMaxResults(max);
            return (department == null ? q : q.setParameter("d", department)).getResultList();
        });
        List<TaskEntity> leased = new java.util.ArrayList<>();
        for (long id : due) {
            TaskEntity mine = jpa.txExpr(TransactionType.Required, em -> {
                int n = em.createQuery("update TaskEntity t set t.leaseUntil = :until, t.version = t.version + 1 "
                        + "where t.task = :id and t.state = :q and (t.leaseUntil is null or t.leaseUntil < :now)")
                        .setParameter("until", until).setParameter("id", id).setParameter("q", State.QUEUED)
                        .setParameter("now", now).executeUpdate();
                return n == 1 ? em.find(TaskEntity.class, id) : null;
            });
            if (mine != null) {
                leased.add(mine);
            }
        }
        return leased;
    }

    /** Changes a task's row under its lock, ending this node's lease on it unless the change sets one; returns it after. */
    TaskEntity changeTask(long task, Instant now, Consumer<TaskEntity> change) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TaskEntity t = em.find(TaskEntity.class, task, LockModeType.PESSIMISTIC_WRITE);
            if (t == null) {
                return null;
            }
            t.leaseUntil = null;
            change.accept(t);
            t.updatedAt = now;
            return t;
        });
    }

    /** @return the tasks waiting for a callback since before {@code before}: of mode DISK, or of all others */
    List<Long> waitingSince(Instant before, boolean disk) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select t.task from TaskEntity t where t.state = :w and t.updatedAt < :b and t.mode " + (disk ? "=" : "<>") + " :d",
                Long.class).setParameter("w", State.WAITING).setParameter("b", before).setParameter("d", DiskExchange.MODE)
                .setMaxResults(100).getResultList());
    }

    /** @return the department's tasks of a mode in a state, oldest first */
    List<TaskEntity> tasks(String mode, String department, State state, int max) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select t from TaskEntity t where t.mode = :m "
                + "and t.department = :d and t.state = :s order by t.task", TaskEntity.class).setParameter("m", mode)
                .setParameter("d", department).setParameter("s", state).setMaxResults(max).getResultList());
    }

    /** @return the department's tasks sent and not answered yet */
    long waiting(String department) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select count(t) from TaskEntity t where t.department = :d and t.state = :w", Long.class)
                .setParameter("d", department).setParameter("w", State.WAITING).getSingleResult());
    }

    // --- offline media -----------------------------------------------------------------

    /**
     * Records a batch exported and moves its tasks to WAITING (exported), all in one transaction: either
     * the batch and all its tasks are recorded, or nothing is.
     */
    void exported(String batch, String department, List<Long> tasks, Instant now) {
        jpa.tx(TransactionType.Required, em -> {
            em.createNativeQuery("insert into exchange_disk_batch (batch_id, department, created_at, task_count) values (?, ?, ?, ?)")
                    .setParameter(1, batch).setParameter(2, department).setParameter(3, java.sql.Timestamp.from(now))
                    .setParameter(4, tasks.size()).executeUpdate();
            for (long task : tasks) {
                em.createNativeQuery("insert into exchange_disk_batch_task (batch_id, task_id) values (?, ?)")
                        .setParameter(1, batch).setParameter(2, task).executeUpdate();
                TaskEntity t = em.find(TaskEntity.class, task, LockModeType.PESSIMISTIC_WRITE);
                t.leaseUntil = null;
                if (t.state == State.QUEUED || t.state == State.WAITING) {
                    t.state = State.WAITING;
                    t.attempts++;
                    t.reason = null;
                }
                t.updatedAt = now;
            }
        });
    }

    /** @return whether the task was ever exported to the department */
    boolean exportedTo(String department, long task) {
        Number n = jpa.txExpr(TransactionType.Supports, em -> (Number) em.createNativeQuery("select count(*) from "
                + "exchange_disk_batch_task bt join exchange_disk_batch b on b.batch_id = bt.batch_id "
                + "where bt.task_id = ? and b.department = ?").setParameter(1, task).setParameter(2, department).getSingleResult());
        return n.longValue() > 0;
    }

    /** Records an imported (or refused) result file. */
    void imported(String department, String digest, int decided, int duplicates, int refused, String outcome, Instant now) {
        jpa.tx(TransactionType.Required, em -> {
            DiskImportEntity i = new DiskImportEntity();
            i.at = now;
            i.department = department;
            i.digest = digest;
            i.decided = decided;
            i.duplicates = duplicates;
            i.refused = refused;
            i.outcome = outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome;
            em.persist(i);
        });
    }

    /** @return the department's tasks queued for its system or front-end processor */
    long queued(String department) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select count(t) from TaskEntity t where t.department = :d and t.state = :q", Long.class)
                .setParameter("d", department).setParameter("q", State.QUEUED).getSingleResult());
    }

    // --- parked results ----------------------------------------------------------------

    /** Parks a result the platform could not use; a message parked before keeps its first reason. */
    void park(String department, String messageId, String body, String reason, Instant now) {
        jpa.tx(TransactionType.Required, em -> {
            boolean known = !em.createQuery("select p.id from ParkedEntity p where p.department = :d and p.messageId = :m",
                    Long.class).setParameter("d", department).setParameter("m", messageId).getResultList().isEmpty();
            if (!known) {
                ParkedEntity p = new ParkedEntity();
                p.at = now;
                p.department = department;
                p.messageId = messageId;
                p.body = body.length() > 100_000 ? body.substring(0, 100_000) : body;
                p.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
                p.state = "PARKED";
                em.persist(p);
            }
        });
    }

    /** @return the results still parked, oldest first; of one department, or of all for {@code null} */
    List<ParkedEntity> parked(String department, int max) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select p from ParkedEntity p where p.state = 'PARKED' "
                    + (department == null ? "" : "and p.department = :d ") + "order by p.id", ParkedEntity.class).setMaxResults(max);
            return (department == null ? q : q.setParameter("d", department)).getResultList();
        });
    }

    /** @return how many of the department's results are still parked */
    int parkedCount(String department) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select count(p) from ParkedEntity p where p.state = 'PARKED' "
                + "and p.department = :d", Long.class).setParameter("d", department).getSingleResult()).intValue();
    }

    Optional<ParkedEntity> parked(long id) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(ParkedEntity.class, id)));
    }

    /** Marks a parked result as sent back and used, or records why it still cannot be. */
    void parkedAgain(long id, String reason, Instant now) {
        jpa.tx(TransactionType.Required, em -> {
            ParkedEntity p = em.find(ParkedEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            p.at = now;
            if (reason == null) {
                p.state = "RESENT";
            } else {
                p.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
            }
        });
    }

    // --- refused callbacks -------------------------------------------------------------

    void incident(String department, Long task, int status, String reason, Instant now) {
        jpa.tx(TransactionType.Required, em -> {
            IncidentEntity i = new IncidentEntity();
            i.at = now;
            i.department = department.length() > 64 ? department.substring(0, 64) : department;
            i.task = task;
            i.status = status;
            i.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
            em.persist(i);
        });
    }

    /** @return the latest refused callbacks, newest first */
    List<IncidentEntity> incidents(int max) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select i from IncidentEntity i order by i.id desc", IncidentEntity.class).setMaxResults(max).getResultList());
    }
}
