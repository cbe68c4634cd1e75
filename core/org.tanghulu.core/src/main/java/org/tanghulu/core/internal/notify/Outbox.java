package org.tanghulu.core.internal.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.internal.store.Database;
import org.tanghulu.kernel.json.Json;
import org.tanghulu.core.notify.Channel;
import org.tanghulu.core.notify.NotificationStatus;
import org.tanghulu.core.notify.NotificationView;
import org.tanghulu.core.notify.Notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code notification} table, filled from the case event log (the log is the outbox: the
 * engine writes nothing else) and emptied by delivery. Each method is one transaction.
 */
@Component(service = {Outbox.class, Notifications.class})
public class Outbox implements Notifications {

    /** Events read per round. */
    static final int EVENTS_PER_ROUND = 500;
    /**
     * How long a missing event id may be a transaction still to commit (ids are drawn when an event
     * is written, commits may come in another order); after that it was rolled back.
     */
    static final Duration GRACE = Duration.ofMinutes(2);
    private static final int MAX_LIST = 1000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JpaTemplate jpa;
    private final ObjectMapper json = Json.stored();

    @Activate
    public Outbox(@Reference Database database) {
        this.jpa = database.jpa();
    }

    /** A notification to send. */
    record Due(long id, Channel channel, String recipient, String subject, String body, int attempts) {
    }

    /**
     * Makes the notifications of the events after the cursor and moves the cursor over every event
     * that can no longer be followed by an earlier one. Events after a young gap are read again next
     * round; the unique (event, channel) keeps that, and a second platform node, from making a
     * message twice. The cursor row is locked, so nodes relay one after the other.
     *
     * @return how many notifications were made
     */
    int relay(Composer composer, Instant now) {
        return jpa.txExpr(TransactionType.Required, em -> {
            CursorEntity cursor = em.find(CursorEntity.class, CursorEntity.ID, LockModeType.PESSIMISTIC_WRITE);
            List<Object[]> rows = em.createQuery("select e.id, e.caseId, e.taskId, e.type, e.detail, e.at from EventEntity e"
                    + " where e.id > :cursor order by e.id", Object[].class)
                    .setParameter("cursor", cursor.lastEventId).setMaxResults(EVENTS_PER_ROUND).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            Set<String> made = existing(em, rows.stream().map(r -> (Long) r[0]).toList());
            Instant settled = now.minus(GRACE);
            long expected = cursor.lastEventId + 1;
            boolean gap = false;
            int count = 0;
            for (Object[] r : rows) {
                Composer.Event e = new Composer.Event((Long) r[0], (Long) r[1], (Long) r[2], (String) r[3], (String) r[4]);
                gap |= e.id() != expected && ((Instant) r[5]).isAfter(settled);
                if (!gap) {
                    cursor.lastEventId = e.id();
                }
                expected = e.id() + 1;
                if (composer.tells(e.type(), e.taskId())) {
                    for (Composer.Draft d : composer.compose(e, caseOf(em, e.caseId()), taskOf(em, e))) {
                        if (made.add(e.id() + "/" + d.channel())) {
                            em.persist(entity(e, d, now));
                            count++;
                        }
                    }
                }
            }
            return count;
        });
    }

