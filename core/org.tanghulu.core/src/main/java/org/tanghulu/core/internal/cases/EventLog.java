package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.internal.store.JsonColumns.OBJECT_MAP;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_LIST;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_MAP;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.events.Applicant;
import org.tanghulu.core.cases.events.CaseEventListener;
import org.tanghulu.core.cases.events.CaseEventLog;
import org.tanghulu.core.cases.events.CaseRef;
import org.tanghulu.core.cases.events.RecordedCaseEvent;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CaseCompleted;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CaseRejected;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionAnswered;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionRequested;
import org.tanghulu.core.cases.events.RecordedCaseEvent.DepartmentCheckFailed;
import org.tanghulu.core.cases.events.RecordedCaseEvent.Rated;
import org.tanghulu.core.cases.events.RecordedCaseEvent.Submitted;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskApproved;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskRated;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskReopened;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskReused;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCancelled;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskClaimed;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCreated;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskRejected;
import org.tanghulu.core.cases.events.TaskRef;
import org.tanghulu.core.internal.store.Database;
import org.tanghulu.core.internal.store.JsonColumns;
import org.tanghulu.core.internal.store.Transactions;

/**
 * The {@code case_event} table: the engine appends to it inside its transactions, readers get
 * typed events from it, and listeners are woken after a transaction that appended has committed.
 */
@Component(service = {EventLog.class, CaseEventLog.class})
public class EventLog implements CaseEventLog {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

    /** The case engine's own bookkeeping of a waiting task and of materials promised, asked and supplied: no typed event. */

    private static final Set<String> UNTYPED = Set.of("TASK_WAITING", "MATERIAL_PROMISED", "MATERIAL_ASKED", "MATERIAL_SUPPLIED");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A transaction run through {@link #run}: how deep it is nested, and the last event it appended. */
    private static final class Unit {
        int depth;
        long last;
    }

    /** A task's columns that events refer to. */
    private record Task(long id, long caseId, String department, String matter, TaskState state, String message,
            String correctionFields, String outputs) {
        TaskRef ref() {
            return new TaskRef(id, new MatterKey(department, matter));
        }
    }

    private final JpaTemplate jpa;
    private final List<CaseEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Unit> unit = new ThreadLocal<>();

    @Activate
    public EventLog(@Reference Database database) {
        this.jpa = database.jpa();
    }

    @Reference(service = CaseEventListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(CaseEventListener listener) {
        listeners.add(listener);
    }

    void removeListener(CaseEventListener listener) {
        listeners.remove(listener);
    }

    // --- writing ------------------------------------------------------------------------

    /**
     * Runs a unit of work as {@link Transactions#run} does. When the outermost unit of this thread
     * returns, its transaction has committed: if it appended events, the listeners are woken.
     */
    <T> T run(EmFunction<T> work) {
        Unit u = unit.get();
        boolean outermost = u == null;
        if (outermost) {
            u = new Unit();
            unit.set(u);
        }
        u.depth++;
        try {
            T result = Transactions.run(jpa, work);
            if (outermost && u.last > 0) {
                wake(u.last);
            }
            return result;
        } finally {
            u.depth--;
            if (outermost) {
                unit.remove();
            }
        }
    }

    /**
     * Appends an event in {@code em}'s transaction.
     *
     * @param payload the typed event's own fields ({@link #payload}); kept as JSON
     * @return the event's position
     */
    long append(EntityManager em, long caseId, Long taskId, Instant at, String actor, String type, String before,
            String after, String detail, Map<String, Object> payload) {
        EventEntity e = new EventEntity();
        e.caseId = caseId;
        e.taskId = taskId;
        e.at = at;
        e.actor = actor;
        e.type = type;
        e.before = before;
        e.after = after;
        e.detail = detail;
        e.payload = JsonColumns.write(payload);
        em.persist(e);
        Unit u = unit.get();
        if (u != null && e.id != null) {
            u.last = Math.max(u.last, e.id);
        }
        return e.id == null ? 0 : e.id;
    }

    /** @return a payload of names and values, in order; {@code null} values left out, days as ISO text */
    static Map<String, Object> payload(Object... namesAndValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            if (v != null) {
                p.put((String) namesAndValues[i], v instanceof LocalDate d ? d.toString() : v);
            }
        }
        return p;
    }

    private void wake(long position) {
        for (CaseEventListener l : listeners) {
            try {
                l.appended(position);
            } catch (RuntimeException e) {
                LOG.warn("Case event listener {} failed on a wake-up: {}", l.getClass().getName(), e.toString(), e);
            }
        }
    }

    // --- reading ------------------------------------------------------------------------

    @Override
    public long head() {
        Long max = Transactions.run(jpa, em -> em.createQuery("select max(e.id) from EventEntity e", Long.class)
                .getSingleResult());
        return max == null ? 0 : max;
    }

    @Override
    public List<RecordedCaseEvent> after(long position, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("Read at least one event, not " + max);
        }
        return read("e.id > :p", position, Math.min(max, MAX_READ));
    }

