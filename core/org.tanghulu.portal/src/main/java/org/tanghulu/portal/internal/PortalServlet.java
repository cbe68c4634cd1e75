package org.tanghulu.portal.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.Material;
import org.tanghulu.core.FunctionGroupStatus;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.Registry;
import org.tanghulu.core.accounts.Account;
import org.tanghulu.core.accounts.Accounts;
import org.tanghulu.core.accounts.Draft;
import org.tanghulu.core.accounts.Registration;
import org.tanghulu.core.cases.CaseEvent;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.Submission;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.core.plan.Block;
import org.tanghulu.core.plan.Checklist;
import org.tanghulu.core.plan.FlowChart;
import org.tanghulu.core.plan.Procedures;
import org.tanghulu.core.plan.UnifiedForm;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.PageServlet;
import org.tanghulu.web.Sessions;
import org.tanghulu.web.Texts;
import org.tanghulu.staff.Audience;
import org.tanghulu.staff.LoginAttempt;
import org.tanghulu.staff.LoginThrottle;

/**
 * The applicant portal's pages, at the root of the portal port. Routes and conventions: docs/portal.md.
 */
@Component(service = Servlet.class, configurationPid = PortalServlet.PID)
@Designate(ocd = PortalServlet.Config.class)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=default)")
public class PortalServlet extends PageServlet {

    static final String PID = "org.tanghulu.portal";
    private static final long serialVersionUID = 1L;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final Pattern GROUP = Pattern.compile("/groups/([a-z0-9][a-z0-9._-]{0,99})(/apply|/draft)?");
    private static final Pattern CASE = Pattern.compile("/cases/([A-Za-z0-9-]{1,64})(/receipt|/rating|/tasks/(\\d{1,18})/correction)?");
    /** The applicant's particulars in the form and in a draft: form field key to draft key. */
    private static final Map<String, String> PARTICULARS = new LinkedHashMap<>();

    static {
        PARTICULARS.put("applicantType", "applicant.type");
        PARTICULARS.put("applicantName", "applicant.name");
        PARTICULARS.put("contactPhone", "applicant.phone");
        PARTICULARS.put("contactEmail", "applicant.email");
    }

    @ObjectClassDefinition(name = "Tanghulu portal")
    public @interface Config {
        @AttributeDefinition(description = "Minutes an applicant's session lives unused")
        int sessionIdleMinutes() default 30;

        @AttributeDefinition(description = "Hours any applicant session lives at most")
        int sessionAbsoluteHours() default 8;
    }

    @Reference
    private transient Registry registry;
    @Reference
    private transient Procedures procedures;
    @Reference
    private transient Cases cases;
    @Reference
    private transient Accounts accounts;

    private transient Sessions sessions;
    @Reference
    private transient LoginThrottle throttle;
    private final transient Needs needs = Needs.load();

    public PortalServlet() {
        super("org.tanghulu.portal.messages");
    }

    @Activate
    void activate(Config config) {
        sessions = new Sessions("tanghulu-portal", "/", Duration.ofMinutes(config.sessionIdleMinutes()),
                Duration.ofHours(config.sessionAbsoluteHours()), 100_000, Clock.systemUTC());
    }

    @Override
    protected Sessions sessions() {
        return sessions;
    }

    @Override
    protected void prepare(Exchange x) {
        Texts t = x.texts();
        x.share("site", t.get("portal.name"));
        x.share("script", "portal.js");
        x.share("logout", "/logout");
        Optional<Applicant> me = x.principal(Applicant.class);
        me.ifPresent(a -> x.share("user", a.name()));
        List<Map<String, Object>> nav = new ArrayList<>();
        nav.add(nav(x, "/", t.get("portal.nav.home")));
        if (me.isPresent()) {
            nav.add(nav(x, "/cases", t.get("portal.nav.cases")));
        } else {
            nav.add(nav(x, "/login", t.get("portal.nav.login")));
            nav.add(nav(x, "/register", t.get("portal.nav.register")));
        }
        x.share("nav", nav);
    }

    private static Map<String, Object> nav(Exchange x, String href, String label) {
        return Map.of("href", href, "label", label, "current", x.path().equals(href));
    }

