package org.tanghulu.portal.internal;

import static org.tanghulu.kernel.text.Text.blankToNull;
import static org.tanghulu.portal.internal.PortalServlet.WHEN;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.accounts.Account;
import org.tanghulu.core.accounts.Accounts;
import org.tanghulu.core.accounts.Draft;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.api.exchange.BaseRegistry;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.exchange.Lookups;
import org.tanghulu.core.cases.HeldResult;
import org.tanghulu.core.cases.ResultVerifier;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.Submission;
import org.tanghulu.catalog.plan.Checklist;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.catalog.validation.InputRules;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.Texts;
import org.tanghulu.uploads.Limits;
import org.tanghulu.uploads.Uploads;

/**
 * The application: the unified form ({@code /groups/{id}/apply}, prefilled), its submission, and the
 * draft ({@code /groups/{id}/draft}).
 */
final class ApplicationPages {

    /** The applicant's particulars in the form and in a draft: form field key to draft key. */
    private static final Map<String, String> PARTICULARS = new LinkedHashMap<>();

    static {
        PARTICULARS.put("applicantType", "applicant.type");
        PARTICULARS.put("applicantName", "applicant.name");
        PARTICULARS.put(InputRules.CONTACT_PHONE, "applicant.phone");
        PARTICULARS.put(InputRules.CONTACT_EMAIL, "applicant.email");
    }

    private static final String ID_NUMBER = "-id-number";

    /** What was posted, to show again: form field key or element id to value, materials and held results by matter. */
    /** The form's checkboxes committing to supply a minor material later (容缺受理), one per material id. */
    static final String PROMISE = "promise";

    private record Posted(Map<String, String> values, Set<String> materials, String submissionKey,
            Map<MatterKey, HeldResult> held) {
    }

    private final Registry registry;
    private final Procedures procedures;
    private final Cases cases;
    private final Accounts accounts;
    private final CatalogPages catalog;
    private final NeedPages needs;
    private final Lookups lookups;
    private final Uploads uploads;