    private static Set<String> existing(EntityManager em, List<Long> eventIds) {
        return em.createQuery("select n.eventId, n.channel from NotificationEntity n where n.eventId in :ids", Object[].class)
                .setParameter("ids", eventIds).getResultStream().map(r -> r[0] + "/" + r[1])
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Composer.Case caseOf(EntityManager em, long caseId) {
        Object[] c = em.createQuery("select c.trackingNumber, c.groupId, c.applicantName, c.contactEmail, c.contactPhone"
                + " from CaseEntity c where c.id = :id", Object[].class).setParameter("id", caseId).getSingleResult();
        return new Composer.Case(caseId, (String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4]);
    }

    /** The event's task, or for a case's rejection the task that was rejected; {@code null} for none. */
    private Composer.Task taskOf(EntityManager em, Composer.Event e) {
        String select = "select t.department, t.matter, t.message, t.correctionFields from TaskEntity t where ";
        List<Object[]> rows = e.taskId() != null
                ? em.createQuery(select + "t.id = :id", Object[].class).setParameter("id", e.taskId()).getResultList()
                : "REJECTED".equals(e.type())
                        ? em.createQuery(select + "t.caseRecord.id = :c and t.state = :s", Object[].class)
                                .setParameter("c", e.caseId()).setParameter("s", TaskState.REJECTED).getResultList()
                        : List.of();
        return rows.stream().findFirst().map(t -> new Composer.Task((String) t[0], (String) t[1], (String) t[2],
                t[3] == null ? List.of() : strings((String) t[3]))).orElse(null);
    }

    private List<String> strings(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static NotificationEntity entity(Composer.Event e, Composer.Draft d, Instant now) {
        NotificationEntity n = new NotificationEntity();
        n.caseId = e.caseId();
        n.eventId = e.id();
        n.eventType = e.type();
        n.channel = d.channel();
        n.recipient = d.recipient();
        n.subject = d.message().subject();
        n.body = d.channel() == Channel.SMS ? d.message().sms() : d.message().body();
        n.status = NotificationStatus.PENDING;
        n.createdAt = now;
        n.nextAttemptAt = now;
        return n;
    }

    /** @return pending notifications of these channels whose (next) attempt is due, oldest first */
    List<Due> due(Set<Channel> channels, Instant now, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select n from NotificationEntity n"
                + " where n.status = :pending and n.channel in :channels and n.nextAttemptAt <= :now order by n.id",
                NotificationEntity.class).setParameter("pending", NotificationStatus.PENDING)
                .setParameter("channels", channels).setParameter("now", now).setMaxResults(limit).getResultStream()
                .map(n -> new Due(n.id, n.channel, n.recipient, n.subject, n.body, n.attempts)).toList());
    }

    /** Records a delivery. */
    void sent(long id, Instant now) {
        update(id, n -> {
            n.attempts++;
            n.status = NotificationStatus.SENT;
            n.sentAt = now;
            n.lastError = null;
        });
    }

    /** Records a failed attempt: tried again at {@code retryAt}, or {@link NotificationStatus#FAILED} for none. */
    void failed(long id, String error, Instant retryAt) {
        update(id, n -> {
            n.attempts++;
            n.lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
            if (retryAt == null) {
                n.status = NotificationStatus.FAILED;
            } else {
                n.nextAttemptAt = retryAt;
            }
        });
    }

    private void update(long id, Consumer<NotificationEntity> change) {
        jpa.tx(TransactionType.Required, em -> {
            NotificationEntity n = em.find(NotificationEntity.class, id);
            if (n != null) {
                change.accept(n);
            }
        });
    }

    @Override
    public List<NotificationView> list(String trackingNumber, boolean all) {
        String where = (trackingNumber == null ? "" : " and c.trackingNumber = :t") + (all ? "" : " and n.status <> :sent");
        return jpa.txExpr(TransactionType.Supports, em -> {
            var query = em.createQuery("select n, c.trackingNumber from NotificationEntity n, CaseEntity c"
                    + " where c.id = n.caseId" + where + " order by n.id desc", Object[].class).setMaxResults(MAX_LIST);
            if (trackingNumber != null) {
                query.setParameter("t", trackingNumber);
            }
            if (!all) {
                query.setParameter("sent", NotificationStatus.SENT);
            }
            return query.getResultStream().map(r -> view((NotificationEntity) r[0], (String) r[1])).toList();
        });
    }

    private static NotificationView view(NotificationEntity n, String trackingNumber) {
        return new NotificationView(n.id, trackingNumber, n.eventType, n.channel, Recipients.mask(n.channel, n.recipient),
                n.subject, n.status, n.attempts, n.lastError, n.createdAt, n.sentAt);
    }
}