    @Override
    protected void get(Exchange x) throws IOException {
        String path = x.path();
        Matcher group = GROUP.matcher(path);
        Matcher kase = CASE.matcher(path);
        if (path.equals("/")) {
            home(x);
        } else if (path.equals("/register")) {
            register(x, Map.of(), Map.of(), 200);
        } else if (path.equals("/login")) {
            login(x, null, 200);
        } else if (group.matches() && group.group(2) == null) {
            group(x, group.group(1));
        } else if (group.matches() && "/apply".equals(group.group(2))) {
            Optional<Applicant> me = loggedIn(x);
            if (me.isPresent()) {
                applyForm(x, me.get(), group.group(1), null, Map.of(), 200);
            }
        } else if (path.equals("/cases")) {
            Optional<Applicant> me = loggedIn(x);
            if (me.isPresent()) {
                myCases(x, me.get());
            }
        } else if (kase.matches() && (kase.group(2) == null || "/receipt".equals(kase.group(2)))) {
            Optional<Applicant> me = loggedIn(x);
            if (me.isPresent()) {
                if (kase.group(2) == null) {
                    casePage(x, me.get(), kase.group(1), Map.of(), Map.of(), 200);
                } else {
                    receipt(x, me.get(), kase.group(1));
                }
            }
        } else {
            x.error(404, "web.error.notfound");
        }
    }

    @Override
    protected void post(Exchange x) throws IOException {
        String path = x.path();
        Matcher group = GROUP.matcher(path);
        Matcher kase = CASE.matcher(path);
        if (path.equals("/register")) {
            doRegister(x);
            return;
        } else if (path.equals("/login")) {
            doLogin(x);
            return;
        } else if (path.equals("/logout")) {
            x.logout();
            x.redirect("/");
            return;
        }
        Optional<Applicant> me = x.principal(Applicant.class);
        if (me.isEmpty()) {
            x.error(401, "portal.login.needed");
        } else if (group.matches() && "/apply".equals(group.group(2))) {
            submit(x, me.get(), group.group(1));
        } else if (group.matches() && "/draft".equals(group.group(2))) {
            saveDraft(x, me.get(), group.group(1));
        } else if (kase.matches() && "/rating".equals(kase.group(2))) {
            rate(x, me.get(), kase.group(1));
        } else if (kase.matches() && kase.group(3) != null) {
            correct(x, me.get(), kase.group(1), Long.parseLong(kase.group(3)));
        } else {
            x.error(404, "web.error.notfound");
        }
    }

    // ---------------------------------------------------------------- catalog

    private void home(Exchange x) throws IOException {
        Texts t = x.texts();
        String q = x.param("q");
        List<FunctionGroupStatus> groups = registry.functionGroups().stream().filter(g -> g.problems().isEmpty())
                .filter(g -> matches(g.group(), q)).sorted(Comparator.comparing(g -> g.group().id())).toList();
        List<Map<String, Object>> byType = new ArrayList<>();
        for (ApplicantType type : ApplicantType.values()) {
            byType.add(Map.of("id", "type-" + type.name().toLowerCase(Locale.ROOT),
                    "label", t.get("portal.type." + type.name()),
                    "groups", groups.stream().filter(g -> g.group().applicantTypes().contains(type))
                            .map(g -> card(g, t)).toList()));
        }
        Map<String, List<Map<String, Object>>> needGroups = new LinkedHashMap<>();
        groups.stream().sorted(Comparator.comparing(g -> Needs.OTHER.equals(needs.of(g.group().id())) ? 1 : 0))
                .forEach(g -> needGroups.computeIfAbsent(needs.of(g.group().id()), k -> new ArrayList<>())
                        .add(card(g, t)));
        List<Map<String, Object>> byNeed = new ArrayList<>();
        needGroups.forEach((need, list) -> byNeed.add(Map.of("id", "need-" + need,
                "label", t.get("portal.need." + need), "groups", list)));
        Map<String, Object> model = new HashMap<>();
        model.put("byType", byType);
        model.put("byNeed", byNeed);
        model.put("count", groups.size());
        if (q != null) {
            model.put("q", q);
        }
        x.render("home.ftlh", model);
    }

