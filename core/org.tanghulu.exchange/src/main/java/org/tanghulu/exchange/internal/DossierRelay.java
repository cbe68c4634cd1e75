package org.tanghulu.exchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
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
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskReused;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCancelled;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCreated;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskRejected;
import org.tanghulu.core.cases.events.TaskRef;
import org.tanghulu.api.exchange.ExchangeMode;
import org.tanghulu.catalog.Outcome;
import org.tanghulu.exchange.DossierEntry;
import org.tanghulu.exchange.DossierEntry.Direction;
import org.tanghulu.kernel.json.Json;

/**
 * Fills the dossiers from the case event log, every few seconds (the Karaf scheduler's whiteboard,
 * never two at once), with its own cursor: a task handed to a department, its withdrawal and the
 * applicant's corrected data are messages OUT; a decision a manual entry IN, or one of the task's mode
 * (DIRECT, FRONT_END, DISK) when the department's system made it. A new task of a matter its department's
 * adapter declares DIRECT, FRONT_END or DISK is queued for the {@link DirectSender}, the
 * {@link FrontEndExchange} or the export of {@link DiskExchange}, and so is one whose correction the applicant answered. Each message is appended in its own transaction (a message already there is skipped), then the
 * cursor moves over what is settled ({@link CaseEventLog#settled}).
 */
@Component(service = {Runnable.class, DossierRelay.class}, property = {"scheduler.name=tanghulu-dossiers", "scheduler.period:Long=3",
        "scheduler.concurrent:Boolean=false"})
public class DossierRelay implements Runnable {

    static final String MANUAL = "MANUAL";
    static final String DIRECT = "DIRECT";
    static final String FRONT_END = "FRONT_END";
    static final String DISK = "DISK";
    private static final Logger LOG = LoggerFactory.getLogger(DossierRelay.class);
    private static final int EVENTS_PER_ROUND = 500;
    private static final Duration GRACE = Duration.ofMinutes(2);

    private final DossierStore store;
    private final CaseEventLog log;
    private final JpaTemplate jpa;
    private final Adapters adapters;
    private final DirectSender direct;
    /** Positions above the cursor handled by this node (a failed round forgets them: see {@link #run}). */
    private final Set<Long> handled = new HashSet<>();

    @Activate
    public DossierRelay(@Reference ExchangeDatabase database, @Reference DossierStore store, @Reference CaseEventLog log,
            @Reference Adapters adapters, @Reference DirectSender direct) {
        this.jpa = database.jpa();
        this.store = store;
        this.log = log;
        this.adapters = adapters;
        this.direct = direct;
    }

    @Override
    public void run() {
        try {
            relay(Instant.now());
        } catch (RuntimeException e) {
            synchronized (this) {
                handled.clear(); // what failed is handled again next round
            }
            LOG.warn("Dossiers not filled this round: {}", e.toString(), e);
        }
    }

    /**
     * One round, one at a time on this node (the scheduler's and the waker's). Events above the cursor that
     * this node has handled already are skipped: the cursor waits at a gap for up to {@link #GRACE}, and the
     * rounds meanwhile (one per commit, woken) would otherwise handle the same events again and again.
     *
     * @return how many messages were appended
     */
    synchronized int relay(Instant now) {
        long from = jpa.txExpr(TransactionType.Supports, em -> em.find(CursorEntity.class, CursorEntity.ID).lastEventId);
        List<RecordedCaseEvent> events = log.after(from, EVENTS_PER_ROUND);
        int appended = 0;
        for (RecordedCaseEvent e : events) {
            if (!handled.add(e.position())) {
                continue;
            }
            String mode = mode(e);
            DossierEntry message = message(e, mode);
            boolean fresh = message != null && store.append(e.trackingNumber(), e.position(), message);
            if (fresh) {
                appended++;
            }
            if (e instanceof TaskCreated t && !MANUAL.equals(mode)) {
                direct.enqueue(e.trackingNumber(), t.task().id(), t.task().matter().department(), t.task().matter().matter(), mode);
            } else if (e instanceof CorrectionAnswered t && fresh) {
                direct.corrected(t.task().id());
            }
        }
        long to = CaseEventLog.settled(from, events, now, GRACE);
        handled.removeIf(p -> p <= to);
        if (to != from) {
            jpa.tx(TransactionType.Required, em -> {
                CursorEntity cursor = em.find(CursorEntity.class, CursorEntity.ID, LockModeType.PESSIMISTIC_WRITE);
                cursor.lastEventId = Math.max(cursor.lastEventId, to);
            });
        }
        return appended;
    }