    /** @return the typed events of one case, in order */
    List<RecordedCaseEvent> ofCase(long caseId) {
        return read("e.caseId = :p", caseId, Integer.MAX_VALUE);
    }

    private List<RecordedCaseEvent> read(String condition, long parameter, int max) {
        return Transactions.run(jpa, em -> {
            List<Object[]> rows = em.createQuery("select e, c.trackingNumber, c.groupId, c.groupVersion, c.applicantType,"
                    + " c.applicantName, c.contactPhone, c.contactEmail from EventEntity e, CaseEntity c"
                    + " where c.id = e.caseId and " + condition + " order by e.id", Object[].class)
                    .setParameter("p", parameter).setMaxResults(max).getResultList();
            Set<Long> taskIds = new LinkedHashSet<>();
            Set<Long> rejectedCases = new LinkedHashSet<>();
            Map<Long, Map<String, Object>> payloads = new HashMap<>();
            for (Object[] r : rows) {
                EventEntity e = (EventEntity) r[0];
                Map<String, Object> p = e.payload == null ? null : JsonColumns.read(e.payload, OBJECT_MAP);
                payloads.put(e.id, p);
                if (e.taskId != null) {
                    taskIds.add(e.taskId);
                } else if ("REJECTED".equals(e.type)) {
                    if (p != null && p.get("task") instanceof Number n) {
                        taskIds.add(n.longValue());
                    } else {
                        rejectedCases.add(e.caseId);
                    }
                }
            }
            Map<Long, Task> tasks = new HashMap<>();
            Map<Long, Task> rejectedOf = new HashMap<>();
            tasks(em, "t.id in :k", taskIds).forEach(t -> tasks.put(t.id(), t));
            tasks(em, "t.caseRecord.id in :k and t.state = :s", rejectedCases).forEach(t -> rejectedOf.put(t.caseId(), t));
            List<RecordedCaseEvent> events = new ArrayList<>();
            for (Object[] r : rows) {
                EventEntity e = (EventEntity) r[0];
                CaseRef c = new CaseRef(e.caseId, (String) r[1], (String) r[2], (Integer) r[3],
                        new Applicant((ApplicantType) r[4], (String) r[5], (String) r[6], (String) r[7]));
                Map<String, Object> p = payloads.get(e.id);
                Task t = e.taskId != null ? tasks.get(e.taskId)
                        : p != null && p.get("task") instanceof Number n ? tasks.get(n.longValue()) : rejectedOf.get(e.caseId);
                RecordedCaseEvent typed = typed(e, c, p, t);
                if (typed == null && !UNTYPED.contains(e.type)) {
                    LOG.warn("Case event {} of unknown type {} left out of the typed log", e.id, e.type);
                } else if (typed != null) {
                    events.add(typed);
                }
            }
            return events;
        });
    }