    private static boolean matches(FunctionGroup g, String q) {
        if (q == null) {
            return true;
        }
        String needle = q.toLowerCase(Locale.ROOT);
        return Arrays.asList(g.name(), g.description()).stream().filter(java.util.Objects::nonNull)
                .flatMap(l -> java.util.stream.Stream.of(l.zh(), l.en())).filter(java.util.Objects::nonNull)
                .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static Map<String, Object> card(FunctionGroupStatus g, Texts t) {
        return Map.of("id", g.group().id(), "name", t.pick(g.group().name()),
                "description", t.pick(g.group().description()), "available", g.available());
    }

    private FunctionGroupStatus status(String id) {
        return registry.functionGroups().stream().filter(g -> g.group().id().equals(id) && g.problems().isEmpty())
                .findFirst().orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no such group"));
    }

    /** @return the materials the group needs from the applicant, or, given what they have, those still missing */
    private Optional<Checklist.GroupReadiness> readiness(String group, Set<String> have) {
        return procedures.checklist(have, null).groups().stream().filter(g -> g.group().equals(group)).findFirst();
    }

    private void group(Exchange x, String id) throws IOException {
        Texts t = x.texts();
        FunctionGroupStatus status = status(id);
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("name", t.pick(status.group().name()));
        model.put("description", t.pick(status.group().description()));
        model.put("available", status.available());
        Optional<FlowChart> chart = procedures.flowChart(id);
        chart.ifPresent(c -> {
            model.put("svg", FlowChartSvg.render(c, t::pick, new FlowChartSvg.Labels(t.get("portal.chart.title"),
                    t.get("portal.chart.step"), t.get("portal.chart.days"), t.get("portal.chart.caption"))));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FlowChart.Step s : c.steps()) {
                for (Block b : s.blocks()) {
                    rows.add(Map.of("step", s.number(), "matter", t.pick(b.name()), "department",
                            t.pick(b.departmentName()), "promised", b.promisedDays(), "statutory", b.statutoryDays(),
                            "critical", c.criticalPath().contains(b.matter())));
                }
            }
            model.put("rows", rows);
            model.put("promised", c.promisedDays());
            model.put("statutory", c.statutoryDays());
            model.put("serialPromised", c.serialPromisedDays());
        });
        List<Material> all = readiness(id, Set.of()).map(Checklist.GroupReadiness::missing).orElse(List.of());
        Set<String> have = new LinkedHashSet<>(values(x, "m"));
        model.put("materials", all.stream().map(m -> Map.of("id", m.id(), "name", t.pick(m.name()),
                "checked", have.contains(m.id()))).toList());
        if (x.param("check") != null) {
            readiness(id, have).ifPresent(r -> {
                model.put("ready", r.ready());
                model.put("missing", r.missing().stream().map(m -> t.pick(m.name())).toList());
            });
            Set<String> mine = chart.map(c -> c.blocks().stream().map(b -> b.matter().toString())
                    .collect(java.util.stream.Collectors.toSet())).orElse(Set.of());
            model.put("matters", procedures.checklist(have, null).matters().stream()
                    .filter(m -> mine.contains(m.matter().toString()))
                    .map(m -> Map.of("name", t.pick(m.name()), "ready", m.ready(),
                            "missing", m.missing().stream().map(mm -> t.pick(mm.name())).toList()))
                    .toList());
        }
        x.render("group.ftlh", model);
    }

    private static List<String> values(Exchange x, String name) {
        String[] v = x.request().getParameterValues(name);
        return v == null ? List.of() : Arrays.stream(v).filter(s -> !s.isBlank()).toList();
    }

    // ---------------------------------------------------------------- accounts

    private Optional<Applicant> loggedIn(Exchange x) throws IOException {
        Optional<Applicant> me = x.principal(Applicant.class);
        if (me.isEmpty()) {
            String query = x.request().getQueryString();
            String back = x.path() + (query == null ? "" : "?" + query);
            x.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }
        return me;
    }

