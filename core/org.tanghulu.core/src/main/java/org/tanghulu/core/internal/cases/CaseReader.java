package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.Refusal.Kind.FORBIDDEN;
import static org.tanghulu.core.Refusal.Kind.NOT_FOUND;
import static org.tanghulu.core.internal.cases.CaseRules.MAX_LIST;
import static org.tanghulu.core.internal.cases.CaseRules.RUNNING;
import static org.tanghulu.core.internal.cases.CaseRules.tasksOf;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_LIST;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_MAP;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_SET;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.persistence.EntityManager;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.calendar.CalendarService;
import org.tanghulu.calendar.WorkingCalendar;
import org.tanghulu.catalog.DepartmentStatus;
import org.tanghulu.core.Refusal;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseEvent;
import org.tanghulu.core.cases.CaseSummary;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.DepartmentStatistics;
import org.tanghulu.core.cases.Rating;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.core.internal.store.JsonColumns;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;

/**
 * Reading cases: applicants' and staff's views, histories, work lists, the overdue, applicants'
 * own cases and supervisors' statistics. Each method is one read transaction.
 */
final class CaseReader {

    private final Registry registry;
    private final DepartmentGateway departments;
    private final CalendarService calendar;
    private final GroupVersions charts;
    private final CaseAccess access;
    private final EventLog log;
    private final Clock clock;
    private final MaterialWaits waits;