    ApplicationPages(Registry registry, Procedures procedures, Cases cases, Accounts accounts, CatalogPages catalog,
            NeedPages needs, Lookups lookups, Uploads uploads) {
        this.uploads = uploads;
        this.lookups = lookups;
        this.needs = needs;
        this.registry = registry;
        this.procedures = procedures;
        this.cases = cases;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    /**
     * {@code GET /groups/{id}/apply} ({@code ?from=TN} prefills from one of the applicant's cases, {@code ?a.<question>=}
     * from the answers to the group's need).
     */
    void form(Exchange x) throws IOException {
        Optional<Applicant> me = AccountPages.loggedIn(x);
        if (me.isPresent()) {
            form(x, me.get(), x.pathParam("id"), null, Map.of(), 200);
        }
    }

    private void form(Exchange x, Applicant me, String id, Posted posted, Map<String, String> errors, int code)
            throws IOException {
        form(x, me, id, posted, errors, code, Map.of());
    }

    /** @param confirmed held results just confirmed, whose data prefills the form */
    private void form(Exchange x, Applicant me, String id, Posted posted, Map<String, String> errors, int code,
            Map<MatterKey, ResultVerifier.Confirmation> confirmed) throws IOException {
        form(x, me, id, posted, errors, code, confirmed, Map.of(), null);
    }

    /**
     * @param looked up values from the base registries, by element, which prefill the form
     * @param lookupNote what the lookups found, or {@code null}
     */
    private void form(Exchange x, Applicant me, String id, Posted posted, Map<String, String> errors, int code,
            Map<MatterKey, ResultVerifier.Confirmation> confirmed, Map<String, String> looked, String lookupNote)
            throws IOException {
        Texts t = x.texts();
        FunctionGroupStatus status = catalog.status(id);
        Account account = accounts.account(me.id());
        Map<String, String> values = new HashMap<>();
        Map<String, String> origin = new HashMap<>();
        String fromAccount = t.get("portal.form.fromAccount");
        putOrigin(values, origin, InputRules.CONTACT_PHONE, account.mobile(), fromAccount);
        putOrigin(values, origin, InputRules.CONTACT_EMAIL, account.email(), fromAccount);
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
        if (status.group().need() != null) {
            String note = t.get("portal.form.fromAnswers");
            needs.prefill(status.group().need(), x.params(NeedPages.ANSWER))
                    .forEach((k, v) -> putOrigin(values, origin, k, v, note));
        }
        Set<String> materials = new LinkedHashSet<>();
        Optional<Draft> draft = accounts.draft(me.id(), id);
        Map<String, Object> model = new HashMap<>();
        confirmed.forEach((matter, c) -> {
            String note = t.get("portal.held.from", departmentName(matter, t));
            c.values().forEach((k, v) -> putOrigin(values, origin, k, v, note));
            c.outputs().forEach((k, v) -> putOrigin(values, origin, k, v, note));
        });
        looked.forEach((k, v) -> putOrigin(values, origin, k, v, t.get("portal.lookup.from")));
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
        prefillApplicantName(status, values, origin, account, fromAccount, model);
        Optional<UnifiedForm> form = procedures.form(id, values);
        Map<MatterKey, HeldResult> held = posted == null ? Map.of() : posted.held();
        Map<String, String> labels = new HashMap<>();
        List<Map<String, Object>> particulars = particulars(t, status, values, origin, errors, labels);
        List<Map<String, Object>> sections = new ArrayList<>();
        String authority = form.flatMap(this::authority).map(d -> d.name().zh()).orElse(null);
        String authorityName = form.flatMap(this::authority).map(d -> t.pick(d.name())).orElse(null);
        form.ifPresent(u -> u.sections().forEach(s -> {
            List<Map<String, Object>> fields = new ArrayList<>();
            for (UnifiedForm.Field f : s.fields()) {
                labels.put(f.element(), t.pick(f.label()));
                Map<String, Object> field = Fields.of(f, values.get(f.element()), errors, origin.get(f.element()), t);
                if (f.type() == org.tanghulu.api.definition.DataType.TABLE) {
                    field.put("rowsAction", "/groups/" + id + "/rows");
                }
                if (!f.usedBy().isEmpty() && held.keySet().containsAll(f.usedBy())) {
                    field.put("required", false); // only matters whose results are held need it
                }
                if (f.source() == UnifiedForm.Source.STEP_OUTPUT) {
                    field.put("producedBy", registry.department(f.producedBy().department())
                            .map(d -> t.pick(d.name())).orElse(f.producedBy().department()));
                } else if (REGISTRATION_AUTHORITY.equals(f.element()) && authority != null) {
                    field.put("value", authority);
                    field.put("locked", true);
                    field.put("origin", t.get("portal.form.authorityFrom", authorityName));
                    field.remove("error");
                }
                fields.add(field);
            }
            sections.add(Map.of("id", "section-" + s.matter().toString().replace('/', '-'),
                    "title", t.pick(s.title()) + (held.containsKey(s.matter()) ? t.get("portal.held.section") : ""),
                    "fields", fields));
        }));
        model.put("sectionNav", navigation(particulars, sections, t));
        model.put("held", heldModel(id, held, confirmed, errors, labels, t));
        model.put("lookup", lookups.available().contains(BaseRegistry.PERSONS));
        model.put("lookupNote", lookupNote == null ? "" : lookupNote);
        model.put("consentError", errors.getOrDefault("consent", ""));
        labels.put("consent", t.get("portal.lookup.legend"));
        labels.put("materials", t.get("portal.form.materials"));
        model.put("id", id);
        model.put("name", t.pick(status.group().name()));
        model.put("available", status.available() && form.isPresent());
        model.put("particulars", particulars);
        model.put("sections", sections);
        if (posted == null) {
            materials.addAll(CatalogPages.values(x, "m")); // the ticks set on the group's checklist
        }
        model.put("materials", CatalogPages.materialLines(catalog.readiness(id, Set.of()), materials,
                new LinkedHashSet<>(CatalogPages.values(x, PROMISE)), procedures.flowChart(id), t));
        model.put("materialsError", errors.getOrDefault("materials", ""));
        model.put("summary", Fields.summary(errors, labels));
        // the draft's files carry the submission key: the form keeps it, so that the submission brings them along
        String submissionKey = posted != null && posted.submissionKey() != null ? posted.submissionKey()
                : uploads.draftKey(me.id(), id).orElse(UUID.randomUUID().toString());
        model.put("submissionKey", submissionKey);
        model.put("uploads", UploadPages.byMaterial(uploads.ofDraft(me.id(), id)));
        model.put("uploadLimit", Limits.megabytes(uploads.limits().maxFileBytes()));
        model.put("earlier", cases.casesOf(me.id()).stream().filter(c -> c.group().equals(id))
                .map(c -> Map.of("tn", c.trackingNumber(), "selected", c.trackingNumber().equals(from))).toList());
        x.render(code, "apply.ftlh", model);
    }

    /**
     * @return the results the applicant may enter instead of applying: per matter whose department's system confirms
     *         them now, the number and holder entered, whether just confirmed, and the problem; labels into {@code labels}
     */
    private List<Map<String, Object>> heldModel(String id, Map<MatterKey, HeldResult> held,
            Map<MatterKey, ResultVerifier.Confirmation> confirmed, Map<String, String> errors, Map<String, String> labels,
            Texts t) {
        List<Map<String, Object>> model = new ArrayList<>();
        for (MatterKey m : cases.reusable(id)) {
            String key = "held:" + m;
            String name = registry.matters().stream().filter(e -> e.key().equals(m)).findFirst().map(e -> t.pick(e.matter().name()))
                    .orElse(m.toString());
            labels.put(key, name);
            HeldResult h = held.get(m);
            Map<String, Object> entry = new HashMap<>();
            entry.put("matter", m.toString());
            entry.put("name", name);
            entry.put("department", departmentName(m, t));
            entry.put("reference", h == null || h.reference() == null ? "" : h.reference());
            entry.put("holder", h == null || h.holderId() == null ? "" : h.holderId());
            entry.put("confirmed", confirmed.containsKey(m));
            entry.put("error", errors.getOrDefault(key, ""));
            model.add(entry);
        }
        return model;
    }

    private String departmentName(MatterKey m, Texts t) {
        return registry.department(m.department()).map(d -> t.pick(d.name())).orElse(m.department());
    }

    /**
     * The element naming the authority that registers the enterprise: the department of the group's first matter,
     * not typed (a value posted for it is replaced, so it cannot differ from that department).
     */
    static final String REGISTRATION_AUTHORITY = "registration-authority";

    /** @return the department of the form's first matter (steps 1-2 register the enterprise), if installed */
    private Optional<org.tanghulu.catalog.DepartmentStatus> authority(UnifiedForm form) {
        return form.sections().stream().findFirst().flatMap(s -> registry.department(s.matter().department()));
    }

    /**
     * Prefills the applicant's name from the account only for an individual applicant: an enterprise's name is not
     * its founder's. When the type is still to be chosen, the page keeps the person's name for the script to fill in
     * once "individual" is chosen.
     */
    private static void prefillApplicantName(FunctionGroupStatus status, Map<String, String> values,
            Map<String, String> origin, Account account, String fromAccount, Map<String, Object> model) {
        Set<ApplicantType> types = status.group().applicantTypes();
        String type = values.getOrDefault("applicantType", types.size() == 1 ? types.iterator().next().name() : "");
        if (ApplicantType.INDIVIDUAL.name().equals(type) && !values.containsKey("applicantName")) {
            putOrigin(values, origin, "applicantName", account.name(), fromAccount);
        }
        model.put("personName", types.contains(ApplicantType.INDIVIDUAL) && account.name() != null ? account.name() : "");
    }

    /** @return the section navigation: per section its anchor, title, and how many of its required fields are filled */
    private static List<Map<String, Object>> navigation(List<Map<String, Object>> particulars,
            List<Map<String, Object>> sections, Texts t) {
        List<Map<String, Object>> nav = new ArrayList<>();
        nav.add(navEntry("section-particulars", t.get("portal.form.particulars"), particulars));
        for (Map<String, Object> s : sections) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> fields = (List<Map<String, Object>>) s.get("fields");
            nav.add(navEntry((String) s.get("id"), (String) s.get("title"), fields));
        }
        return nav;
    }

