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
import org.tanghulu.catalog.plan.Checklist;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.web.Exchange;
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

    CasePages(Registry registry, Procedures procedures, Cases cases, CatalogPages catalog, Dossiers dossiers) {
        this.registry = registry;
        this.procedures = procedures;
        this.cases = cases;
        this.catalog = catalog;
        this.dossiers = dossiers;
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
        CaseView view = cases.applicantView(tn, cases.accessKey(tn, me.get().id()));
        Map<String, Object> model = new HashMap<>();
        model.put("tn", view.trackingNumber());
        model.put("group", x.texts().pick(view.groupName()));
        x.render("receipt.ftlh", model);
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
        List<Map<String, Object>> tasks = new ArrayList<>();
        List<Map<String, Object>> corrections = new ArrayList<>();
        for (TaskView task : view.tasks()) {
            Map<String, Object> m = task(t, task, events, defs);
            tasks.add(m);
            if (task.state() == TaskState.CORRECTION) {
                Map<String, Object> c = new HashMap<>(m);
                List<Map<String, Object>> fields = new ArrayList<>();
                for (String element : task.correctionFields()) {
                    String value = typed.getOrDefault(element, view.values().get(element));
                    UnifiedForm.Field def = defs.get(element);
                    fields.add(def != null ? Fields.of(def, value, errors.get(element), null, t)
                            : Fields.plain(element, "v." + element, element, "text", value, errors.get(element), null,
                                    false));
                }
                c.put("fields", fields);
                c.put("labels", fields.stream().map(f -> f.get("label")).toList());
                corrections.add(c);
            }
        }
        model.put("tasks", tasks);
        model.put("corrections", corrections);
        model.put("events", events.stream().map(e -> Map.of("at", WHEN.format(e.at()), "type",
                t.get("portal.event." + e.type()).startsWith("??") ? e.type() : t.get("portal.event." + e.type()),
                "actor", e.actor(), "detail", e.detail() == null ? "" : e.detail())).toList());
        model.put("materials", catalog.readiness(view.group(), Set.of()).map(Checklist.GroupReadiness::lines)
                .orElse(List.of()).stream().filter(l -> l.supply() != Checklist.Supply.ISSUED).map(Checklist.MaterialLine::material)
                .map(m -> Map.of("id", m.id(), "name", t.pick(m.name()))).toList());
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
        model.put("supplied", x.param("supplied") != null);
        boolean closed = view.state() == CaseState.COMPLETED || view.state() == CaseState.REJECTED;
        model.put("canRate", closed && view.rating() == null);
        if (view.rating() != null) {
            model.put("rating", Map.of("level", view.rating().level(), "label",
                    t.get("portal.rating." + view.rating().level()), "comment",
                    view.rating().comment() == null ? "" : view.rating().comment()));
        }
        model.put("errors", errors);
        model.put("comment", typed.getOrDefault("comment", ""));
        model.put("summary", Fields.summary(errors, Map.of("level", t.get("portal.rating.legend"),
                "comment", t.get("portal.rating.comment"))));
        x.render(code, "case.ftlh", model);
    }

    /** @return one department's task in the timeline */
    private Map<String, Object> task(Texts t, TaskView task, List<CaseEvent> events,
            Map<String, UnifiedForm.Field> defs) {
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
        m.put("outputs", task.outputs().entrySet().stream().map(o -> Map.of("label",
                defs.containsKey(o.getKey()) ? t.pick(defs.get(o.getKey()).label()) : o.getKey(),
                "value", o.getValue())).toList());
        return m;
    }

    /** {@code POST /cases/{tn}/tasks/{task}/correction}: INVALID shows the case again with the problems. */
    void correct(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String tn = x.pathParam("tn");
        long taskId = Long.parseLong(x.pathParam("task"));
        String key = cases.accessKey(tn, me.id());
        Map<String, String> values = new LinkedHashMap<>(x.params("v."));
        try {
            cases.answerCorrection(tn, key, taskId, values, new LinkedHashSet<>(CatalogPages.values(x, "m")),
                    x.param("message"));
            x.redirect("/cases/" + tn);
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            page(x, me, tn, Fields.errors(e.problems(), x.texts()), values, 422);
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
