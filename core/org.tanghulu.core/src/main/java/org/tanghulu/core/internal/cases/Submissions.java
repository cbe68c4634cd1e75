package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.Refusal.Kind.CONFLICT;
import static org.tanghulu.core.Refusal.Kind.INVALID;
import static org.tanghulu.core.Refusal.Kind.NOT_FOUND;
import static org.tanghulu.core.Refusal.Kind.UNAVAILABLE;
import static org.tanghulu.core.internal.cases.CaseRules.APPLICANT;
import static org.tanghulu.core.internal.cases.CaseRules.PLATFORM;
import static org.tanghulu.kernel.text.Text.blankToNull;
import static org.tanghulu.core.internal.cases.CaseRules.checkValues;
import static org.tanghulu.core.internal.cases.CaseRules.departmentChecks;
import static org.tanghulu.core.internal.cases.CaseRules.invalid;
import static org.tanghulu.core.internal.cases.CaseRules.nulls;
import static org.tanghulu.core.internal.cases.CaseRules.problem;
import static org.tanghulu.core.internal.cases.CaseRules.unknownMaterials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.core.Refusal;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.HeldResult;
import org.tanghulu.core.cases.ResultVerifier.Confirmation;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.Submission;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.core.internal.accounts.Owners;
import org.tanghulu.catalog.plan.Planner;
import org.tanghulu.core.internal.store.JsonColumns;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.catalog.validation.InputRules;

/**
 * Submission of applications: every check first, then the case, its first tasks and the discarding
 * of the owner's draft in one transaction. A repeated submission key answers the first receipt.
 */
final class Submissions {

    private static final Logger LOG = LoggerFactory.getLogger(Submissions.class);
    private static final Pattern SUBMISSION_KEY = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    private static final LocalizedText APPLICANT_NAME = new LocalizedText("申请人名称", "Applicant's name");

    private final Registry registry;
    private final DepartmentGateway departments;
    private final GroupVersions charts;
    private final CaseAccess access;
    private final Owners owners;
    private final Workflow workflow;
    private final EventLog log;
    private final HeldResults held;
    private final Clock clock;

    Submissions(Registry registry, DepartmentGateway departments, GroupVersions charts, CaseAccess access, Owners owners,
            Workflow workflow, EventLog log, HeldResults held, Clock clock) {
        this.registry = registry;
        this.departments = departments;
        this.charts = charts;
        this.access = access;
        this.owners = owners;
        this.workflow = workflow;
        this.log = log;
        this.held = held;
        this.clock = clock;
    }

    /** @see org.tanghulu.core.cases.Cases#verifyHeld */
    Confirmation verifyHeld(String group, HeldResult h) {
        return held.verify(charts.current(available(group)), h);
    }

    /** @see org.tanghulu.core.cases.Cases#reusable */
    List<org.tanghulu.api.definition.MatterKey> reusable(String group) {
        return held.reusable(charts.current(available(group)));
    }

    private FunctionGroupStatus available(String group) {
        return registry.functionGroups().stream().filter(g -> g.group().id().equals(group) && g.problems().isEmpty())
                .findFirst().orElseThrow(() -> new Refusal(NOT_FOUND, "There is no function group '" + group + "'."));
    }

