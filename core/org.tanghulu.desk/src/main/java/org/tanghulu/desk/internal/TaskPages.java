package org.tanghulu.desk.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.web.Exchange;

/**
 * A task ({@code /tasks/{id}}): the case's data this department may see, the timeline, and the claim
 * and decision forms; after a successful action 303 to the task with {@code ?done=…}.
 */
final class TaskPages {

    /** The confirmations a task page shows after a redirect ({@code ?done=...}). */
    private static final Set<String> DONE = Set.of("claimed", "approve", "reject", "request_correction");

    private final Cases cases;
    private final CaseData data;
    private final WindowPages window;

    TaskPages(Cases cases, CaseData data, WindowPages window) {
        this.cases = cases;
        this.data = data;
        this.window = window;
    }

    /** {@code GET /tasks/{id}}. */
    void page(Exchange x) throws IOException {
        page(x, DeskServlet.actor(x), id(x), 200, Map.of());
    }

    private static long id(Exchange x) {
        return Long.parseLong(x.pathParam("id"));
    }

    /**
     * Renders a task's page.
     *
     * @param state what the page shows beyond the task: {@code problems} (field -> messages), {@code values}
     *        (the posted form's values), {@code failed} (the decision kind that failed), {@code alert}
     */
    private void page(Exchange x, Actor actor, long id, int status, Map<String, Object> state) throws IOException {
        TaskView task = cases.task(id, actor);
        CaseView view = cases.staffView(task.trackingNumber(), actor);
        CaseData.Labels labels = data.labels(view);
        Optional<Matter> matter = data.matter(task);
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
        List<Map<String, Object>> requestable = new ArrayList<>();
        matter.ifPresent(m -> m.materials().forEach(r -> requestable.add(Map.of("id", r.id(), "label", x.texts().pick(r.name())))));
        Map<String, Object> model = new HashMap<>();
        model.put("task", task);
        model.put("requestable", requestable);
        model.put("review", task.reviewFields().stream().map(f -> x.texts().pick(labels.label(f))).toList());
        model.put("askedMaterials", task.correctionMaterials().stream().map(asked -> requestable.stream()
                .filter(r -> r.get("id").equals(asked)).map(r -> (String) r.get("label")).findFirst().orElse(asked)).toList());
        model.put("outputLabels", task.outputs().entrySet().stream().map(o -> Map.of("label",
                x.texts().pick(labels.label(o.getKey())), "value", o.getValue())).toList());
        model.put("view", view);
        model.put("data", data.data(x, view, labels));
        model.put("materials", data.materials(x, view, labels));
        model.put("waits", data.waits(x, view));
        model.put("events", data.events(x, task.trackingNumber(), actor));
        model.put("dossier", data.dossier(x, task.trackingNumber(), actor));
        data.exchange(id).ifPresent(e -> model.put("exchange", e));
        Optional.ofNullable(window.record(task.trackingNumber(), actor)).ifPresent(w -> {
            model.put("windowRecord", w);
            model.put("windowTimes", WindowPages.times(w));
        });
        model.put("canClaim", mine && task.state() == TaskState.READY);
        model.put("canDecide", mine && task.state() == TaskState.CLAIMED && actor.name().equals(task.assignee()));
        model.put("outputs", outputs);
        model.put("correctable", correctable);
        model.put("department", data.departmentName(x, task.matter().department()));
        model.put("problems", Map.of());
        model.put("values", Map.of());
        model.put("fields", List.of());
        model.put("askedNow", List.of());
        String done = x.param("done");
        if (done != null && DONE.contains(done)) {
            model.put("done", done);
        }
        model.putAll(state);
        x.render(status, "task.ftlh", model);
    }

    /** {@code POST /tasks/{id}/claim}. */
    void claim(Exchange x) throws IOException {
        Actor actor = DeskServlet.actor(x);
        long id = id(x);
        try {
            cases.claim(id, actor);
            x.redirect("/tasks/" + id + "?done=claimed");
        } catch (Refusal e) {
            refused(x, actor, id, e, null);
        }
    }

    /** {@code POST /tasks/{id}/decision}: {@code kind} APPROVE, REJECT or REQUEST_CORRECTION. */
    void decide(Exchange x) throws IOException {
        Actor actor = DeskServlet.actor(x);
        long id = id(x);
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
        String[] materials = x.request().getParameterValues("material");
        List<String> asked = materials == null ? List.of() : List.of(materials);
        Decision decision = new Decision(k, k == Decision.Kind.APPROVE ? outputs : Map.of(), x.param("message"),
                k == Decision.Kind.REQUEST_CORRECTION ? chosen : List.of(),
                k == Decision.Kind.REQUEST_CORRECTION ? asked : List.of());
        try {
            cases.decide(id, actor, decision);
            x.redirect("/tasks/" + id + "?done=" + k.name().toLowerCase(Locale.ROOT));
        } catch (Refusal e) {
            Map<String, String> values = new HashMap<>(x.params("o."));
            values.put("message", x.request().getParameter("message") == null ? "" : x.request().getParameter("message"));
            Map<String, Object> state = new HashMap<>();
            state.put("values", values);
            state.put("fields", chosen);
            state.put("askedNow", asked);
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
        all.put("alert", x.texts().get("web.error." + e.kind().name().toLowerCase(Locale.ROOT)));
        all.put("alertKind", e.kind().name());
        page(x, actor, id, e.kind().status(), all);
    }
}