    CaseReader(Registry registry, DepartmentGateway departments, CalendarService calendar, GroupVersions charts,
            CaseAccess access, EventLog log, Clock clock, MaterialWaits waits) {
        this.waits = waits;
        this.registry = registry;
        this.departments = departments;
        this.calendar = calendar;
        this.charts = charts;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    public CaseView applicantView(String trackingNumber, String accessKey) {
        CaseEntity c = access.applicantCase(trackingNumber, accessKey);
        return log.run(em -> view(em, c, tasksOf(em, c), charts.of(c), null));
    }

    public CaseView staffView(String trackingNumber, Actor actor) {
        CaseEntity c = access.staffCase(trackingNumber, actor);
        return log.run(em -> view(em, c, tasksOf(em, c), charts.of(c), actor));
    }

    public List<CaseEvent> events(String trackingNumber, String accessKey, Actor actor) {
        CaseEntity c = actor == null ? access.applicantCase(trackingNumber, accessKey) : access.staffCase(trackingNumber, actor);
        return log.run(em -> {
            // an officer sees the particulars (outputs, messages) of their own departments' tasks only
            Set<Long> hidden = actor == null || actor.supervisor() ? Set.of() : tasksOf(em, c).stream()
                    .filter(t -> !actor.departments().contains(t.department)).map(t -> t.id).collect(Collectors.toSet());
            return em.createQuery("select e from EventEntity e where e.caseId = :c order by e.id", EventEntity.class)
                    .setParameter("c", c.id).getResultStream()
                    .map(e -> new CaseEvent(e.id, c.trackingNumber, e.taskId, e.at, e.actor, e.type, e.before, e.after,
                            e.taskId != null && hidden.contains(e.taskId) ? null : e.detail))
                    .toList();
        });
    }

    public List<TaskView> workList(String department, Actor actor, boolean includeClosed) {
        if (!actor.maySee(department)) {
            throw new Refusal(FORBIDDEN, actor.name() + " does not work for department '" + department + "'.");
        }
        List<TaskState> states = includeClosed ? List.of(TaskState.values())
                : List.of(TaskState.READY, TaskState.CLAIMED, TaskState.CORRECTION);
        return tasks("t.department = :d and t.state in :s", Map.of("d", department, "s", states));
    }

    public TaskView task(long taskId, Actor actor) {
        return log.run(em -> {
            TaskEntity t = em.find(TaskEntity.class, taskId);
            if (t == null || !actor.maySee(t.department)) {
                throw new Refusal(NOT_FOUND, "There is no task " + taskId + " in your departments' work.");
            }
            return view(t, charts.of(t.caseRecord));
        });
    }

    public List<TaskView> overdue(LocalDate day) {
        return tasks("t.state in :s and t.promisedDue < :day", Map.of("s", RUNNING, "day", day));
    }

    private List<TaskView> tasks(String where, Map<String, Object> parameters) {
        return log.run(em -> {
            var query = em.createQuery("select t from TaskEntity t join fetch t.caseRecord where " + where
                    + " order by t.promisedDue, t.id", TaskEntity.class).setMaxResults(MAX_LIST);
            parameters.forEach(query::setParameter);
            Set<String> present = departments.active().keySet();
            return query.getResultStream().map(t -> view(t, charts.of(t.caseRecord), present)).toList();
        });
    }

    public List<CaseSummary> casesOf(long owner) {
        AccessKeys k = access.keys();
        return log.run(em -> {
            List<CaseEntity> cases = em.createQuery("select c from CaseEntity c where c.ownerId = :o "
                    + "order by c.submittedAt desc, c.id desc", CaseEntity.class)
                    .setParameter("o", owner).setMaxResults(MAX_LIST).getResultList();
            Set<Long> waiting = Set.copyOf(em.createQuery("select distinct t.caseRecord.id from TaskEntity t "
                    + "where t.caseRecord.ownerId = :o and t.state = :s", Long.class)
                    .setParameter("o", owner).setParameter("s", TaskState.CORRECTION).getResultList());
            Map<Long, Integer> ratings = em.createQuery("select r.caseId, r.level from RatingEntity r "
                    + "where r.caseId in (select c.id from CaseEntity c where c.ownerId = :o)", Object[].class)
                    .setParameter("o", owner).getResultStream()
                    .collect(Collectors.toMap(r -> (Long) r[0], r -> (Integer) r[1]));
            return cases.stream().map(c -> new CaseSummary(c.trackingNumber, k.keyFor(c.trackingNumber), c.groupId,
                    charts.of(c).name(), c.state, c.submittedAt, c.closedAt, waiting.contains(c.id), ratings.get(c.id)))
                    .toList();
        });
    }

    public String accessKey(String trackingNumber, long owner) {
        CaseEntity c = access.byTrackingNumber(trackingNumber).filter(found -> Long.valueOf(owner).equals(found.ownerId))
                .orElseThrow(() -> new Refusal(NOT_FOUND, "You have no case " + trackingNumber + "."));
        return access.keys().keyFor(c.trackingNumber);
    }

    public List<DepartmentStatistics> statistics(Actor actor, LocalDate day) {
        if (!actor.supervisor()) {
            throw new Refusal(FORBIDDEN, actor.name() + " is not a supervisor; statistics are for supervisors.");
        }
        WorkingCalendar days = calendar.current();
        return log.run(em -> CaseStatistics.of(em, day, RUNNING, days, charts::chart, department -> registry
                .department(department).map(DepartmentStatus::name).orElse(new LocalizedText(department, department))));
    }

    CaseView view(EntityManager em, CaseEntity c, List<TaskEntity> tasks, FlowChart chart, Actor staff) {
        Map<String, String> values = new TreeMap<>(read(c.values, STRING_MAP));
        tasks.stream().filter(t -> t.state.hasOutputs()).forEach(t -> values.putAll(read(t.outputs, STRING_MAP)));
        if (staff != null && !staff.supervisor()) {
            Set<String> needed = chart.blocks().stream().filter(b -> staff.departments().contains(b.department()))
                    .flatMap(b -> Stream.concat(b.dataElements().stream(), b.outputs().stream()))
                    .collect(Collectors.toSet());
            values.keySet().retainAll(needed);
        }
        Set<String> present = departments.active().keySet();
        return new CaseView(c.trackingNumber, c.groupId, c.groupVersion, chart.name(), c.state, c.applicantType,
                c.applicantName, c.submittedAt, c.closedAt, values, read(c.materials, STRING_SET),
                tasks.stream().map(t -> view(t, chart, present)).toList(), rating(em.find(RatingEntity.class, c.id)),
                waits.waitsOf(em, c));
    }

    private static Rating rating(RatingEntity r) {
        return r == null ? null : new Rating(r.level, r.comment, r.ratedAt);
    }

    TaskView view(TaskEntity t, FlowChart chart) {
        return view(t, chart, departments.active().keySet());
    }

    /** @param present the ids of the departments active now, looked up once per list */
    private TaskView view(TaskEntity t, FlowChart chart, Set<String> present) {
        MatterKey key = new MatterKey(t.department, t.matter);
        LocalizedText name = chart.blocks().stream().filter(b -> b.matter().equals(key)).map(Block::name).findFirst()
                .orElse(new LocalizedText(t.matter, t.matter));
        boolean overdue = RUNNING.contains(t.state) && LocalDate.now(clock).isAfter(t.promisedDue);
        return new TaskView(t.id, t.caseRecord.trackingNumber, key, name, t.state, t.assignee, t.createdAt, t.promisedDue,
                t.statutoryDue, t.pausedDays, overdue, t.message,
                t.correctionFields == null ? List.of() : read(t.correctionFields, STRING_LIST),
                t.outputs == null ? Map.of() : read(t.outputs, STRING_MAP), present.contains(t.department),
                list(t.correctionMaterials), list(t.reviewFields),
                t.ratingLevel == null ? null : new Rating(t.ratingLevel, t.ratingComment, t.ratedAt));
    }

    private static List<String> list(String json) {
        return json == null ? List.of() : read(json, STRING_LIST);
    }

    private static <T> T read(String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        return JsonColumns.read(text, type);
    }
}