    private static Map<String, Object> navEntry(String id, String title, List<Map<String, Object>> fields) {
        List<Map<String, Object>> required = fields.stream()
                .filter(f -> Boolean.TRUE.equals(f.get("required")) && !Boolean.TRUE.equals(f.get("readonly"))).toList();
        long filled = required.stream().filter(f -> f.get("value") instanceof String v && !v.isBlank()).count();
        return Map.of("id", id, "title", title, "required", required.size(), "filled", (int) filled);
    }

    /** @return the fields of the applicant's particulars; puts their labels into {@code labels} */
    private static List<Map<String, Object>> particulars(Texts t, FunctionGroupStatus status,
            Map<String, String> values, Map<String, String> origin, Map<String, String> errors,
            Map<String, String> labels) {
        List<Map<String, Object>> particulars = new ArrayList<>();
        for (String key : PARTICULARS.keySet()) {
            String label = t.get("portal.form." + key);
            labels.put(key, label);
            Map<String, Object> f = switch (key) {
                case InputRules.CONTACT_PHONE, InputRules.CONTACT_EMAIL -> Fields.contact(key, label,
                        values.get(key), errors.get(key), t.get("portal.form." + key + ".help"));
                default -> Fields.plain(key, key, label, "applicantType".equals(key) ? "select" : "text",
                        values.get(key), errors.get(key), t.get("portal.form." + key + ".help"), true);
            };
            if (origin.containsKey(key)) {
                f.put("origin", origin.get(key));
            }
            if (key.equals("applicantType")) {
                f.put("options", status.group().applicantTypes().stream()
                        .map(a -> Map.of("value", a.name(), "label", t.get("portal.type." + a.name()))).toList());
            }
            particulars.add(f);
        }
        return particulars;
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
        return posted(x, false);
    }

