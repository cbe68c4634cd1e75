package org.tanghulu.core.internal.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.calendar.CalendarService;
import org.tanghulu.calendar.WorkingCalendar;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.events.RecordedCaseEvent;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionAnswered;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionRequested;
import org.tanghulu.core.cases.events.RecordedCaseEvent.DepartmentCheckFailed;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskApproved;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskRejected;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskReused;
import org.tanghulu.core.cases.events.TaskRef;
import org.tanghulu.core.progress.MatterProgress;
import org.tanghulu.core.progress.Stage;
import org.tanghulu.kernel.time.PlatformTime;

/** The {@link org.tanghulu.core.progress.CaseProgress} answers: every matter's projection and the typed history. */
final class Progress {

    private final CaseAccess access;
    private final GroupVersions charts;
    private final CalendarService calendar;
    private final EventLog log;
    private final Clock clock;

    Progress(CaseAccess access, GroupVersions charts, CalendarService calendar, EventLog log, Clock clock) {
        this.access = access;
        this.charts = charts;
        this.calendar = calendar;
        this.log = log;
        this.clock = clock;
    }

    List<MatterProgress> matters(String trackingNumber, String accessKey) {
        CaseEntity c = access.applicantCase(trackingNumber, accessKey);
        FlowChart chart = charts.of(c);
        List<TaskEntity> tasks = log.run(em -> CaseRules.tasksOf(em, c));
        Map<MatterKey, TaskEntity> latest = new HashMap<>();
        tasks.forEach(t -> latest.put(new MatterKey(t.department, t.matter), t)); // by id: the last one wins
        WorkingCalendar days = calendar.current();
        LocalDate today = LocalDate.now(clock);
        Map<MatterKey, LocalDate> ends = new HashMap<>();
        List<MatterProgress> matters = new ArrayList<>();
        for (Block b : chart == null ? List.<Block>of() : chart.blocks()) {
            TaskEntity t = latest.get(b.matter());
            Stage stage;
            LocalDate expected;
            boolean actual = t != null && !t.state.open();
            if (t == null) {
                stage = c.state == CaseState.REJECTED ? Stage.CANCELLED : Stage.WAITING;
                LocalDate start = b.dependsOn().stream().map(ends::get).filter(d -> d != null)
                        .reduce(today, (a, d) -> d.isAfter(a) ? d : a);
                expected = stage == Stage.CANCELLED ? null : days.due(start, b.promisedDays());
            } else {
                stage = switch (t.state) {
                    case READY, CLAIMED -> Stage.IN_PROGRESS;
                    case CORRECTION -> Stage.CORRECTION;
                    case WAITING -> Stage.MATERIAL;
                    case APPROVED, REUSED -> Stage.DONE;
                    case REJECTED -> Stage.REJECTED;
                    case CANCELLED -> Stage.CANCELLED;
                };
                if (actual) {
                    Instant at = t.decidedAt != null ? t.decidedAt : t.createdAt;
                    expected = at.atZone(PlatformTime.ZONE).toLocalDate();
                } else {
                    expected = t.promisedDue.isBefore(today) ? today : t.promisedDue;
                }
            }
            if (expected != null) {
                ends.put(b.matter(), expected);
            }
            matters.add(new MatterProgress(b.matter(), b.name(), b.department(), b.departmentName(), b.step(), stage,
                    t == null ? null : t.id, expected, actual));
        }
        return matters;
    }

    List<RecordedCaseEvent> history(String trackingNumber, String accessKey) {
        return log.ofCase(access.applicantCase(trackingNumber, accessKey).id);
    }

    List<RecordedCaseEvent> history(String trackingNumber, Actor actor) {
        CaseEntity c = access.staffCase(trackingNumber, actor);
        List<RecordedCaseEvent> events = log.ofCase(c.id);
        if (actor.supervisor()) {
            return events;
        }
        Set<Long> hidden = log.run(em -> CaseRules.tasksOf(em, c)).stream()
                .filter(t -> !actor.departments().contains(t.department)).map(t -> t.id).collect(Collectors.toSet());
        return events.stream().map(e -> hidden.contains(taskOf(e)) ? withoutParticulars(e) : e).toList();
    }

    private static Long taskOf(RecordedCaseEvent e) {
        TaskRef task = e instanceof TaskApproved a ? a.task() : e instanceof TaskReused r ? r.task()
                : e instanceof TaskRejected r ? r.task() : e instanceof CorrectionRequested q ? q.task()
                : e instanceof CorrectionAnswered a ? a.task() : e instanceof DepartmentCheckFailed f ? f.task() : null;
        return task == null ? null : task.id();
    }

    /** @return the event as an officer of another department may read it: what happened, not the particulars */
    private static RecordedCaseEvent withoutParticulars(RecordedCaseEvent e) {
        if (e instanceof TaskApproved a) {
            return new TaskApproved(a.position(), a.at(), a.actor(), a.caseRef(), a.task(), Map.of(), null);
        } else if (e instanceof TaskReused r) {
            return new TaskReused(r.position(), r.at(), r.actor(), r.caseRef(), r.task(), null, Map.of());
        } else if (e instanceof TaskRejected r) {
            return new TaskRejected(r.position(), r.at(), r.actor(), r.caseRef(), r.task(), null);
        } else if (e instanceof CorrectionRequested q) {
            return new CorrectionRequested(q.position(), q.at(), q.actor(), q.caseRef(), q.task(), null, List.of(),
                    q.pausedFrom(), List.of());
        } else if (e instanceof CorrectionAnswered a) {
            return new CorrectionAnswered(a.position(), a.at(), a.actor(), a.caseRef(), a.task(), Set.of(), Set.of(),
                    a.pausedDays(), a.promisedDue(), null);
        } else if (e instanceof DepartmentCheckFailed f) {
            return new DepartmentCheckFailed(f.position(), f.at(), f.actor(), f.caseRef(), f.task(), null);
        }
        return e;
    }

    Map<String, String> applicantNames(Set<String> trackingNumbers, Actor actor) {
        if (trackingNumbers.isEmpty()) {
            return Map.of();
        }
        return log.run(em -> {
            String visible = actor.supervisor() ? "" : " and exists (select t.id from TaskEntity t where t.caseRecord = c"
                    + " and t.department in :d)";
            var query = em.createQuery("select c.trackingNumber, c.applicantName from CaseEntity c"
                    + " where c.trackingNumber in :t" + visible, Object[].class).setParameter("t", trackingNumbers);
            if (!actor.supervisor()) {
                query.setParameter("d", actor.departments().isEmpty() ? Set.of("") : actor.departments());
            }
            Map<String, String> names = new HashMap<>();
            query.getResultList().forEach(r -> names.put((String) r[0], (String) r[1]));
            return names;
        });
    }
}
