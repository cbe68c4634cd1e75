package org.tanghulu.portal.internal;

import static org.tanghulu.portal.internal.PortalServlet.WHEN;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.CaseEvent;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.MaterialWait;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.web.CaseHistory;
import org.tanghulu.uploads.Limits;
import org.tanghulu.uploads.Uploads;
import org.tanghulu.web.Exchange;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.core.progress.CaseProgress;
import org.tanghulu.core.progress.MatterProgress;
import org.tanghulu.notify.Channel;
import org.tanghulu.notify.NotificationChannels;
import org.tanghulu.web.Texts;
import org.tanghulu.exchange.Dossiers;

/**
 * The applicant's cases: the list, the receipt, a case's page with its timeline, and the answers to a
 * correction request and the rating. Every case page first asks {@link Cases#accessKey} for the
 * applicant's key: another applicant's case and an unknown number give the same 404.
 */
final class CasePages {

    private final Registry registry;
    private final Procedures procedures;
    private final Cases cases;
    private final CatalogPages catalog;
    private final Dossiers dossiers;
    private final WindowBlock window;
    private final CaseProgress progress;
    private final DepartmentGateway departments;
    private final NotificationChannels channels;
    private final Uploads uploads;

    CasePages(Registry registry, Procedures procedures, Cases cases, CatalogPages catalog, Dossiers dossiers,
            WindowBlock window, CaseProgress progress, DepartmentGateway departments, NotificationChannels channels,
            Uploads uploads) {
        this.uploads = uploads;
        this.window = window;
        this.registry = registry;
        this.procedures = procedures;
        this.cases = cases;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.progress = progress;
        this.departments = departments;
        this.channels = channels;
    }

    /** {@code GET /cases}. */
    void list(Exchange x) throws IOException {
        Optional<Applicant> me = AccountPages.loggedIn(x);
        if (me.isEmpty()) {
            return;
        }
        Texts t = x.texts();
        x.render("cases.ftlh", Map.of("cases", cases.casesOf(me.get().id()).stream().map(c -> {
            Map<String, Object> m = new HashMap<>();
            m.put("tn", c.trackingNumber());
            m.put("group", t.pick(c.groupName()));
            m.put("state", c.state().name());
            m.put("stateLabel", t.get("portal.state." + c.state().name()));
            m.put("submitted", WHEN.format(c.submitted()));
            m.put("correction", c.correctionRequested());
            return m;
        }).toList()));
    }

    /** {@code GET /cases/{tn}/receipt}. */
    void receipt(Exchange x) throws IOException {
        Optional<Applicant> me = AccountPages.loggedIn(x);
        if (me.isEmpty()) {
            return;
        }
        String tn = x.pathParam("tn");
        String key = cases.accessKey(tn, me.get().id());
        CaseView view = cases.applicantView(tn, key);
        Map<String, Object> model = new HashMap<>();
        model.put("tn", view.trackingNumber());
        model.put("group", x.texts().pick(view.groupName()));
        model.put("notices", notices(x.texts(), tn, key));
        x.render("receipt.ftlh", model);
    }

    /**
     * @return what the receipt may say was sent: one line per channel that delivers now and has an
     *         address the applicant gave, with the address masked; empty when nothing is sent
     */
    private List<String> notices(Texts t, String tn, String key) {
        Set<Channel> delivering = channels.delivering();
        List<String> notices = new ArrayList<>();
        progress.history(tn, key).stream().findFirst().map(e -> e.caseRef().applicant()).ifPresent(a -> {
            if (delivering.contains(Channel.SMS) && a.phone() != null && !a.phone().isBlank()) {
                notices.add(t.get("portal.receipt.sms", mask(a.phone().strip(), false)));
            }
            if (delivering.contains(Channel.EMAIL) && a.email() != null && !a.email().isBlank()) {
                notices.add(t.get("portal.receipt.email", mask(a.email().strip(), true)));
            }
        });
        return notices;
    }