    /** @param keepBlankRows whether tables keep their blank rows (to add or remove a row, not to submit or save) */
    private static Posted posted(Exchange x, boolean keepBlankRows) {
        Map<String, String> values = new LinkedHashMap<>(Fields.compose(x.params("v."), keepBlankRows));
        for (String key : PARTICULARS.keySet()) {
            String v = x.request().getParameter(key);
            if (v != null) {
                values.put(key, v);
            }
        }
        Map<MatterKey, HeldResult> held = new LinkedHashMap<>();
        x.params("held.").forEach((k, v) -> {
            int dot = k.lastIndexOf('.');
            if (dot > 0 && k.endsWith(".reference") && !v.isBlank()) {
                try {
                    MatterKey m = MatterKey.parse(k.substring(0, dot), null);
                    held.put(m, new HeldResult(m, v.strip(), blankToNull(x.param("held." + m + ".holder"))));
                } catch (IllegalArgumentException e) {
                    // not a matter: the field is not the page's, ignored like any unknown parameter
                }
            }
        });
        return new Posted(values, new LinkedHashSet<>(CatalogPages.values(x, "m")), x.param("submissionKey"), held);
    }

    /**
     * {@code POST /groups/{id}/held}: confirms the held results entered with their departments' systems and shows the
     * form again, prefilled with what they hold (422 with the reason for one not confirmed); nothing is submitted.
     */
    void confirmHeld(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String id = x.pathParam("id");
        catalog.status(id);
        Posted p = posted(x);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<MatterKey, ResultVerifier.Confirmation> confirmed = new LinkedHashMap<>();
        if (p.held().isEmpty()) {
            errors.put(cases.reusable(id).stream().findFirst().map(m -> "held:" + m).orElse("held"), x.texts().get("portal.held.none"));
        }
        p.held().forEach((m, h) -> {
            try {
                ResultVerifier.Confirmation c = cases.verifyHeld(id, h);
                if (c.confirmed()) {
                    confirmed.put(m, c);
                } else {
                    errors.put("held:" + m, x.texts().get("portal.held.refused", c.reason()));
                }
            } catch (Refusal e) {
                if (e.kind() != Refusal.Kind.INVALID) {
                    throw e;
                }
                errors.putAll(Fields.errors(e.problems(), x.texts()));
            }
        });
        // the confirmed data goes over what was typed: the department's record is what counts
        Map<String, String> typed = new LinkedHashMap<>(p.values());
        confirmed.values().forEach(c -> c.values().keySet().forEach(typed::remove));
        form(x, me, id, new Posted(typed, p.materials(), p.submissionKey(), p.held()), errors, errors.isEmpty() ? 200 : 422,
                confirmed);
    }

