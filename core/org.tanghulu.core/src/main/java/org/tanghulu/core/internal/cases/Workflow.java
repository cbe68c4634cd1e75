package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.internal.cases.CaseRules.PLATFORM;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.calendar.CalendarService;
import org.tanghulu.calendar.WorkingCalendar;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;

/** Moves a case along its flow chart and records what happened, inside the caller's transaction. */
final class Workflow {

    private final CalendarService calendar;
    private final EventLog log;
    private final Clock clock;
    private final MaterialWaits waits;

    Workflow(CalendarService calendar, EventLog log, Clock clock, MaterialWaits waits) {
        this.calendar = calendar;
        this.log = log;
        this.clock = clock;
        this.waits = waits;
    }

    MaterialWaits waits() {
        return waits;
    }

    /** Creates the tasks whose dependencies are approved; completes the case when every matter is. */
    void advance(EntityManager em, CaseEntity c, FlowChart chart, List<TaskEntity> tasks) {
        Map<MatterKey, TaskEntity> byMatter = new LinkedHashMap<>();
        tasks.forEach(t -> byMatter.put(new MatterKey(t.department, t.matter), t));
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar days = calendar.current();
        boolean complete = true;
        for (Block b : chart.blocks()) {
            TaskEntity t = byMatter.get(b.matter());
            complete &= t != null && t.state.hasOutputs();
            if (t == null && b.dependsOn().stream().allMatch(d -> byMatter.containsKey(d)
                    && byMatter.get(d).state.hasOutputs())) {
                t = new TaskEntity();
                t.caseRecord = c;
                t.department = b.department();
                t.matter = b.matter().matter();
                t.createdAt = clock.instant();
                t.promisedDue = days.due(today, b.promisedDays());
                t.statutoryDue = days.due(today, b.statutoryDays());
                List<String> pending = waits.pendingFor(em, c, b);
                t.state = pending.isEmpty() ? TaskState.READY : TaskState.WAITING;
                em.persist(t);
                if (pending.isEmpty()) {
                    created(em, c, t, b, null);
                } else {
                    event(em, c, t, PLATFORM, "TASK_WAITING", null, TaskState.WAITING.name(), b.matter()
                            + " waits for the applicant's material(s) " + pending, EventLog.payload("materials", pending));
                }
            }
        }
        if (complete) {
            c.state = CaseState.COMPLETED;
            c.closedAt = clock.instant();
            event(em, c, null, PLATFORM, "COMPLETED", CaseState.OPEN.name(), CaseState.COMPLETED.name(),
                    "Every matter approved", Map.of());
        }
    }

    /** Records that a task became workable: the event the work lists, notifications and exchange react to. */
    void created(EntityManager em, CaseEntity c, TaskEntity t, Block b, String before) {
        event(em, c, t, PLATFORM, "TASK_CREATED", before, TaskState.READY.name(), b.matter() + " for "
                + b.departmentName().zh() + ", promised by " + t.promisedDue + ", statutory limit " + t.statutoryDue,
                EventLog.payload("promisedDue", t.promisedDue, "statutoryDue", t.statutoryDue));
    }

    /** Appends an event, at the platform's time, with its typed payload ({@link EventLog#payload}). */
    void event(EntityManager em, CaseEntity c, TaskEntity t, String actor, String type, String before,
            String after, String detail, Map<String, Object> payload) {
        log.append(em, c.id, t == null ? null : t.id, clock.instant(), actor, type, before, after, detail, payload);
    }
}
