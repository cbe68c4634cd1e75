package org.tanghulu.desk.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tanghulu.core.progress.CaseProgress;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.web.Exchange;
import org.tanghulu.kernel.time.PlatformTime;

/** Work lists: the actor's own ({@code /}) and, for supervisors, a department's ({@code /supervision/DEPT}). */
final class WorkListPages {

    /** Open tasks due within this many days (and not overdue) are marked "due soon". */
    static final int DUE_SOON_DAYS = 2;

    private final Cases cases;
    private final CaseProgress progress;
    private final CaseData data;
    private final Clock clock;

    WorkListPages(Cases cases, CaseProgress progress, CaseData data, Clock clock) {
        this.cases = cases;
        this.progress = progress;
        this.data = data;
        this.clock = clock;
    }

    /** {@code GET /} ({@code ?all=1} with closed tasks): one table per department of the actor. */
    void mine(Exchange x) throws IOException {
        Actor actor = DeskServlet.actor(x);
        boolean all = "1".equals(x.param("all"));
        List<Map<String, Object>> departments = new ArrayList<>();
        java.util.Set<String> disk = actor.departments().isEmpty() ? java.util.Set.of() : data.onOfflineMedia();
        for (String d : actor.departments().stream().sorted().toList()) {
            departments.add(Map.of("id", d, "name", data.departmentName(x, d), "tasks",
                    rows(cases.workList(d, actor, all), actor), "disk", disk.contains(d)));
        }
        x.render("work.ftlh", Map.of("departments", departments, "all", all, "supervisor", actor.supervisor()));
    }

    /** {@code GET /supervision/{department}}: the department's tasks, closed ones included. */
    void department(Exchange x) throws IOException {
        Actor actor = DeskServlet.supervisor(x);
        String department = x.pathParam("department");
        x.render("department.ftlh", Map.of("department", department, "name", data.departmentName(x, department),
                "tasks", rows(cases.workList(department, actor, true), actor)));
    }

    /** @return the tasks as rows of a work list, with how many days are left to the promised due date */
    private List<Map<String, Object>> rows(List<TaskView> tasks, Actor actor) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> applicants = progress.applicantNames(
                tasks.stream().map(TaskView::trackingNumber).collect(java.util.stream.Collectors.toSet()), actor);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TaskView t : tasks) {
            Map<String, Object> row = new HashMap<>();
            row.put("task", t);
            row.put("applicant", applicants.getOrDefault(t.trackingNumber(), ""));
            row.put("created", t.created().atZone(PlatformTime.ZONE).toLocalDate().toString());
            long left = ChronoUnit.DAYS.between(today, t.promisedDue());
            boolean waiting = t.state() == TaskState.CORRECTION;
            row.put("open", t.state().open());
            row.put("daysLeft", left);
            row.put("dueSoon", t.state().open() && !waiting && !t.overdue() && left <= DUE_SOON_DAYS);
            rows.add(row);
        }
        return rows;
    }
}