    /** @return a phone number with all but its last four digits hidden, an e-mail with its local part but the first letter */
    static String mask(String address, boolean email) {
        if (email) {
            int at = address.indexOf('@');
            return at <= 1 ? address : address.charAt(0) + "*".repeat(at - 1) + address.substring(at);
        }
        return address.length() <= 4 ? address : "*".repeat(address.length() - 4) + address.substring(address.length() - 4);
    }

    /** {@code GET /cases/{tn}/dossier}: the case's signed exchange dossier, as a file (docs/admin-guide.md checks it offline). */
    void dossier(Exchange x) throws IOException {
        Optional<Applicant> me = AccountPages.loggedIn(x);
        if (me.isEmpty()) {
            return;
        }
        String tn = x.pathParam("tn");
        cases.applicantView(tn, cases.accessKey(tn, me.get().id())); // only the owner's case
        x.response().setContentType("text/plain;charset=UTF-8");
        x.response().setHeader("Content-Disposition", "attachment; filename=\"dossier-" + tn + ".txt\"");
        x.response().getWriter().write(dossiers.signedFile(tn));
    }

    /** {@code GET /cases/{tn}}. */
    void page(Exchange x) throws IOException {
        Optional<Applicant> me = AccountPages.loggedIn(x);
        if (me.isPresent()) {
            page(x, me.get(), x.pathParam("tn"), Map.of(), Map.of(), 200);
        }
    }

