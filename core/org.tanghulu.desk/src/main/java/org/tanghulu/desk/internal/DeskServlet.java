package org.tanghulu.desk.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.core.MatterEntry;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.Registry;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.DepartmentStatistics;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.core.plan.Procedures;
import org.tanghulu.core.plan.UnifiedForm;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.PageServlet;
import org.tanghulu.web.Sessions;
import org.tanghulu.staff.Audience;
import org.tanghulu.staff.LoginAttempt;
import org.tanghulu.staff.LoginThrottle;
import org.tanghulu.staff.StaffRealm;

/**
 * The officers' and supervisors' pages, under {@code /desk} on the desk port: the work list
 * ({@code /}), a task with its decision forms ({@code /tasks/ID}), and for supervisors the statistics
 * ({@code /supervision}), a department's tasks ({@code /supervision/DEPT}) and a case read-only
 * ({@code /cases/TN}). The logged-in {@link Actor} lives in the desk session; every check of what
 * the actor may see or do is the core's.
 */
@Component(service = Servlet.class, configurationPid = DeskServlet.PID)
@Designate(ocd = DeskServlet.Config.class)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + DeskContext.NAME + ")")
public class DeskServlet extends PageServlet {

    static final String PID = "org.tanghulu.desk";
    private static final long serialVersionUID = 1L;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Open tasks due within this many days (and not overdue) are marked "due soon". */
    static final int DUE_SOON_DAYS = 2;
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern TASK = Pattern.compile("/tasks/(\\d{1,18})(/claim|/decision)?");
    private static final Pattern DEPARTMENT = Pattern.compile("/supervision/([A-Za-z0-9_-]{1,64})");
    private static final Pattern CASE = Pattern.compile("/cases/([A-Za-z0-9_-]{1,64})");

    /** The confirmations a task page shows after a redirect ({@code ?done=...}). */
    private static final java.util.Set<String> DONE = java.util.Set.of("claimed", "approve", "reject",
            "request_correction");

    @ObjectClassDefinition(name = "Tanghulu desk")
    public @interface Config {
        @AttributeDefinition(description = "Minutes an officer's session lives unused")
        int sessionIdleMinutes() default 15;

        @AttributeDefinition(description = "Hours any officer session lives at most")
        int sessionAbsoluteHours() default 10;
    }

    @Reference
    private transient Cases cases;

    @Reference
    private transient StaffRealm realm;

    @Reference
    private transient LoginThrottle throttle;

    @Reference
    private transient Registry registry;

    @Reference
    private transient Procedures procedures;

    private transient Sessions sessions;
    private transient Clock clock = Clock.system(BEIJING);

    public DeskServlet() {
        super("org.tanghulu.desk.messages");
    }

    @Activate
    void activate(Config config) {
        sessions = new Sessions("tanghulu-desk", DeskContext.PATH, Duration.ofMinutes(config.sessionIdleMinutes()),
                Duration.ofHours(config.sessionAbsoluteHours()), 10_000, Clock.systemUTC());
    }

    @Override
    protected Sessions sessions() {
        return sessions;
    }

    @Override
    protected void prepare(Exchange x) {
        x.share("site", x.texts().get("desk.name"));
        Optional<Actor> actor = x.principal(Actor.class);
        actor.ifPresent(a -> {
            x.share("user", a.name());
            List<Map<String, Object>> nav = new ArrayList<>();
            nav.add(Map.of("href", "/", "label", x.texts().get("desk.nav.work"), "current",
                    x.path().equals("/") || x.path().startsWith("/tasks/")));
            if (a.supervisor()) {
                nav.add(Map.of("href", "/supervision", "label", x.texts().get("desk.nav.supervision"), "current",
                        x.path().startsWith("/supervision") || x.path().startsWith("/cases/")));
            }
            x.share("nav", nav);
        });
    }

    @Override
    protected void get(Exchange x) throws IOException {
        String path = x.path();
        if (path.equals("/login")) {
            x.render("login.ftlh", Map.of());
            return;
        }
        Optional<Actor> actor = x.principal(Actor.class);
        if (actor.isEmpty()) {
            x.redirect("/login");
            return;
        }
        Actor a = actor.get();
        Matcher task = TASK.matcher(path);
        Matcher department = DEPARTMENT.matcher(path);
        Matcher caseView = CASE.matcher(path);
        if (path.equals("/")) {
            workList(x, a);
        } else if (task.matches() && task.group(2) == null) {
            taskPage(x, a, Long.parseLong(task.group(1)), 200, Map.of());
        } else if (path.equals("/supervision")) {
            supervision(x, requireSupervisor(a));
        } else if (department.matches()) {
            departmentWork(x, requireSupervisor(a), department.group(1));
        } else if (caseView.matches()) {
            casePage(x, requireSupervisor(a), caseView.group(1));
        } else {
            x.error(404, "web.error.notfound");
        }
    }