    Receipt submit(Submission s) {
        if (s.submissionKey() == null || !SUBMISSION_KEY.matcher(s.submissionKey()).matches()) {
            throw invalid("submissionKey", "提交编号须为16至100位字母、数字、“-”或“_”（建议使用UUID），同一份申请重复提交时使用同一编号。",
                    "The submission key must be 16 to 100 letters, digits, '-' or '_' (a UUID is best); send the same key again when repeating the same submission.");
        }
        FunctionGroupStatus status = available(s.group());
        List<FieldProblem> nulls = new ArrayList<>(nulls(s.values(), s.materials()));
        if (s.promised().stream().anyMatch(java.util.Objects::isNull)) {
            nulls.add(problem("promised", "承诺后补的材料列表中有空项，请只列出材料编号。",
                    "The list of promised materials has a null entry; list material ids only."));
        }
        if (!nulls.isEmpty()) {
            throw new Refusal(INVALID, "The application has empty (null) entries; nothing was submitted.", nulls);
        }
        String hash = hash(s);
        Optional<Receipt> earlier = replay(s.submissionKey(), hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!status.available()) {
            throw new Refusal(UNAVAILABLE, "'" + status.group().name().zh() + "' cannot take new applications right now ("
                    + String.join("; ", status.missing()) + "). Nothing was submitted; please try again later.");
        }
        FlowChart chart = charts.freeze(status);
        // one view of the installed departments for every check below: a department that leaves meanwhile
        // makes the application wait (503), never look wrong (422)
        Map<String, DepartmentDefinition> active = departments.active();
        List<String> away = chart.blocks().stream().map(Block::department).filter(d -> !active.containsKey(d))
                .distinct().sorted().toList();
        if (!away.isEmpty()) {
            throw new Refusal(UNAVAILABLE, "'" + status.group().name().zh() + "' cannot take new applications right now ("
                    + "department(s) " + String.join(", ", away) + " not installed). Nothing was submitted; please try again later.");
        }
        Map<String, DataElement> elements = departments.elements(active);
        UnifiedForm form = Planner.form(chart, elements, Map.of());

        List<FieldProblem> problems = new ArrayList<>();
        if (s.applicantType() == null || !status.group().applicantTypes().contains(s.applicantType())) {
            problems.add(problem("applicantType", "此事项的申请人类型须为：" + status.group().applicantTypes() + "。",
                    "Applicants of this kind may not apply; allowed: " + status.group().applicantTypes() + "."));
        }
        if (s.applicantName() == null || s.applicantName().isBlank()) {
            problems.add(problem("applicantName", "请填写申请人名称（不超过200字）。", "Give the applicant's name (at most 200 characters)."));
        } else {
            problems.addAll(InputRules.text("applicantName", APPLICANT_NAME, s.applicantName().strip(), InputRules.MAX_NAME, false));
        }
        problems.addAll(InputRules.contacts(s.contactPhone(), s.contactEmail()));
        List<HeldResults.Confirmed> reused = held.confirm(chart, s.held(), elements, s.values(), problems);
        problems.addAll(checkValues(form, s.values(), HeldResults.excused(form, reused)));
        problems.addAll(unknownMaterials(chart, active, s.materials()));
        Set<String> stillNeeded = materialsOf(chart, active, reused);
        Planner.checklist(s.materials(), s.applicantType(), active, List.of(status)).groups().stream()
                .flatMap(g -> g.missing().stream()).filter(m -> stillNeeded.contains(m.id()))
                .map(m -> m.name().zh()).reduce((a, b) -> a + "、" + b)
                .ifPresent(missing -> problems.add(problem("materials", "缺少申请材料：" + missing + "。",
                        "Materials missing: " + missing + ".")));
        problems.addAll(MaterialWaits.check(chart.blocks().stream().filter(b -> reused.stream().noneMatch(r -> r.block().equals(b)))
                .toList(), active, s.materials(), s.promised()));
        List<String> notes = new ArrayList<>();
        if (problems.isEmpty()) {
            departmentChecks(departments, chart.blocks().stream().filter(b -> reused.stream().noneMatch(r -> r.block().equals(b)))
                    .toList(), s.values(), problems, notes);
        }
        if (!problems.isEmpty()) {
            throw new Refusal(INVALID, problems.size() + " problem(s) in the application; nothing was submitted. "
                    + "Please correct the fields listed and submit again.", problems);
        }
        try {
            return log.run(em -> create(em, s, hash, chart, notes, reused));
        } catch (RuntimeException e) {
            // a concurrent submission with the same key won the unique constraint
            return replay(s.submissionKey(), hash).orElseThrow(() -> e);
        }
    }