    /** {@code POST /groups/{id}/apply}: submits; INVALID shows the form again with every problem. */
    void submit(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String id = x.pathParam("id");
        Posted p = posted(x);
        Map<String, String> values = new LinkedHashMap<>();
        p.values().forEach((k, v) -> {
            if (!PARTICULARS.containsKey(k) && !v.isBlank()) {
                values.put(k, v.trim());
            }
        });
        procedures.form(id, values).filter(u -> u.fields().stream().anyMatch(f -> f.element().equals(REGISTRATION_AUTHORITY)))
                .flatMap(this::authority).ifPresent(d -> values.put(REGISTRATION_AUTHORITY, d.name().zh()));
        ApplicantType type = Arrays.stream(ApplicantType.values())
                .filter(a -> a.name().equals(p.values().get("applicantType"))).findFirst().orElse(null);
        Submission content = new Submission(id, "-", type, blankToNull(p.values().get("applicantName")), values,
                p.materials(), blankToNull(p.values().get(InputRules.CONTACT_PHONE)),
                blankToNull(p.values().get(InputRules.CONTACT_EMAIL)), me.id(), List.copyOf(p.held().values()),
                new LinkedHashSet<>(CatalogPages.values(x, PROMISE)));
        String key = submissionKey(p.submissionKey(), content);
        try {
            Receipt r = cases.submit(new Submission(id, key, content.applicantType(), content.applicantName(), content.values(),
                    content.materials(), content.contactPhone(), content.contactEmail(), content.owner(), content.held(),
                    content.promised()));
            bindUploads(me, id, key, r);
            x.redirect("/cases/" + r.trackingNumber() + "/receipt");
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            form(x, me, id, p, Fields.errors(e.problems(), x.texts()), 422);
        }
    }

