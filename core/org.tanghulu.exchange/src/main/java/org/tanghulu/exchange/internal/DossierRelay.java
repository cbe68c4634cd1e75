package org.tanghulu.exchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.core.cases.events.CaseEventLog;
import org.tanghulu.core.cases.events.RecordedCaseEvent;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionAnswered;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionRequested;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskApproved;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCancelled;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCreated;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskRejected;
import org.tanghulu.core.cases.events.TaskRef;
import org.tanghulu.exchange.DossierEntry;
import org.tanghulu.exchange.DossierEntry.Direction;
import org.tanghulu.kernel.json.Json;

/**
 * Fills the dossiers from the case event log, every few seconds (the Karaf scheduler's whiteboard,
 * never two at once), with its own cursor: a task handed to a department, its withdrawal and the
 * applicant's corrected data are messages OUT; an officer's decision on the desk a manual entry IN. Every department is on the desk (MANUAL) for now.
 * Each message is appended in its own transaction (a message already there is skipped), then the
 * cursor moves over what is settled ({@link CaseEventLog#settled}).
 */
@Component(service = Runnable.class, property = {"scheduler.name=tanghulu-dossiers", "scheduler.period:Long=3",
        "scheduler.concurrent:Boolean=false"})
public class DossierRelay implements Runnable {

    static final String MANUAL = "MANUAL";
    private static final Logger LOG = LoggerFactory.getLogger(DossierRelay.class);
    private static final int EVENTS_PER_ROUND = 500;
    private static final Duration GRACE = Duration.ofMinutes(2);

    private final DossierStore store;
    private final CaseEventLog log;
    private final JpaTemplate jpa;

    @Activate
    public DossierRelay(@Reference ExchangeDatabase database, @Reference DossierStore store, @Reference CaseEventLog log) {
        this.jpa = database.jpa();
        this.store = store;
        this.log = log;
    }

    @Override
    public void run() {
        try {
            relay(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Dossiers not filled this round: {}", e.toString(), e);
        }
    }

    /** @return how many messages were appended */
    int relay(Instant now) {
        long from = jpa.txExpr(TransactionType.Supports, em -> em.find(CursorEntity.class, CursorEntity.ID).lastEventId);
        List<RecordedCaseEvent> events = log.after(from, EVENTS_PER_ROUND);
        int appended = 0;
        for (RecordedCaseEvent e : events) {
            DossierEntry message = message(e);
            if (message != null && store.append(e.trackingNumber(), e.position(), message)) {
                appended++;
            }
        }
        long to = CaseEventLog.settled(from, events, now, GRACE);
        if (to != from) {
            jpa.tx(TransactionType.Required, em -> {
                CursorEntity cursor = em.find(CursorEntity.class, CursorEntity.ID, LockModeType.PESSIMISTIC_WRITE);
                cursor.lastEventId = Math.max(cursor.lastEventId, to);
            });
        }
        return appended;
    }

    /** @return the message an event is, or {@code null} for an event that is none */
    static DossierEntry message(RecordedCaseEvent e) {
        if (e instanceof TaskCreated t) {
            return entry(e, Direction.OUT, t.task(), "TASK", Map.of("promisedDue", t.promisedDue(),
                    "statutoryDue", t.statutoryDue(), "group", e.caseRef().group(), "groupVersion", e.caseRef().groupVersion()));
        }
        if (e instanceof CorrectionAnswered t) {
            return entry(e, Direction.OUT, t.task(), "CORRECTED", withMessage(Map.of("corrected", new TreeSet<>(t.corrected()),
                    "handedIn", new TreeSet<>(t.handedIn()), "promisedDue", t.promisedDue()), t.note()));
        }
        if (e instanceof TaskCancelled t) {
            return entry(e, Direction.OUT, t.task(), "CANCELLED", Map.of("before", t.before().name()));
        }
        if (e instanceof TaskApproved t) {
            return entry(e, Direction.IN, t.task(), "APPROVED", withMessage(Map.of("outputs", t.outputs()), t.message()));
        }
        if (e instanceof TaskRejected t) {
            return entry(e, Direction.IN, t.task(), "REJECTED", Map.of("reason", t.reason()));
        }
        if (e instanceof CorrectionRequested t) {
            return entry(e, Direction.IN, t.task(), "CORRECTION_REQUESTED", Map.of("message", t.message(), "fields", t.fields()));
        }
        return null;
    }

    private static Map<String, Object> withMessage(Map<String, Object> content, String message) {
        Map<String, Object> all = new LinkedHashMap<>(content);
        if (message != null) {
            all.put("message", message);
        }
        return all;
    }

    private static DossierEntry entry(RecordedCaseEvent e, Direction direction, TaskRef task, String kind,
            Map<String, Object> content) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("task", task.id());
        payload.put("matter", task.matter().toString());
        payload.put("by", e.actor());
        payload.putAll(content);
        try {
            return new DossierEntry(0, e.at(), MANUAL, direction, task.matter().department(), kind,
                    Json.stored().writeValueAsString(payload), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException("A dossier message could not be written as JSON: " + x.getMessage(), x);
        }
    }
}