    @Override
    protected void post(Exchange x) throws IOException {
        switch (x.path()) {
            case "/login" -> login(x);
            case "/logout" -> {
                x.logout();
                x.redirect("/login");
            }
            default -> {
                Optional<Actor> actor = x.principal(Actor.class);
                Matcher task = TASK.matcher(x.path());
                if (actor.isEmpty()) {
                    x.redirect("/login");
                } else if (task.matches() && "/claim".equals(task.group(2))) {
                    claim(x, actor.get(), Long.parseLong(task.group(1)));
                } else if (task.matches() && "/decision".equals(task.group(2))) {
                    decide(x, actor.get(), Long.parseLong(task.group(1)));
                } else {
                    x.error(404, "web.error.notfound");
                }
            }
        }
    }

    private void login(Exchange x) throws IOException {
        String user = x.param("user");
        String given = x.request().getParameter("password");
        if (user == null || given == null) {
            refused(x, 401, x.texts().get("desk.login.failed"), user);
            return;
        }
        char[] password = given.toCharArray();
        LoginAttempt<Actor> attempt;
        try {
            attempt = throttle.attempt(Audience.STAFF, user, x.request().getRemoteAddr(), () -> realm.login(user, password));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (attempt.locked()) {
            x.response().setHeader("Retry-After", String.valueOf(attempt.waitSeconds()));
            refused(x, 429, x.texts().get("web.login.throttled", attempt.waitMinutes()), user);
        } else if (attempt.who().isPresent()) {
            x.login(attempt.who().get());
            x.redirect("/");
        } else {
            refused(x, 401, x.texts().get("desk.login.failed"), user);
        }
    }

    private static void refused(Exchange x, int status, String why, String user) throws IOException {
        x.render(status, "login.ftlh", Map.of("failed", why, "typedUser", user == null ? "" : user));
    }

    private static Actor requireSupervisor(Actor actor) {
        if (!actor.supervisor()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "Only supervisors may see this.");
        }
        return actor;
    }

    // --- work list -----------------------------------------------------------------------

    private void workList(Exchange x, Actor actor) throws IOException {
        boolean all = "1".equals(x.param("all"));
        List<Map<String, Object>> departments = new ArrayList<>();
        for (String d : actor.departments().stream().sorted().toList()) {
            departments.add(Map.of("id", d, "name", departmentName(x, d), "tasks",
                    rows(cases.workList(d, actor, all))));
        }
        x.render("work.ftlh", Map.of("departments", departments, "all", all, "supervisor", actor.supervisor()));
    }

    private void departmentWork(Exchange x, Actor actor, String department) throws IOException {
        x.render("department.ftlh", Map.of("department", department, "name", departmentName(x, department),
                "tasks", rows(cases.workList(department, actor, true))));
    }

    private String departmentName(Exchange x, String department) {
        return registry.department(department).map(d -> x.texts().pick(d.name())).orElse(department);
    }

