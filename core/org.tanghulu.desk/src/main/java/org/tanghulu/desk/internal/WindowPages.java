package org.tanghulu.desk.internal;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.kernel.time.PlatformTime;
import org.tanghulu.web.Exchange;
import org.tanghulu.window.HandOverRequest;
import org.tanghulu.window.OriginalCheck;
import org.tanghulu.window.Phase;
import org.tanghulu.window.Verdict;
import org.tanghulu.window.Window;
import org.tanghulu.window.WindowCase;
import org.tanghulu.window.WindowRefusal;

/**
 * The comprehensive window (综合窗口), for window clerks: the work list ({@code /window}: cases to check at
 * acceptance and cases ready for hand-over, searchable by tracking number), a case ({@code /window/cases/{tn}})
 * with the originals' check and the hand-over with its receipt. Also the window's record on an officer's
 * task page ({@link #record}). The rules are the window's ({@link Window}).
 */
final class WindowPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformTime.ZONE);
    private static final Set<String> DONE = Set.of("checked", "handedOver");

    private final Window window;

    WindowPages(Window window) {
        this.window = window;
    }

    /** @return the logged-in actor if a window clerk; else FORBIDDEN */
    static Actor clerk(Exchange x) {
        Actor actor = DeskServlet.actor(x);
        if (!actor.windowClerk()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "Only window clerks may use the window.");
        }
        return actor;
    }

    /** {@code GET /window} ({@code ?q=} part of a tracking number). */
    void list(Exchange x) throws IOException {
        Actor clerk = clerk(x);
        String q = x.param("q");
        if (q != null && !q.matches("[A-Za-z0-9_-]{1,64}")) {
            x.render(400, "window.ftlh", Map.of("q", q, "acceptance", List.of(), "ready", List.of(),
                    "alert", x.texts().get("desk.window.badQuery")));
            return;
        }
        x.render("window.ftlh", Map.of("q", q == null ? "" : q, "acceptance", window.workList(clerk, Phase.ACCEPTANCE, q),
                "ready", window.workList(clerk, Phase.READY, q)));
    }

    /** {@code GET /window/cases/{tn}}. */
    void casePage(Exchange x) throws IOException {
        Actor clerk = clerk(x);
        page(x, 200, window.open(x.pathParam("tn"), clerk), Map.of());
    }

    /** {@code POST /window/cases/{tn}/check}: {@code v.<material>} = a {@link Verdict}, {@code r.<material>} a reason. */
    void check(Exchange x) throws IOException {
        Actor clerk = clerk(x);
        String tn = x.pathParam("tn");
        Map<String, String> verdicts = x.params("v.");
        Map<String, String> reasons = x.params("r.");
        List<OriginalCheck> checks = new ArrayList<>();
        verdicts.forEach((m, v) -> checks.add(new OriginalCheck(m, verdict(v), reasons.get(m))));
        try {
            window.check(tn, clerk, checks);
            x.redirect("/window/cases/" + tn + "?done=checked");
        } catch (WindowRefusal e) {
            refused(x, tn, clerk, e, Map.of("verdicts", verdicts, "reasons", reasons));
        }
    }

    /** {@code POST /window/cases/{tn}/handover}: {@code recipient}, {@code idNumber}, {@code signed}. */
    void handOver(Exchange x) throws IOException {
        Actor clerk = clerk(x);
        String tn = x.pathParam("tn");
        HandOverRequest request = new HandOverRequest(x.param("recipient"), x.param("idNumber"), x.param("signed") != null);
        try {
            window.handOver(tn, clerk, request);
            x.redirect("/window/cases/" + tn + "?done=handedOver");
        } catch (WindowRefusal e) {
            Map<String, Object> typed = new HashMap<>();
            typed.put("recipient", request.recipient() == null ? "" : request.recipient());
            typed.put("idNumber", request.idNumber() == null ? "" : request.idNumber());
            refused(x, tn, clerk, e, Map.of("typed", typed));
        }
    }

    /**
     * @return the window's record of the task's case for the task page, or {@code null} if the window does not
     *         know the case (yet)
     */
    WindowCase record(String trackingNumber, Actor actor) {
        try {
            return window.forStaff(trackingNumber, actor);
        } catch (WindowRefusal e) {
            return null;
        }
    }

    private void refused(Exchange x, String tn, Actor clerk, WindowRefusal e, Map<String, Object> typed) throws IOException {
        if (e.reason() == WindowRefusal.Reason.UNKNOWN_CASE) {
            throw e;
        }
        Map<String, Object> state = new HashMap<>(typed);
        state.put("alert", x.texts().get("desk.window.refused." + e.reason().name()));
        state.put("alertReason", e.reason().name());
        page(x, e.kind().status(), window.open(tn, clerk), state);
    }

    private static void page(Exchange x, int status, WindowCase c, Map<String, Object> state) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("w", c);
        model.put("times", times(c));
        model.put("verdicts", Map.of());
        model.put("reasons", Map.of());
        model.put("typed", Map.of());
        model.put("mayCheck", c.item().phase() == Phase.ACCEPTANCE);
        model.put("mayHandOver", c.item().phase() == Phase.READY);
        model.put("verdictValues", java.util.Arrays.stream(Verdict.values()).map(Enum::name).toList());
        String done = x.param("done");
        if (done != null && DONE.contains(done)) {
            model.put("done", done);
        }
        model.putAll(state);
        x.render(status, "window-case.ftlh", model);
    }

    private static Verdict verdict(String value) {
        try {
            return value == null ? null : Verdict.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the record's times in Beijing time, by name ({@code checked}, {@code handed}, {@code confirmed}) */
    static Map<String, String> times(WindowCase c) {
        Map<String, String> times = new HashMap<>();
        if (c.checkedAt() != null) {
            times.put("checked", TIME.format(c.checkedAt()));
        }
        if (c.handOver() != null) {
            times.put("handed", TIME.format(c.handOver().at()));
            if (c.handOver().confirmedAt() != null) {
                times.put("confirmed", TIME.format(c.handOver().confirmedAt()));
            }
        }
        return times;
    }
}
