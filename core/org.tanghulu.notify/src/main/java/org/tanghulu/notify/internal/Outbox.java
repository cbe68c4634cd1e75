package org.tanghulu.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.tanghulu.core.cases.events.CaseEventLog;
import org.tanghulu.core.cases.events.CaseRef;
import org.tanghulu.core.cases.events.RecordedCaseEvent;
import org.tanghulu.core.cases.events.TaskRef;
import org.tanghulu.notify.Channel;
import org.tanghulu.notify.NotificationStatus;
import org.tanghulu.notify.NotificationView;
import org.tanghulu.notify.Notifications;


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

    private final JpaTemplate jpa;
    private final CaseEventLog log;

    @Activate
    public Outbox(@Reference NotifyDatabase database, @Reference CaseEventLog log) {
        this.jpa = database.jpa();
        this.log = log;
    }

    /** A notification to send. */
    record Due(long id, Channel channel, String recipient, String subject, String body, int attempts) {
    }

    /**
     * Makes the notifications of the events after the cursor and moves the cursor over every event
     * that can no longer be followed by an earlier one. Events after a young gap are read again next
     * round; the unique (event, channel) keeps that, and a second platform node, from making a
     * message twice. The events are read from the typed case event log ({@link CaseEventLog}) before
     * this component's transaction opens; the cursor row is then locked, and if another node moved
     * it meanwhile this round makes nothing (the next one reads again).
     *
     * @return how many notifications were made
     */
    int relay(Composer composer, Instant now) {
        long from = jpa.txExpr(TransactionType.Supports, em -> em.find(CursorEntity.class, CursorEntity.ID).lastEventId);
        List<RecordedCaseEvent> events = log.after(from, EVENTS_PER_ROUND);
        if (events.isEmpty()) {
            return 0;
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            CursorEntity cursor = em.find(CursorEntity.class, CursorEntity.ID, LockModeType.PESSIMISTIC_WRITE);
            if (cursor.lastEventId != from) {
                return 0;
            }
            Set<String> made = existing(em, events.stream().map(RecordedCaseEvent::position).toList());
            cursor.lastEventId = CaseEventLog.settled(from, events, now, GRACE);
            int count = 0;
            for (RecordedCaseEvent e : events) {
                if (!told(e)) {
                    continue;
                }
                Composer.Task task = taskOf(e);
                Composer.Event event = new Composer.Event(e.position(), e.caseId(), task == null ? null : taskId(e),
                        e.type(), task == null ? null : task.message());
                Composer.Case kase = caseOf(e.caseRef());
                Composer.Awaited awaited = e instanceof RecordedCaseEvent.MaterialReminder m
                        ? new Composer.Awaited(m.material(), m.due()) : null;
                Map<String, String> particulars = e instanceof RecordedCaseEvent.CertificatesHandedOver h
                        ? Map.of("receipt", h.receiptNumber()) : Map.of();
                for (Composer.Draft d : composer.compose(event, kase, task, awaited, particulars)) {
                    if (made.add(e.position() + "/" + d.channel())) {
                        em.persist(entity(event, kase.trackingNumber(), d, now));
                        count++;
                    }
                }
            }
            return count;
        });
    }

    /**
     * @return whether the applicant is told of this event: the submission, a correction request, the
     *         reminder of a material promised for later, the closing of the case (completed, or
     *         rejected: the case's rejection, not the task's own) and the hand-over of its certificates at
     *         the window
     */
    static boolean told(RecordedCaseEvent e) {
        return e instanceof RecordedCaseEvent.Submitted || e instanceof RecordedCaseEvent.CorrectionRequested
                || e instanceof RecordedCaseEvent.MaterialReminder || e instanceof RecordedCaseEvent.CaseCompleted
                || e instanceof RecordedCaseEvent.CaseRejected || e instanceof RecordedCaseEvent.CertificatesHandedOver;
    }

    private static Set<String> existing(EntityManager em, List<Long> eventIds) {
        return em.createQuery("select n.eventId, n.channel from NotificationEntity n where n.eventId in :ids", Object[].class)
                .setParameter("ids", eventIds).getResultStream().map(r -> r[0] + "/" + r[1])
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Composer.Case caseOf(CaseRef c) {
        return new Composer.Case(c.id(), c.trackingNumber(), c.group(), c.applicant().name(), c.applicant().email(),
                c.applicant().phone());
    }

    /**
     * The event's task with the officer's words as recorded, for a case's rejection the rejected task, for
     * a reminder the matter that needs the material; {@code null} for none.
     */
    private static Composer.Task taskOf(RecordedCaseEvent e) {
        if (e instanceof RecordedCaseEvent.MaterialReminder m) {
            return new Composer.Task(m.matter().department(), m.matter().matter(), null, List.of());
        }
        if (e instanceof RecordedCaseEvent.CorrectionRequested c) {
            return new Composer.Task(c.task().matter().department(), c.task().matter().matter(), c.message(), c.fields(),
                    c.materials());
        }
        if (e instanceof RecordedCaseEvent.CaseRejected r && r.rejectedTask() != null) {
            TaskRef t = r.rejectedTask();
            return new Composer.Task(t.matter().department(), t.matter().matter(), r.reason(), List.of());
        }
        return null;
    }

    private static Long taskId(RecordedCaseEvent e) {
        return e instanceof RecordedCaseEvent.CorrectionRequested c ? Long.valueOf(c.task().id()) : null;
    }

    private static NotificationEntity entity(Composer.Event e, String trackingNumber, Composer.Draft d, Instant now) {
        NotificationEntity n = new NotificationEntity();
        n.caseId = e.caseId();
        n.trackingNumber = trackingNumber;
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
        String where = (trackingNumber == null ? "" : " and n.trackingNumber = :t") + (all ? "" : " and n.status <> :sent");
        return jpa.txExpr(TransactionType.Supports, em -> {
            var query = em.createQuery("select n from NotificationEntity n where 1 = 1" + where + " order by n.id desc",
                    NotificationEntity.class).setMaxResults(MAX_LIST);
            if (trackingNumber != null) {
                query.setParameter("t", trackingNumber);
            }
            if (!all) {
                query.setParameter("sent", NotificationStatus.SENT);
            }
            return query.getResultStream().map(Outbox::view).toList();
        });
    }

    private static NotificationView view(NotificationEntity n) {
        return new NotificationView(n.id, n.trackingNumber, n.eventType, n.channel, Recipients.mask(n.channel, n.recipient),
                n.subject, n.status, n.attempts, n.lastError, n.createdAt, n.sentAt);
    }
}