    private Optional<Receipt> replay(String submissionKey, String hash) {
        return log.run(em -> em.createQuery("select c from CaseEntity c where c.submissionKey = :k", CaseEntity.class)
                .setParameter("k", submissionKey).getResultStream().findFirst()).map(c -> {
                    if (!c.submissionHash.equals(hash)) {
                        throw new Refusal(CONFLICT, "This submission key was already used for a different application ("
                                + c.trackingNumber + "). Use a new key for a new application.");
                    }
                    return new Receipt(c.trackingNumber, access.keys().keyFor(c.trackingNumber), false);
                });
    }

    /** @return the materials the matters still to be applied for need (a reused matter's are not asked) */
    private static Set<String> materialsOf(FlowChart chart, Map<String, DepartmentDefinition> active,
            List<HeldResults.Confirmed> reused) {
        Set<String> needed = new HashSet<>();
        chart.blocks().stream().filter(b -> reused.stream().noneMatch(r -> r.block().equals(b)))
                .forEach(b -> active.get(b.department()).matters().stream().filter(m -> m.id().equals(b.matter().matter()))
                        .forEach(m -> m.materials().forEach(x -> needed.add(x.id()))));
        return needed;
    }

    private Receipt create(EntityManager em, Submission s, String hash, FlowChart chart, List<String> notes,
            List<HeldResults.Confirmed> reused) {
        Instant now = clock.instant();
        CaseEntity c = new CaseEntity();
        c.submissionKey = s.submissionKey();
        c.submissionHash = hash;
        c.groupId = chart.group();
        c.groupVersion = chart.version();
        c.applicantType = s.applicantType();
        c.applicantName = s.applicantName().strip();
        c.contactPhone = blankToNull(s.contactPhone());
        c.contactEmail = blankToNull(s.contactEmail());
        c.state = CaseState.OPEN;
        c.values = write(new TreeMap<>(s.values()));
        c.materials = write(new TreeSet<>(s.materials()));
        c.submittedAt = now;
        c.ownerId = s.owner();
        c.trackingNumber = "pending";
        if (s.owner() != null && !owners.exists(em, s.owner())) {
            throw new Refusal(NOT_FOUND, "There is no account " + s.owner() + "; nothing was submitted.");
        }
        em.persist(c);
        c.trackingNumber = "TH" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(clock)) + String.format("%06d", c.id);
        workflow.event(em, c, null, APPLICANT, "SUBMITTED", null, CaseState.OPEN.name(),
                "Submitted for '" + chart.name().zh() + "' version " + chart.version() + " with " + s.values().size()
                        + " value(s) and " + s.materials().size() + " material(s)", Map.of());
        notes.forEach(n -> workflow.event(em, c, null, PLATFORM, "DEPARTMENT_CHECK_FAILED", null, null, n
                + "; the officer checks by hand", EventLog.payload("failure", n)));
        workflow.waits().promise(em, c, chart, s.promised());
        workflow.advance(em, c, chart, held.record(em, c, reused));
        if (s.owner() != null) {
            owners.discardDraft(em, s.owner(), chart.group());
        }
        LOG.info("Case {} submitted for {} v{}", c.trackingNumber, chart.group(), chart.version());
        return new Receipt(c.trackingNumber, access.keys().keyFor(c.trackingNumber), true);
    }

    private String hash(Submission s) {
        try {
            List<Object> content = new ArrayList<>(List.of(s.group(), String.valueOf(s.applicantType()),
                    String.valueOf(s.applicantName()), String.valueOf(s.contactPhone()), String.valueOf(s.contactEmail()),
                    new TreeMap<>(s.values()), new TreeSet<>(s.materials())));
            if (s.owner() != null) {
                content.add(s.owner()); // only when given, so that earlier cases' hashes stay as they were
            }
            if (!s.held().isEmpty()) {
                content.add(s.held().stream().map(h -> h == null ? List.of() : List.of(String.valueOf(h.matter()),
                        String.valueOf(h.reference()), String.valueOf(h.holderId()))).toList());
            }
            if (!s.promised().isEmpty()) {
                content.add(new TreeSet<>(s.promised()));
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        return JsonColumns.write(value);
    }
}