    /**
     * The submission key the core sees: a digest of the form's own key and the content submitted, so that the
     * same form sent twice with the same content (a double click, a retry after a crash, the page posted again)
     * answers the first receipt, while the form sent again with changed content (after the browser's Back
     * button, or after a crash that left the form's key with the draft's files) is a new application instead
     * of a conflict with the earlier one. Without a form key, a key of its own.
     */
    static String submissionKey(String formKey, Submission content) {
        if (formKey == null || formKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String canonical = String.join("\0", formKey, content.group(), String.valueOf(content.applicantType()),
                String.valueOf(content.applicantName()), String.valueOf(content.contactPhone()),
                String.valueOf(content.contactEmail()), String.valueOf(content.owner()),
                new java.util.TreeMap<>(content.values()).toString(), new java.util.TreeSet<>(content.materials()).toString(),
                content.held().toString(), new java.util.TreeSet<>(content.promised()).toString());
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The draft's files go with the case before the applicant is told its number (docs/portal.md, "Uploaded
     * materials"): a crash between the case's commit and this leaves them with the draft under the same key, and
     * the repeated submission (same key, same case) binds them.
     */
    private void bindUploads(Applicant me, String group, String key, Receipt r) {
        try {
            uploads.bind(new org.tanghulu.uploads.Draft(me.id(), group, key), r.trackingNumber());
        } catch (IllegalArgumentException malformedKey) {
            // the core accepted the key, so it is well-formed; nothing to bind otherwise
        }
    }

    /**
     * {@code POST /groups/{id}/lookup}: with the applicant's consent ticked, looks every identity number typed in the form
     * up in the population registry and fills in the name that goes with it ({@code X-id-number} to {@code X-name});
     * each lookup's consent is recorded. Shows the form again; nothing is submitted.
     */
    void lookUp(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String id = x.pathParam("id");
        FunctionGroupStatus status = catalog.status(id);
        Posted p = posted(x);
        Texts t = x.texts();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> found = new LinkedHashMap<>();
        if (!"yes".equals(x.param("consent"))) {
            errors.put("consent", t.get("portal.lookup.noConsent"));
        } else {
            Set<String> fields = procedures.form(id, Map.of()).map(f -> f.fields().stream().map(UnifiedForm.Field::element)
                    .collect(java.util.stream.Collectors.toSet())).orElse(Set.of());
            for (Map.Entry<String, String> e : p.values().entrySet()) {
                String element = e.getKey();
                String name = element.endsWith(ID_NUMBER) ? element.substring(0, element.length() - ID_NUMBER.length()) + "-name" : null;
                if (name == null || !fields.contains(name) || e.getValue().isBlank()) {
                    continue;
                }
                try {
                    Lookups.Found f = lookups.lookup(BaseRegistry.PERSONS, e.getValue(), me.id(), t.pick(status.group().name()));
                    if (f.found() && f.values().get("name") != null) {
                        found.put(name, f.values().get("name"));
                    } else {
                        errors.put(element, t.get("portal.lookup.notFound", f.reason()));
                    }
                } catch (IllegalArgumentException bad) {
                    errors.put(element, t.get("portal.lookup.malformed"));
                }
            }
        }
        Map<String, String> typed = new LinkedHashMap<>(p.values());
        found.keySet().forEach(typed::remove); // the registry's name goes over what was typed
        form(x, me, id, new Posted(typed, p.materials(), p.submissionKey(), p.held()), errors,
                errors.containsKey("consent") ? 422 : 200, Map.of(), found, errors.containsKey("consent") ? null
                        : t.get("portal.lookup.done", found.size()));
    }

    /**
     * {@code POST /groups/{id}/rows}: a table's "add a row" ({@code row=add:ELEMENT}) or "remove this row"
     * ({@code row=remove:ELEMENT:INDEX}) without a script: shows the form again with everything typed and one row
     * more or less; nothing is submitted or saved.
     */
    void changeRows(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String id = x.pathParam("id");
        catalog.status(id);
        Posted p = posted(x, true);
        Map<String, String> values = new LinkedHashMap<>(p.values());
        String[] row = String.valueOf(x.param("row")).split(":");
        if (row.length >= 2 && row[1].matches("[a-z][a-z0-9-]*")) {
            boolean add = "add".equals(row[0]);
            int remove = !add && row.length == 3 && row[2].matches("\\d{1,3}") ? Integer.parseInt(row[2]) : -1;
            values.put(row[1], Fields.changeRows(values.getOrDefault(row[1], ""), add, remove));
        }
        form(x, me, id, new Posted(values, p.materials(), p.submissionKey(), p.held()), Map.of(), 200);
    }

    /** {@code POST /groups/{id}/draft}: JSON with {@code X-CSRF-Token} (the script), else 303 to the form. */
    void saveDraft(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String id = x.pathParam("id");
        catalog.status(id);
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
}