    /** @return the tasks as rows of a work list, with how many days are left to the promised due date */
    private List<Map<String, Object>> rows(List<TaskView> tasks) {
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TaskView t : tasks) {
            Map<String, Object> row = new HashMap<>();
            row.put("task", t);
            row.put("created", t.created().atZone(BEIJING).toLocalDate().toString());
            long left = ChronoUnit.DAYS.between(today, t.promisedDue());
            boolean waiting = t.state() == TaskState.CORRECTION;
            row.put("open", t.state().open());
            row.put("daysLeft", left);
            row.put("dueSoon", t.state().open() && !waiting && !t.overdue() && left <= DUE_SOON_DAYS);
            rows.add(row);
        }
        return rows;
    }

    // --- a task --------------------------------------------------------------------------

    /**
     * Renders a task's page.
     *
     * @param state what the page shows beyond the task: {@code problems} (field -> messages), {@code values}
     *        (the posted form's values), {@code failed} (the decision kind that failed), {@code alert}
     */
    private void taskPage(Exchange x, Actor actor, long id, int status, Map<String, Object> state) throws IOException {
        TaskView task = cases.task(id, actor);
        CaseView view = cases.staffView(task.trackingNumber(), actor);
        Labels labels = labels(view);
        Optional<Matter> matter = matter(task);
        boolean mine = actor.departments().contains(task.matter().department());
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (String o : matter.map(Matter::outputs).orElse(List.of())) {
            outputs.add(Map.of("id", o, "label", x.texts().pick(labels.label(o)), "type",
                    labels.type(o) == DataType.DATE ? "date" : "text"));
        }
        List<Map<String, Object>> correctable = new ArrayList<>();
        for (String f : labels.applicantFieldsOf(task, matter)) {
            correctable.add(Map.of("id", f, "label", x.texts().pick(labels.label(f))));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("task", task);
        model.put("view", view);
        model.put("data", data(x, view, labels));
        model.put("materials", view.materials().stream().sorted().map(m -> x.texts().pick(labels.material(m))).toList());
        model.put("events", events(task.trackingNumber(), actor));
        model.put("canClaim", mine && task.state() == TaskState.READY);
        model.put("canDecide", mine && task.state() == TaskState.CLAIMED && actor.name().equals(task.assignee()));
        model.put("outputs", outputs);
        model.put("correctable", correctable);
        model.put("department", departmentName(x, task.matter().department()));
        model.put("problems", Map.of());
        model.put("values", Map.of());
        model.put("fields", List.of());
        String done = x.param("done");
        if (done != null && DONE.contains(done)) {
            model.put("done", done);
        }
        model.putAll(state);
        x.render(status, "task.ftlh", model);
    }

    private void claim(Exchange x, Actor actor, long id) throws IOException {
        try {
            cases.claim(id, actor);
            x.redirect("/tasks/" + id + "?done=claimed");
        } catch (Refusal e) {
            refused(x, actor, id, e, null);
        }
    }

    private void decide(Exchange x, Actor actor, long id) throws IOException {
        String kind = x.param("kind");
        Decision.Kind k;
        try {
            k = kind == null ? null : Decision.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            k = null;
        }
        if (k == null) {
            x.error(400, "desk.error.kind");
            return;
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        x.params("o.").forEach((o, v) -> {
            if (!v.isBlank()) {
                outputs.put(o, v.trim());
            }
        });
        String[] fields = x.request().getParameterValues("field");
        List<String> chosen = fields == null ? List.of() : List.of(fields);
        Decision decision = new Decision(k, k == Decision.Kind.APPROVE ? outputs : Map.of(), x.param("message"),
                k == Decision.Kind.REQUEST_CORRECTION ? chosen : List.of());
        try {
            cases.decide(id, actor, decision);
            x.redirect("/tasks/" + id + "?done=" + k.name().toLowerCase(java.util.Locale.ROOT));
        } catch (Refusal e) {
            Map<String, String> values = new HashMap<>(x.params("o."));
            values.put("message", x.request().getParameter("message") == null ? "" : x.request().getParameter("message"));
            Map<String, Object> state = new HashMap<>();
            state.put("values", values);
            state.put("fields", chosen);
            state.put("failed", k.name());
            refused(x, actor, id, e, state);
        }
    }

    /**
     * Shows the task again after the core refused an action: INVALID with every problem at its input,
     * CONFLICT and UNAVAILABLE with a sentence on the page; NOT_FOUND and FORBIDDEN as error pages.
     */
    private void refused(Exchange x, Actor actor, long id, Refusal e, Map<String, Object> state)
            throws IOException {
        if (e.kind() == Refusal.Kind.NOT_FOUND || e.kind() == Refusal.Kind.FORBIDDEN) {
            throw e;
        }
        Map<String, Object> all = new HashMap<>(state == null ? Map.of() : state);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            problems.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(x.texts().pick(p.message()));
        }
        all.put("problems", problems);
        all.put("alert", x.texts().get("web.error." + e.kind().name().toLowerCase(java.util.Locale.ROOT)));
        all.put("alertKind", e.kind().name());
        taskPage(x, actor, id, e.kind().status(), all);
    }

    /** @return the case's values with their labels, in the unified form's order, unknown ones last by id */
    private List<Map<String, Object>> data(Exchange x, CaseView view, Labels labels) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (String id : labels.order(view.values().keySet())) {
            data.add(Map.of("id", id, "label", x.texts().pick(labels.label(id)), "value", view.values().get(id)));
        }
        return data;
    }

    private Optional<Matter> matter(TaskView task) {
        return registry.matters().stream().filter(m -> m.key().equals(task.matter())).map(MatterEntry::matter)
                .findFirst();
    }

    private Labels labels(CaseView view) {
        Optional<UnifiedForm> form = procedures.form(view.group(), Map.of());
        return new Labels(form.map(UnifiedForm::fields).orElse(List.of()), registry.matters());
    }

    // --- supervision ---------------------------------------------------------------------

    private void supervision(Exchange x, Actor actor) throws IOException {
        List<DepartmentStatistics> stats = cases.statistics(actor, LocalDate.now(clock));
        List<BarChartSvg.Row> handling = new ArrayList<>();
        List<BarChartSvg.Row> ratings = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DepartmentStatistics s : stats) {
            String name = x.texts().pick(s.name());
            handling.add(new BarChartSvg.Row(name, round(s.averageHandlingDays()), round(s.averagePromisedDays())));
            ratings.add(new BarChartSvg.Row(name, s.ratingCounts().stream().mapToDouble(Long::doubleValue).toArray()));
            rows.add(Map.of("s", s, "name", name, "handling", format(s.averageHandlingDays()), "promised",
                    format(s.averagePromisedDays()), "rating", format(s.averageRating())));
        }
        List<String> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            levels.add(x.texts().get("desk.rating." + level));
        }
        x.render("supervision.ftlh", Map.of("rows", rows, "rated", stats.stream().anyMatch(s -> s.ratings() > 0),
                "handlingChart", BarChartSvg.grouped("handling-chart", x.texts().get("desk.supervision.handlingChart"),
                        List.of(x.texts().get("desk.supervision.handling"), x.texts().get("desk.supervision.promised")),
                        handling),
                "ratingChart", BarChartSvg.stacked("rating-chart", x.texts().get("desk.supervision.ratingChart"), levels,
                        ratings)));
    }

    private void casePage(Exchange x, Actor actor, String trackingNumber) throws IOException {
        CaseView view = cases.staffView(trackingNumber, actor);
        Labels labels = labels(view);
        x.render("case.ftlh", Map.of("view", view, "data", data(x, view, labels),
                "materials", view.materials().stream().sorted().map(m -> x.texts().pick(labels.material(m))).toList(),
                "events", events(trackingNumber, actor)));
    }

    /** @return the case's events the actor may see, with their time in Beijing time */
    private List<Map<String, Object>> events(String trackingNumber, Actor actor) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (var e : cases.events(trackingNumber, null, actor)) {
            Map<String, Object> event = new HashMap<>();
            event.put("type", e.type());
            event.put("actor", e.actor());
            event.put("at", e.at().toString());
            event.put("when", TIME.format(e.at().atZone(BEIJING)));
            event.put("detail", e.detail());
            events.add(event);
        }
        return events;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    /** Where the names of data elements and materials come from: the group's unified form and the matters. */
    record Labels(List<UnifiedForm.Field> fields, List<MatterEntry> matters) {

        LocalizedText label(String element) {
            return fields.stream().filter(f -> f.element().equals(element)).map(UnifiedForm.Field::label).findFirst()
                    .orElse(new LocalizedText(element, element));
        }

        DataType type(String element) {
            return fields.stream().filter(f -> f.element().equals(element)).map(UnifiedForm.Field::type).findFirst()
                    .orElse(DataType.TEXT);
        }

        LocalizedText material(String id) {
            return matters.stream().flatMap(m -> m.matter().materials().stream()).filter(m -> m.id().equals(id))
                    .map(org.tanghulu.api.definition.Material::name).findFirst().orElse(new LocalizedText(id, id));
        }

        /** @return the ids in the form's order, ids the form does not know last, sorted */
        List<String> order(java.util.Collection<String> ids) {
            List<String> ordered = new ArrayList<>();
            fields.stream().map(UnifiedForm.Field::element).filter(ids::contains).distinct().forEach(ordered::add);
            ids.stream().filter(id -> !ordered.contains(id)).sorted().forEach(ordered::add);
            return ordered;
        }

        /** @return the fields the applicant filled in that the task's matter needs: what a correction may name */
        List<String> applicantFieldsOf(TaskView task, Optional<Matter> matter) {
            List<String> needed = matter.map(Matter::dataElements).orElse(List.of());
            return fields.stream().filter(f -> f.source() == UnifiedForm.Source.APPLICANT)
                    .map(UnifiedForm.Field::element).filter(needed::contains).distinct().toList();
        }
    }
}