    private void page(Exchange x, Applicant me, String tn, Map<String, String> errors, Map<String, String> typed,
            int code) throws IOException {
        Texts t = x.texts();
        String key = cases.accessKey(tn, me.id());
        CaseView view = cases.applicantView(tn, key);
        List<CaseEvent> events = cases.events(tn, key, null);
        Map<String, UnifiedForm.Field> defs = new HashMap<>();
        procedures.form(view.group(), Map.of()).ifPresent(f -> f.fields().forEach(d -> defs.put(d.element(), d)));
        Map<String, Object> model = new HashMap<>();
        model.put("tn", view.trackingNumber());
        model.put("group", t.pick(view.groupName()));
        model.put("state", view.state().name());
        model.put("stateLabel", t.get("portal.state." + view.state().name()));
        model.put("submitted", WHEN.format(view.submitted()));
        if (view.closed() != null) {
            model.put("closed", WHEN.format(view.closed()));
        }
        CaseHistory history = CaseHistory.of(registry, departments);
        Map<Long, Map<String, Object>> byTask = new HashMap<>();
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TaskView task : view.tasks()) {
            Map<String, Object> m = task(t, task, events, defs, history);
            byTask.put(task.id(), m);
            tasks.add(m);
        }
        model.put("tasks", tasks);
        model.put("matters", matters(t, tn, key, byTask));
        correction(t, view, defs, errors, typed, model);
        model.put("answered", x.param("answered") != null && !model.containsKey("correction"));
        model.put("events", history.rows(t, progress.history(tn, key)));
        caseUploads(t, view, model);
        // materials the case waits for (issue 14): what is asked, by when, and the supply action
        model.put("waits", view.waits().stream().map(w -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", w.material());
            m.put("name", t.pick(w.name()));
            m.put("matter", view.tasks().stream().filter(k -> k.matter().equals(w.matter())).map(k -> t.pick(k.matterName()))
                    .findFirst().orElse(w.matter().toString()));
            m.put("pending", w.pending());
            m.put("overdue", w.overdue());
            m.put("note", !w.pending() ? t.get("portal.case.waits.supplied") : w.overdue() ? t.get("portal.case.waits.overdue")
                    : w.kind() == MaterialWait.Kind.PROMISED ? t.get("portal.case.waits.PROMISED", String.valueOf(w.due()))
                            : t.get("portal.case.waits.AT_STEP"));
            return m;
        }).toList());
        model.put("waitsPending", view.waits().stream().anyMatch(MaterialWait::pending));
        // files may be added for what is asked now: the open correction's materials and the materials awaited
        Map<String, Object> uploadable = new LinkedHashMap<>();
        if (model.get("correction") instanceof Map<?, ?> c) {
            ((List<?>) c.get("materials")).forEach(m -> uploadable.put((String) ((Map<?, ?>) m).get("id"), m));
        }
        if (view.state() == CaseState.OPEN) {
            view.waits().stream().filter(MaterialWait::pending)
                    .forEach(w -> uploadable.putIfAbsent(w.material(), Map.of("id", w.material(), "name", t.pick(w.name()))));
        }
        model.put("materials", List.copyOf(uploadable.values()));
        model.put("supplied", x.param("supplied") != null);
        boolean closed = view.state() == CaseState.COMPLETED || view.state() == CaseState.REJECTED;
        model.put("canRate", closed && view.rating() == null);
        if (view.rating() != null) {
            model.put("rating", Map.of("level", view.rating().level(), "label",
                    t.get("portal.rating." + view.rating().level()), "comment",
                    view.rating().comment() == null ? "" : view.rating().comment()));
        }
        model.put("steps", steps(view.tasks(), tasks));
        window.model(x, model, tn, key);
        model.put("errors", errors);
        model.put("comment", typed.getOrDefault("comment", ""));
        Map<String, String> labels = new HashMap<>();
        errors.keySet().forEach(k -> labels.put(k, k.endsWith("level") ? t.get("portal.rating.legend")
                : k.endsWith("comment") ? t.get("portal.rating.comment") : k));
        model.put("typed", typed);
        model.put("summary", Fields.summary(errors, labels));
        x.render(code, "case.ftlh", model);
    }

    /**
     * The case's one correction request (every task waiting for a correction, whichever department
     * asked): who asked for what and why, and one form with only the fields and materials asked for.
     */
    private void correction(Texts t, CaseView view, Map<String, UnifiedForm.Field> defs, Map<String, String> errors,
            Map<String, String> typed, Map<String, Object> model) {
        List<TaskView> asking = view.tasks().stream().filter(k -> k.state() == TaskState.CORRECTION).toList();
        if (asking.isEmpty()) {
            return;
        }
        Map<String, String> materialNames = new HashMap<>();
        // every material of the group, however it is supplied (up front, at its step, minor, issued): any may be asked for
        catalog.readiness(view.group(), Set.of()).ifPresent(r -> r.lines()
                .forEach(l -> materialNames.put(l.material().id(), t.pick(l.material().name()))));
        Set<String> fieldIds = new LinkedHashSet<>();
        Set<String> materialIds = new LinkedHashSet<>();
        List<Map<String, Object>> askers = new ArrayList<>();
        for (TaskView k : asking) {
            fieldIds.addAll(k.correctionFields());
            materialIds.addAll(k.correctionMaterials());
            Map<String, Object> a = new HashMap<>();
            a.put("id", k.id());
            a.put("matter", t.pick(k.matterName()));
            a.put("department", registry.department(k.matter().department()).map(d -> t.pick(d.name()))
                    .orElse(k.matter().department()));
            a.put("message", k.message() == null ? "" : k.message());
            a.put("fields", k.correctionFields().stream().map(f -> label(t, defs, f)).toList());
            a.put("materials", k.correctionMaterials().stream().map(m -> materialNames.getOrDefault(m, m)).toList());
            a.put("promisedDue", k.promisedDue() == null ? "" : k.promisedDue().toString());
            askers.add(a);
        }
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String element : fieldIds) {
            String value = typed.getOrDefault(element, view.values().get(element));
            UnifiedForm.Field def = defs.get(element);
            if (def != null && def.type() == org.tanghulu.api.definition.DataType.TABLE) {
                value = Fields.changeRows(value, true, -1); // a blank row to add one; blank rows are left out
            }
            fields.add(def != null ? Fields.of(def, value, errors, null, t)
                    : Fields.plain(element, "v." + element, element, "text", value, errors.get(element), null, false));
        }
        Map<String, Object> c = new HashMap<>();
        c.put("askers", askers);
        c.put("fields", fields);
        c.put("materials", materialIds.stream().map(m -> Map.of("id", m, "name", materialNames.getOrDefault(m, m))).toList());
        c.put("message", typed.getOrDefault("message", ""));
        model.put("correction", c);
    }

    /** @return the decided steps the applicant may rate or has rated, by task */
    private static List<Map<String, Object>> steps(List<TaskView> views, List<Map<String, Object>> tasks) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            TaskView k = views.get(i);
            if (k.state() == TaskState.APPROVED || k.state() == TaskState.REJECTED) {
                Map<String, Object> m = new HashMap<>(tasks.get(i));
                if (k.rating() != null) {
                    m.put("rating", k.rating().level());
                    m.put("ratingComment", k.rating().comment() == null ? "" : k.rating().comment());
                }
                steps.add(m);
            }
        }
        return steps;
    }

    private static String label(Texts t, Map<String, UnifiedForm.Field> defs, String element) {
        return defs.containsKey(element) ? t.pick(defs.get(element).label()) : element;
    }

    /**
     * @return every matter of the case's group in flow-chart order, with its stage in words and its
     *         expected (or actual) date; those with a task carry the task's particulars too
     */
    private List<Map<String, Object>> matters(Texts t, String tn, String key, Map<Long, Map<String, Object>> byTask) {
        List<Map<String, Object>> matters = new ArrayList<>();
        for (MatterProgress p : progress.matters(tn, key)) {
            Map<String, Object> m = new HashMap<>(p.taskId() == null ? Map.of() : byTask.getOrDefault(p.taskId(), Map.of()));
            m.put("key", p.matter().department() + "/" + p.matter().matter());
            m.put("matter", t.pick(p.name()));
            m.put("department", t.pick(p.departmentName()));
            m.put("step", p.step());
            m.put("stage", p.stage().name());
            m.put("stageLabel", t.get("portal.stage." + p.stage().name()));
            m.put("hasTask", p.taskId() != null);
            m.put("expected", p.expected() == null ? "" : p.expected().toString());
            m.put("expectedLabel", p.expected() == null ? t.get("portal.expected.none")
                    : t.get(p.actual() ? "portal.expected.actual" : "portal.expected.projected", p.expected().toString()));
            matters.add(m);
        }
        return matters;
    }

    /** The case's uploaded files, with their materials' names (templates/uploads.ftlh, caseBlock). */
    private void caseUploads(Texts t, CaseView view, Map<String, Object> model) {
        Map<String, String> names = new HashMap<>();
        registry.matters().forEach(e -> e.matter().materials().forEach(m -> names.putIfAbsent(m.id(), t.pick(m.name()))));
        model.put("caseUploads", uploads.ofCase(view.trackingNumber()).stream().map(u -> {
            Map<String, Object> m = UploadPages.model(u);
            m.put("materialName", names.getOrDefault(u.material(), u.material()));
            return m;
        }).toList());
        model.put("uploadLimit", Limits.megabytes(uploads.limits().maxFileBytes()));
    }

    /** @return one department's task in the timeline */
    private Map<String, Object> task(Texts t, TaskView task, List<CaseEvent> events,
            Map<String, UnifiedForm.Field> defs, CaseHistory history) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", task.id());
        m.put("matter", t.pick(task.matterName()));
        m.put("department", registry.department(task.matter().department()).map(d -> t.pick(d.name()))
                .orElse(task.matter().department()));
        m.put("state", task.state().name());
        m.put("stateLabel", t.get("portal.task." + task.state().name()));
        m.put("created", WHEN.format(task.created()));
        m.put("promisedDue", task.promisedDue() == null ? "" : task.promisedDue().toString());
        m.put("statutoryDue", task.statutoryDue() == null ? "" : task.statutoryDue().toString());
        m.put("overdue", task.overdue());
        m.put("paused", task.pausedDays());
        events.stream().filter(e -> Long.valueOf(task.id()).equals(e.taskId()) && !task.state().open()
                && task.state().name().equals(e.after())).reduce((a, b) -> b)
                .ifPresent(e -> m.put("decided", WHEN.format(e.at())));
        if (task.message() != null) {
            m.put("message", task.message());
        }
        if (!task.reviewFields().isEmpty()) {
            m.put("review", String.join("、", task.reviewFields().stream().map(f -> label(t, defs, f)).toList()));
        }
        m.put("outputs", task.outputs().entrySet().stream().map(o -> Map.of("label",
                t.pick(defs.containsKey(o.getKey()) ? defs.get(o.getKey()).label() : history.label(o.getKey())),
                "value", o.getValue())).toList());
        return m;
    }

    /**
     * {@code POST /cases/{tn}/correction}, and {@code POST /cases/{tn}/tasks/{task}/correction} as before:
     * answers the case's one correction request, then shows the case with a confirmation; INVALID shows
     * the case again with the problems.
     */
    void correct(Exchange x) throws IOException {
        answer(x, null);
    }

    /** {@code POST /cases/{tn}/tasks/{task}/correction}: the same, naming one of the asking tasks. */
    void correctTask(Exchange x) throws IOException {
        answer(x, x.pathParam("task"));
    }

    private void answer(Exchange x, String task) throws IOException {
        Applicant me = AccountPages.me(x);
        String tn = x.pathParam("tn");
        String key = cases.accessKey(tn, me.id());
        Map<String, String> values = new LinkedHashMap<>(Fields.compose(x.params("v."), false));
        Set<String> materials = new LinkedHashSet<>(CatalogPages.values(x, "m"));
        try {
            if (task == null) {
                cases.answerCorrections(tn, key, values, materials, x.param("message"));
            } else {
                cases.answerCorrection(tn, key, Long.parseLong(task), values, materials, x.param("message"));
            }
            x.redirect("/cases/" + tn + "?answered=1#correction-confirmation");
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            Map<String, String> typed = new HashMap<>(values);
            typed.put("message", x.param("message") == null ? "" : x.param("message"));
            page(x, me, tn, Fields.errors(e.problems(), x.texts()), typed, 422);
        }
    }

    /** {@code POST /cases/{tn}/tasks/{task}/rating}: 好差评 of one decided department step. */
    void rateStep(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String tn = x.pathParam("tn");
        long taskId = Long.parseLong(x.pathParam("task"));
        String key = cases.accessKey(tn, me.id());
        String level = x.param("level");
        String comment = x.param("comment");
        try {
            cases.rateTask(tn, key, taskId, level != null && level.matches("[1-5]") ? Integer.parseInt(level) : 0, comment);
            x.redirect("/cases/" + tn + "#step-rating-" + taskId);
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            Map<String, String> errors = new HashMap<>();
            Fields.errors(e.problems(), x.texts()).forEach((k, v) -> errors.put("step-" + taskId + "-" + k, v));
            page(x, me, tn, errors, Map.of("step-" + taskId + "-comment", comment == null ? "" : comment), 422);
        }
    }

    /** {@code POST /cases/{tn}/supply}: supplies a material the case waits for (field {@code material}); a declaration for now. */
    void supply(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String tn = x.pathParam("tn");
        String key = cases.accessKey(tn, me.id());
        try {
            cases.supplyMaterial(tn, key, x.param("material"));
            x.redirect("/cases/" + tn + "?supplied=1#waits");
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            page(x, me, tn, Fields.errors(e.problems(), x.texts()), Map.of(), 422);
        }
    }

    /** {@code POST /cases/{tn}/rating}: 好差评, level 1–5 and a comment. */
    void rate(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String tn = x.pathParam("tn");
        String key = cases.accessKey(tn, me.id());
        String level = x.param("level");
        String comment = x.param("comment");
        try {
            cases.rate(tn, key, level != null && level.matches("[1-5]") ? Integer.parseInt(level) : 0, comment);
            x.redirect("/cases/" + tn + "#rating");
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            page(x, me, tn, Fields.errors(e.problems(), x.texts()),
                    Map.of("comment", comment == null ? "" : comment), 422);
        }
    }
}