    /** @return {@code next} if it is a path on this site, else {@code /} */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }

    private static final String[][] REGISTRATION = { { "username", "text" }, { "password", "password" },
            { "name", "text" }, { "email", "email" }, { "mobile", "tel" } };

    private void register(Exchange x, Map<String, String> typed, Map<String, String> errors, int status)
            throws IOException {
        Texts t = x.texts();
        List<Map<String, Object>> fields = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (String[] f : REGISTRATION) {
            String label = t.get("portal.register." + f[0]);
            labels.put(f[0], label);
            Map<String, Object> field = Fields.plain(f[0], f[0], label, f[1],
                    "password".equals(f[0]) ? null : typed.get(f[0]), errors.get(f[0]),
                    t.get("portal.register." + f[0] + ".help"), !("email".equals(f[0]) || "mobile".equals(f[0])));
            field.put("autocomplete", "password".equals(f[0]) ? "new-password" : "username".equals(f[0]) ? "username" : "on");
            fields.add(field);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("fields", fields);
        model.put("summary", Fields.summary(errors, labels));
        model.put("next", safeNext(x.param("next")));
        x.render(status, "register.ftlh", model);
    }

    private void doRegister(Exchange x) throws IOException {
        Map<String, String> typed = new HashMap<>();
        for (String[] f : REGISTRATION) {
            String v = x.request().getParameter(f[0]);
            typed.put(f[0], v == null ? "" : "password".equals(f[0]) ? v : v.trim());
        }
        try {
            Account a = accounts.register(new Registration(typed.get("username"), typed.get("password"),
                    typed.get("name"), blankToNull(typed.get("email")), blankToNull(typed.get("mobile"))));
            x.login(new Applicant(a.id(), a.name()));
            x.redirect(safeNext(x.param("next")));
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            register(x, typed, Fields.errors(e.problems(), x.texts()), 422);
        }
    }

    private void login(Exchange x, String failed, int status) throws IOException {
        Texts t = x.texts();
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> password = Fields.plain("password", "password", t.get("portal.register.password"),
                "password", null, null, null, true);
        password.put("autocomplete", "current-password");
        model.put("fields", List.of(Fields.plain("username", "username", t.get("portal.register.username"), "text",
                x.param("username"), null, null, true), password));
        model.put("next", safeNext(x.param("next")));
        if (failed != null) {
            model.put("failed", failed);
        }
        x.render(status, "login.ftlh", model);
    }

    private void doLogin(Exchange x) throws IOException {
        String username = x.param("username");
        String password = x.request().getParameter("password");
        if (username == null || password == null) {
            login(x, x.texts().get("portal.login.failed"), 401);
            return;
        }
        LoginAttempt<Account> attempt = throttle.attempt(Audience.APPLICANT, username, x.request().getRemoteAddr(),
                () -> accounts.authenticate(username, password));
        if (attempt.locked()) {
            x.response().setHeader("Retry-After", String.valueOf(attempt.waitSeconds()));
            login(x, x.texts().get("web.login.throttled", attempt.waitMinutes()), 429);
            return;
        }
        if (attempt.who().isEmpty()) {
            login(x, x.texts().get("portal.login.failed"), 401);
            return;
        }
        Account a = attempt.who().get();
        x.login(new Applicant(a.id(), a.name()));
        x.redirect(safeNext(x.param("next")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ---------------------------------------------------------------- the unified form

    /** What was posted, to show again: form field key or element id to value, and materials. */
    private record Posted(Map<String, String> values, Set<String> materials, String submissionKey) {
    }

    private void applyForm(Exchange x, Applicant me, String id, Posted posted, Map<String, String> errors, int code)
            throws IOException {
        Texts t = x.texts();
        FunctionGroupStatus status = status(id);
        Account account = accounts.account(me.id());
        Map<String, String> values = new HashMap<>();
        Map<String, String> origin = new HashMap<>();
        String fromAccount = t.get("portal.form.fromAccount");
        putOrigin(values, origin, "applicantName", account.name(), fromAccount);
        putOrigin(values, origin, "contactPhone", account.mobile(), fromAccount);
        putOrigin(values, origin, "contactEmail", account.email(), fromAccount);
        putOrigin(values, origin, "contact-phone", account.mobile(), fromAccount);
        putOrigin(values, origin, "contact-email", account.email(), fromAccount);
        String from = x.param("from");
        if (from != null) {
            CaseView earlier = cases.applicantView(from, cases.accessKey(from, me.id()));
            String note = t.get("portal.form.fromCase", from);
            earlier.values().forEach((k, v) -> putOrigin(values, origin, k, v, note));
            putOrigin(values, origin, "applicantType", earlier.applicantType().name(), note);
            putOrigin(values, origin, "applicantName", earlier.applicantName(), note);
        }
        Set<String> materials = new LinkedHashSet<>();
        Optional<Draft> draft = accounts.draft(me.id(), id);
        Map<String, Object> model = new HashMap<>();
        if (posted != null) {
            overlay(values, origin, posted.values());
            materials.addAll(posted.materials());
        } else if (draft.isPresent() && from == null) {
            Map<String, String> restored = new HashMap<>(draft.get().values());
            PARTICULARS.forEach((field, key) -> {
                String v = restored.remove(key);
                if (v != null) {
                    restored.put(field, v);
                }
            });
            overlay(values, origin, restored);
            materials.addAll(draft.get().materials());
        }
        draft.ifPresent(d -> model.put("draftSaved", WHEN.format(d.saved())));
        Optional<UnifiedForm> form = procedures.form(id, values);
        List<Map<String, Object>> particulars = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (String key : PARTICULARS.keySet()) {
            String label = t.get("portal.form." + key);
            labels.put(key, label);
            Map<String, Object> f = Fields.plain(key, key, label, switch (key) {
                case "contactPhone" -> "tel";
                case "contactEmail" -> "email";
                case "applicantType" -> "select";
                default -> "text";
            }, values.get(key), errors.get(key), t.get("portal.form." + key + ".help"), !key.startsWith("contact"));
            if (origin.containsKey(key)) {
                f.put("origin", origin.get(key));
            }
            if (key.equals("contactPhone")) {
                f.put("data", Map.of("type", "PHONE"));
            } else if (key.equals("contactEmail")) {
                f.put("data", Map.of("type", "EMAIL"));
            }
            if (key.equals("applicantType")) {
                f.put("options", status.group().applicantTypes().stream()
                        .map(a -> Map.of("value", a.name(), "label", t.get("portal.type." + a.name()))).toList());
            }
            particulars.add(f);
        }
        List<Map<String, Object>> sections = new ArrayList<>();
        form.ifPresent(u -> u.sections().forEach(s -> {
            List<Map<String, Object>> fields = new ArrayList<>();
            for (UnifiedForm.Field f : s.fields()) {
                labels.put(f.element(), t.pick(f.label()));
                Map<String, Object> field = Fields.of(f, values.get(f.element()), errors.get(f.element()),
                        origin.get(f.element()), t);
                if (f.source() == UnifiedForm.Source.STEP_OUTPUT) {
                    field.put("producedBy", registry.department(f.producedBy().department())
                            .map(d -> t.pick(d.name())).orElse(f.producedBy().department()));
                }
                fields.add(field);
            }
            sections.add(Map.of("title", t.pick(s.title()), "fields", fields));
        }));
        labels.put("materials", t.get("portal.form.materials"));
        model.put("id", id);
        model.put("name", t.pick(status.group().name()));
        model.put("available", status.available() && form.isPresent());
        model.put("particulars", particulars);
        model.put("sections", sections);
        model.put("materials", readiness(id, Set.of()).map(Checklist.GroupReadiness::missing).orElse(List.of())
                .stream().map(m -> Map.of("id", m.id(), "name", t.pick(m.name()), "checked",
                        materials.contains(m.id()))).toList());
        model.put("materialsError", errors.getOrDefault("materials", ""));
        model.put("summary", Fields.summary(errors, labels));
        model.put("submissionKey", posted != null && posted.submissionKey() != null ? posted.submissionKey()
                : UUID.randomUUID().toString());
        model.put("earlier", cases.casesOf(me.id()).stream().filter(c -> c.group().equals(id))
                .map(c -> Map.of("tn", c.trackingNumber(), "selected", c.trackingNumber().equals(from))).toList());
        x.render(code, "apply.ftlh", model);
    }

    private static void putOrigin(Map<String, String> values, Map<String, String> origin, String key, String value,
            String note) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
            origin.put(key, note);
        }
    }

    /** Puts typed values over prefilled ones; a prefilled value the applicant changed is no longer marked. */
    private static void overlay(Map<String, String> values, Map<String, String> origin, Map<String, String> typed) {
        typed.forEach((k, v) -> {
            if (!v.equals(values.get(k))) {
                origin.remove(k);
            }
            values.put(k, v);
        });
    }

    private static Posted posted(Exchange x) {
        Map<String, String> values = new LinkedHashMap<>(x.params("v."));
        for (String key : PARTICULARS.keySet()) {
            String v = x.request().getParameter(key);
            if (v != null) {
                values.put(key, v);
            }
        }
        return new Posted(values, new LinkedHashSet<>(values(x, "m")), x.param("submissionKey"));
    }

    private void submit(Exchange x, Applicant me, String id) throws IOException {
        Posted p = posted(x);
        Map<String, String> values = new LinkedHashMap<>();
        p.values().forEach((k, v) -> {
            if (!PARTICULARS.containsKey(k) && !v.isBlank()) {
                values.put(k, v.trim());
            }
        });
        ApplicantType type = Arrays.stream(ApplicantType.values())
                .filter(a -> a.name().equals(p.values().get("applicantType"))).findFirst().orElse(null);
        String key = p.submissionKey() == null ? UUID.randomUUID().toString() : p.submissionKey();
        try {
            Receipt r = cases.submit(new Submission(id, key, type, blankToNull(p.values().get("applicantName")), values,
                    p.materials(), blankToNull(p.values().get("contactPhone")),
                    blankToNull(p.values().get("contactEmail")), me.id()));
            x.redirect("/cases/" + r.trackingNumber() + "/receipt");
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            applyForm(x, me, id, p, Fields.errors(e.problems(), x.texts()), 422);
        }
    }

    private void saveDraft(Exchange x, Applicant me, String id) throws IOException {
        status(id);
        Posted p = posted(x);
        Map<String, String> values = new LinkedHashMap<>();
        p.values().forEach((k, v) -> values.put(PARTICULARS.getOrDefault(k, k), v));
        accounts.saveDraft(me.id(), id, values, p.materials());
        String saved = x.texts().get("portal.form.draftSaved", WHEN.format(Instant.now()));
        if (x.request().getHeader("X-CSRF-Token") != null) {
            x.json(200, "{\"saved\":\"" + saved.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        } else {
            x.redirect("/groups/" + id + "/apply");
        }
    }

    // ---------------------------------------------------------------- cases

    private void myCases(Exchange x, Applicant me) throws IOException {
        Texts t = x.texts();
        x.render("cases.ftlh", Map.of("cases", cases.casesOf(me.id()).stream().map(c -> {
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

    private void receipt(Exchange x, Applicant me, String tn) throws IOException {
        CaseView view = cases.applicantView(tn, cases.accessKey(tn, me.id()));
        Map<String, Object> model = new HashMap<>();
        model.put("tn", view.trackingNumber());
        model.put("group", x.texts().pick(view.groupName()));
        x.render("receipt.ftlh", model);
    }

    private void casePage(Exchange x, Applicant me, String tn, Map<String, String> errors, Map<String, String> typed,
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
        model.put("materials", readiness(view.group(), Set.of()).map(Checklist.GroupReadiness::missing)
                .orElse(List.of()).stream().map(m -> Map.of("id", m.id(), "name", t.pick(m.name()))).toList());
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

    private void correct(Exchange x, Applicant me, String tn, long taskId) throws IOException {
        String key = cases.accessKey(tn, me.id());
        Map<String, String> values = new LinkedHashMap<>(x.params("v."));
        try {
            cases.answerCorrection(tn, key, taskId, values, new LinkedHashSet<>(values(x, "m")), x.param("message"));
            x.redirect("/cases/" + tn);
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            casePage(x, me, tn, Fields.errors(e.problems(), x.texts()), values, 422);
        }
    }

    private void rate(Exchange x, Applicant me, String tn) throws IOException {
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
            casePage(x, me, tn, Fields.errors(e.problems(), x.texts()),
                    Map.of("comment", comment == null ? "" : comment), 422);
        }
    }
}