    /**
     * @return how the event's message travels: a new task as its matter's adapter declares (MANUAL if
     *         the adapter fails to say, or nothing of the department is linked for that mode), a decision
     *         in its task's mode if the department's system made it
     */
    private String mode(RecordedCaseEvent e) {
        if (e instanceof TaskCreated t) {
            Outcome<ExchangeMode> declared = adapters.mode(t.task().matter().department(), t.task().matter().matter());
            if (declared.failed()) {
                LOG.warn("Task {} goes to the desk: the exchange adapter could not say its mode: {}", t.task().id(),
                        declared.failure());
            }
            if (declared.failed()) {
                return MANUAL;
            }
            // a matter whose department has no system or front-end processor linked for its mode is simply manual
            return direct.route(t.task().matter().department(), declared.value());
        }
        if (e instanceof TaskReused) {
            return Decider.MODE; // confirmed by the department's system over HTTP before the case began
        }
        TaskRef decided = e instanceof TaskApproved a ? a.task() : e instanceof TaskRejected r ? r.task()
                : e instanceof CorrectionRequested c ? c.task() : null;
        if (decided != null && e.actor() != null && e.actor().startsWith("exchange:")) {
            return direct.modeOf(decided.id());
        }
        return MANUAL;
    }

    /** @return the message an event is, or {@code null} for an event that is none */
    static DossierEntry message(RecordedCaseEvent e, String mode) {
        if (e instanceof TaskCreated t) {
            return entry(e, mode, Direction.OUT, t.task(), "TASK", Map.of("promisedDue", t.promisedDue(),
                    "statutoryDue", t.statutoryDue(), "group", e.caseRef().group(), "groupVersion", e.caseRef().groupVersion()));
        }
        if (e instanceof CorrectionAnswered t) {
            return entry(e, mode, Direction.OUT, t.task(), "CORRECTED", withMessage(Map.of("corrected", new TreeSet<>(t.corrected()),
                    "handedIn", new TreeSet<>(t.handedIn()), "promisedDue", t.promisedDue()), t.note()));
        }
        if (e instanceof TaskCancelled t) {
            return entry(e, mode, Direction.OUT, t.task(), "CANCELLED", Map.of("before", t.before().name()));
        }
        if (e instanceof TaskApproved t) {
            return entry(e, mode, Direction.IN, t.task(), "APPROVED", withMessage(Map.of("outputs", t.outputs()), t.message()));
        }
        if (e instanceof TaskReused t) {
            return entry(e, mode, Direction.IN, t.task(), "REUSED", Map.of("reference", t.reference(), "outputs", t.outputs()));
        }
        if (e instanceof TaskRejected t) {
            return entry(e, mode, Direction.IN, t.task(), "REJECTED", Map.of("reason", t.reason()));
        }
        if (e instanceof CorrectionRequested t) {
            return entry(e, mode, Direction.IN, t.task(), "CORRECTION_REQUESTED", Map.of("message", t.message(), "fields", t.fields(),
                    "materials", t.materials()));
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

    private static DossierEntry entry(RecordedCaseEvent e, String mode, Direction direction, TaskRef task, String kind,
            Map<String, Object> content) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("task", task.id());
        payload.put("matter", task.matter().toString());
        payload.put("by", e.actor());
        payload.putAll(content);
        try {
            return new DossierEntry(0, e.at(), mode, direction, task.matter().department(), kind,
                    Json.stored().writeValueAsString(payload), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException("A dossier message could not be written as JSON: " + x.getMessage(), x);
        }
    }
}