    private static List<Task> tasks(EntityManager em, String where, Collection<Long> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        var query = em.createQuery("select t.id, t.caseRecord.id, t.department, t.matter, t.state, t.message,"
                + " t.correctionFields, t.outputs from TaskEntity t where " + where, Object[].class)
                .setParameter("k", keys);
        if (where.contains(":s")) {
            query.setParameter("s", TaskState.REJECTED);
        }
        return query.getResultStream()
                .map(r -> new Task((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (TaskState) r[4], (String) r[5],
                        (String) r[6], (String) r[7])).toList();
    }

    /**
     * @param p the stored payload, or {@code null} for an event written before it was stored: then
     *        the payload is rebuilt from the task and the event's detail as far as they tell
     * @return the typed event, or {@code null} for a type this version does not know
     */
    private static RecordedCaseEvent typed(EventEntity e, CaseRef c, Map<String, Object> p, Task t) {
        TaskRef task = t == null ? null : t.ref();
        boolean old = p == null;
        Map<String, Object> v = old ? Map.of() : p;
        return switch (e.type) {
            case "SUBMITTED" -> new Submitted(e.id, e.at, e.actor, c);
            case "TASK_CREATED" -> new TaskCreated(e.id, e.at, e.actor, c, task,
                    old ? day(e.detail, "promised by ") : day(v, "promisedDue"),
                    old ? day(e.detail, "statutory limit ") : day(v, "statutoryDue"));
            case "CLAIMED" -> new TaskClaimed(e.id, e.at, e.actor, c, task);
            case "RELEASED" -> new RecordedCaseEvent.TaskReleased(e.id, e.at, e.actor, c, task);
            case "APPROVED" -> new TaskApproved(e.id, e.at, e.actor, c, task,
                    old ? (t == null || t.outputs() == null ? Map.of() : JsonColumns.read(t.outputs(), STRING_MAP))
                            : strings(v.get("outputs")),
                    old ? (t == null ? null : t.message()) : (String) v.get("message"));
            case "REUSED" -> new TaskReused(e.id, e.at, e.actor, c, task, (String) v.get("reference"), strings(v.get("outputs")));
            case "REJECTED" -> e.taskId != null
                    ? new TaskRejected(e.id, e.at, e.actor, c, task, old ? (t == null ? null : t.message()) : (String) v.get("reason"))
                    : new CaseRejected(e.id, e.at, e.actor, c, task, old ? (t == null ? null : t.message()) : (String) v.get("reason"));
            case "CANCELLED" -> new TaskCancelled(e.id, e.at, e.actor, c, task, e.before == null ? null : TaskState.valueOf(e.before));
            case "CORRECTION_REQUESTED" -> new CorrectionRequested(e.id, e.at, e.actor, c, task,
                    old ? requestedMessage(e.detail, t) : (String) v.get("message"),
                    old ? (t == null || t.correctionFields() == null ? List.of() : JsonColumns.read(t.correctionFields(), STRING_LIST))
                            : list(v.get("fields")),
                    old ? day(e.detail, "paused from ") : day(v, "pausedFrom"), list(v.get("materials")));
            case "CORRECTION_ANSWERED" -> new CorrectionAnswered(e.id, e.at, e.actor, c, task,
                    Set.copyOf(list(v.get("corrected"))), Set.copyOf(list(v.get("handedIn"))),
                    v.get("pausedDays") instanceof Number n ? n.intValue() : 0,
                    old ? day(e.detail, "now promised by ") : day(v, "promisedDue"), (String) v.get("note"));
            case "DEPARTMENT_CHECK_FAILED" -> new DepartmentCheckFailed(e.id, e.at, e.actor, c, task,
                    old ? e.detail : (String) v.get("failure"));
            case "COMPLETED" -> new CaseCompleted(e.id, e.at, e.actor, c);
            case "RATED" -> new Rated(e.id, e.at, e.actor, c,
                    v.get("level") instanceof Number n ? n.intValue() : legacyLevel(e.detail), (String) v.get("comment"));
            case "REVIEW_REOPENED" -> new TaskReopened(e.id, e.at, e.actor, c, task, list(v.get("fields")),
                    (String) v.get("reason"));
            case "TASK_RATED" -> new TaskRated(e.id, e.at, e.actor, c, task,
                    v.get("level") instanceof Number n ? n.intValue() : 0, (String) v.get("comment"));
            case "MATERIAL_REMINDER" -> new RecordedCaseEvent.MaterialReminder(e.id, e.at, e.actor, c, (String) v.get("material"),
                    MatterKey.parse((String) v.get("matter"), null), day(v, "due"));
            case "ORIGINALS_CHECKED" -> new RecordedCaseEvent.OriginalsChecked(e.id, e.at, e.actor, c, list(v.get("matching")),
                    strings(v.get("mismatched")), list(v.get("notPresented")));
            case "CERTIFICATES_HANDED_OVER" -> new RecordedCaseEvent.CertificatesHandedOver(e.id, e.at, e.actor, c,
                    (String) v.get("receiptNumber"), (String) v.get("recipient"), Boolean.TRUE.equals(v.get("signedOnPaper")));
            case "RECEIPT_CONFIRMED" -> new RecordedCaseEvent.ReceiptConfirmed(e.id, e.at, e.actor, c, (String) v.get("receiptNumber"));
            default -> null;
        };
    }

    /**
     * The officer's message when an old correction request was recorded: the task's message, unless
     * the task was decided again since; then the event's detail, which begins with the message it had.
     */
    private static String requestedMessage(String detail, Task t) {
        String message = t == null || t.message() == null ? "" : t.message();
        return detail != null && !detail.startsWith(message) ? detail : message;
    }

    private static LocalDate day(Map<String, Object> v, String name) {
        return v.get(name) instanceof String s ? LocalDate.parse(s) : null;
    }

    /** @return the day that follows {@code after} in an old event's detail, or {@code null} */
    private static LocalDate day(String detail, String after) {
        int at = detail == null ? -1 : detail.indexOf(after);
        if (at < 0) {
            return null;
        }
        Matcher m = DAY.matcher(detail).region(at + after.length(), detail.length());
        return m.lookingAt() ? LocalDate.parse(m.group()) : null;
    }

    private static int legacyLevel(String detail) {
        return detail != null && detail.length() > 6 && detail.startsWith("Rated ") ? detail.charAt(6) - '0' : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value instanceof List<?> l ? (List<String>) l : List.of();
    }
}
