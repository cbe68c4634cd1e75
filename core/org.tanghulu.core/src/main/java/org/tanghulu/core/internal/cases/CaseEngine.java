package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.cases.CaseException.Kind.CONFLICT;
import static org.tanghulu.core.cases.CaseException.Kind.FORBIDDEN;
import static org.tanghulu.core.cases.CaseException.Kind.INVALID;
import static org.tanghulu.core.cases.CaseException.Kind.NOT_FOUND;
import static org.tanghulu.core.cases.CaseException.Kind.UNAVAILABLE;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_LIST;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_MAP;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_SET;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.EmFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.core.DepartmentStatus;
import org.tanghulu.core.FunctionGroupStatus;
import org.tanghulu.core.Registry;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseEvent;
import org.tanghulu.core.cases.CaseException;
import org.tanghulu.core.cases.CaseSummary;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.DepartmentStatistics;
import org.tanghulu.core.cases.Rating;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.Submission;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.core.internal.DepartmentGateway;
import org.tanghulu.core.internal.GuardedCaller.Outcome;
import org.tanghulu.core.internal.accounts.AccountService;
import org.tanghulu.core.internal.calendar.CalendarService;
import org.tanghulu.core.internal.calendar.WorkingCalendar;
import org.tanghulu.core.internal.plan.Planner;
import org.tanghulu.core.internal.store.JsonColumns;
import org.tanghulu.core.internal.store.Transactions;
import org.tanghulu.core.internal.validation.FieldValidator;
import org.tanghulu.core.plan.Block;
import org.tanghulu.core.plan.FlowChart;
import org.tanghulu.core.plan.Procedures;
import org.tanghulu.core.plan.UnifiedForm;
import org.tanghulu.core.validation.InputRules;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The case engine. Each public method is one database transaction; decisions on a case
 * lock its row first, so concurrent decisions are serialized and exactly one completion
 * of a task wins. Department code is reached only through the {@link DepartmentGateway}
 * and never inside a transaction.
 */
@Component
public class CaseEngine implements Cases {

    private static final Logger LOG = LoggerFactory.getLogger(CaseEngine.class);
    /** The platform's working days and dates are Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern SUBMISSION_KEY = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    private static final int MAX_LIST = 1000;
    private static final String APPLICANT = "applicant";
    private static final String PLATFORM = "platform";
    /** Open tasks whose clock runs: these can be overdue, a task waiting for a correction cannot. */
    private static final List<TaskState> RUNNING = List.of(TaskState.READY, TaskState.CLAIMED);
    private static final LocalizedText APPLICANT_NAME = new LocalizedText("申请人名称", "Applicant's name");
    private static final LocalizedText MESSAGE = new LocalizedText("说明", "Message");
    private static final LocalizedText NOTE = new LocalizedText("补正说明", "Note to the correction");
    private static final LocalizedText COMMENT = new LocalizedText("评价内容", "Comment");
    private static final List<String> RATING_NAMES = List.of("非常不满意", "不满意", "基本满意", "满意", "非常满意");

    private final Registry registry;
    private final DepartmentGateway departments;
    private final CalendarService calendar;
    private final Procedures procedures;
    private final Clock clock;
    private final EventLog log;
    private final Map<GroupVersionEntity.Key, FlowChart> charts = new ConcurrentHashMap<>();
    private volatile AccessKeys keys;

    @Activate
    public CaseEngine(@Reference Registry registry,
            @Reference DepartmentGateway departments, @Reference CalendarService calendar,
            @Reference Procedures procedures, @Reference EventLog log) {
        this(registry, departments, calendar, procedures, log, Clock.system(ZONE));
    }

    /** @param clock the platform's time, which tests set */
    CaseEngine(Registry registry, DepartmentGateway departments, CalendarService calendar,
            Procedures procedures, EventLog log, Clock clock) {
        this.registry = registry;
        this.departments = departments;
        this.calendar = calendar;
        this.procedures = procedures;
        this.clock = clock;
        this.log = log;
    }

    // --- submission ---------------------------------------------------------------

    @Override
    public Receipt submit(Submission s) {
        if (s.submissionKey() == null || !SUBMISSION_KEY.matcher(s.submissionKey()).matches()) {
            throw invalid("submissionKey", "提交编号须为16至100位字母、数字、“-”或“_”（建议使用UUID），同一份申请重复提交时使用同一编号。",
                    "The submission key must be 16 to 100 letters, digits, '-' or '_' (a UUID is best); send the same key again when repeating the same submission.");
        }
        FunctionGroupStatus status = registry.functionGroups().stream()
                .filter(g -> g.group().id().equals(s.group()) && g.problems().isEmpty()).findFirst()
                .orElseThrow(() -> new CaseException(NOT_FOUND, "There is no function group '" + s.group() + "'."));
        List<FieldProblem> nulls = nulls(s.values(), s.materials());
        if (!nulls.isEmpty()) {
            throw new CaseException(INVALID, "The application has empty (null) entries; nothing was submitted.", nulls);
        }
        String hash = hash(s);
        Optional<Receipt> earlier = replay(s.submissionKey(), hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!status.available()) {
            throw new CaseException(UNAVAILABLE, "'" + status.group().name().zh() + "' cannot take new applications right now ("
                    + String.join("; ", status.missing()) + "). Nothing was submitted; please try again later.");
        }
        FlowChart chart = freeze(status);
        // one view of the installed departments for every check below: a department that leaves meanwhile
        // makes the application wait (503), never look wrong (422)
        Map<String, DepartmentDefinition> active = departments.active();
        List<String> away = chart.blocks().stream().map(Block::department).filter(d -> !active.containsKey(d))
                .distinct().sorted().toList();
        if (!away.isEmpty()) {
            throw new CaseException(UNAVAILABLE, "'" + status.group().name().zh() + "' cannot take new applications right now ("
                    + "department(s) " + String.join(", ", away) + " not installed). Nothing was submitted; please try again later.");
        }
        Map<String, DataElement> elements = departments.elements();
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
        problems.addAll(checkValues(form, s.values(), true));
        problems.addAll(unknownMaterials(chart, active, s.materials()));
        Planner.checklist(s.materials(), s.applicantType(), active, List.of(status)).groups().stream()
                .flatMap(g -> g.missing().stream()).map(m -> m.name().zh()).reduce((a, b) -> a + "、" + b)
                .ifPresent(missing -> problems.add(problem("materials", "缺少申请材料：" + missing + "。",
                        "Materials missing: " + missing + ".")));
        List<String> notes = new ArrayList<>();
        if (problems.isEmpty()) {
            for (Block b : chart.blocks()) {
                departmentCheck(b, s.values(), problems, notes);
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseException(INVALID, problems.size() + " problem(s) in the application; nothing was submitted. "
                    + "Please correct the fields listed and submit again.", problems);
        }
        try {
            return tx(em -> create(em, s, hash, chart, notes));
        } catch (RuntimeException e) {
            // a concurrent submission with the same key won the unique constraint
            return replay(s.submissionKey(), hash).orElseThrow(() -> e);
        }
    }

    private Optional<Receipt> replay(String submissionKey, String hash) {
        return read(em -> em.createQuery("select c from CaseEntity c where c.submissionKey = :k", CaseEntity.class)
                .setParameter("k", submissionKey).getResultStream().findFirst()).map(c -> {
                    if (!c.submissionHash.equals(hash)) {
                        throw new CaseException(CONFLICT, "This submission key was already used for a different application ("
                                + c.trackingNumber + "). Use a new key for a new application.");
                    }
                    return new Receipt(c.trackingNumber, keys().keyFor(c.trackingNumber), false);
                });
    }

    private Receipt create(EntityManager em, Submission s, String hash, FlowChart chart, List<String> notes) {
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
        if (s.owner() != null && !AccountService.exists(em, s.owner())) {
            throw new CaseException(NOT_FOUND, "There is no account " + s.owner() + "; nothing was submitted.");
        }
        em.persist(c);
        c.trackingNumber = "TH" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(clock)) + String.format("%06d", c.id);
        event(em, c, null, APPLICANT, "SUBMITTED", null, CaseState.OPEN.name(),
                "Submitted for '" + chart.name().zh() + "' version " + chart.version() + " with " + s.values().size()
                        + " value(s) and " + s.materials().size() + " material(s)", Map.of());
        notes.forEach(n -> event(em, c, null, PLATFORM, "DEPARTMENT_CHECK_FAILED", null, null, n
                + "; the officer checks by hand", EventLog.payload("failure", n)));
        advance(em, c, chart, List.of());
        if (s.owner() != null) {
            AccountService.discardDraft(em, s.owner(), chart.group());
        }
        LOG.info("Case {} submitted for {} v{}", c.trackingNumber, chart.group(), chart.version());
        return new Receipt(c.trackingNumber, keys().keyFor(c.trackingNumber), true);
    }

    /**
     * The chart the group's cases run on at this version: the one frozen by its first case, else now's.
     * Synchronized so that a node's first concurrent submissions freeze it once; nodes racing each
     * other are decided by the primary key.
     */
    private FlowChart freeze(FunctionGroupStatus status) {
        GroupVersionEntity.Key key = new GroupVersionEntity.Key(status.group().id(), status.group().version());
        FlowChart frozen = chart(key);
        if (frozen != null) {
            return frozen;
        }
        synchronized (charts) {
            frozen = chart(key);
            return frozen != null ? frozen : freeze(status, key);
        }
    }

    private FlowChart freeze(FunctionGroupStatus status, GroupVersionEntity.Key key) {
        FlowChart now = procedures.flowChart(status.group().id()).orElseThrow(() -> new CaseException(UNAVAILABLE,
                "'" + status.group().name().zh() + "' cannot take new applications right now; please try again later."));
        try {
            tx(em -> {
                GroupVersionEntity g = new GroupVersionEntity();
                g.groupId = now.group();
                g.version = now.version();
                g.chart = write(now);
                g.firstUsed = clock.instant();
                em.persist(g);
                return g;
            });
            LOG.info("Function group {} version {} frozen for its cases", now.group(), now.version());
        } catch (RuntimeException e) {
            LOG.debug("Version frozen concurrently", e);
        }
        return Optional.ofNullable(chart(key)).orElse(now);
    }

    private FlowChart chart(GroupVersionEntity.Key key) {
        FlowChart cached = charts.get(key);
        if (cached != null) {
            return cached;
        }
        GroupVersionEntity g = read(em -> em.find(GroupVersionEntity.class, key));
        if (g == null) {
            return null;
        }
        FlowChart chart = read(g.chart, FlowChart.class);
        charts.put(key, chart);
        return chart;
    }

    private FlowChart chartOf(CaseEntity c) {
        return chart(new GroupVersionEntity.Key(c.groupId, c.groupVersion));
    }

    // --- the engine ---------------------------------------------------------------

    /** Creates the tasks whose dependencies are approved; completes the case when every matter is. */
    private void advance(EntityManager em, CaseEntity c, FlowChart chart, List<TaskEntity> tasks) {
        Map<MatterKey, TaskEntity> byMatter = new LinkedHashMap<>();
        tasks.forEach(t -> byMatter.put(new MatterKey(t.department, t.matter), t));
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar days = calendar.current();
        boolean complete = true;
        for (Block b : chart.blocks()) {
            TaskEntity t = byMatter.get(b.matter());
            complete &= t != null && t.state == TaskState.APPROVED;
            if (t == null && b.dependsOn().stream().allMatch(d -> byMatter.containsKey(d)
                    && byMatter.get(d).state == TaskState.APPROVED)) {
                t = new TaskEntity();
                t.caseRecord = c;
                t.department = b.department();
                t.matter = b.matter().matter();
                t.state = TaskState.READY;
                t.createdAt = clock.instant();
                t.promisedDue = days.due(today, b.promisedDays());
                t.statutoryDue = days.due(today, b.statutoryDays());
                em.persist(t);
                event(em, c, t, PLATFORM, "TASK_CREATED", null, TaskState.READY.name(), b.matter() + " for "
                        + b.departmentName().zh() + ", promised by " + t.promisedDue + ", statutory limit " + t.statutoryDue,
                        EventLog.payload("promisedDue", t.promisedDue, "statutoryDue", t.statutoryDue));
            }
        }
        if (complete) {
            c.state = CaseState.COMPLETED;
            c.closedAt = clock.instant();
            event(em, c, null, PLATFORM, "COMPLETED", CaseState.OPEN.name(), CaseState.COMPLETED.name(),
                    "Every matter approved", Map.of());
        }
    }

    @Override
    public TaskView claim(long taskId, Actor actor) {
        return tx(em -> {
            TaskEntity t = lockForAction(em, taskId, actor);
            if (t.state != TaskState.READY) {
                throw new CaseException(CONFLICT, "Task " + taskId + " cannot be claimed: it is " + t.state
                        + (t.assignee == null ? "" : ", claimed by " + t.assignee) + ".");
            }
            t.state = TaskState.CLAIMED;
            t.assignee = actor.name();
            event(em, t.caseRecord, t, actor.name(), "CLAIMED", TaskState.READY.name(), TaskState.CLAIMED.name(),
                    "Claimed by " + actor.name(), Map.of());
            return view(t, chartOf(t.caseRecord));
        });
    }

    @Override
    public TaskView decide(long taskId, Actor actor, Decision d) {
        if (d == null || d.kind() == null) {
            throw invalid("kind", "请选择处理结果：APPROVE、REJECT 或 REQUEST_CORRECTION。",
                    "Say what you decide: APPROVE, REJECT or REQUEST_CORRECTION.");
        }
        List<FieldProblem> text = InputRules.text("message", MESSAGE, d.message(), InputRules.MAX_MESSAGE, true);
        if (d.fields().stream().anyMatch(java.util.Objects::isNull)) {
            text.add(problem("fields", "要求更正的字段清单中有空项（null）。", "The list of fields to correct has a null entry."));
        }
        if (!text.isEmpty()) {
            throw new CaseException(INVALID, "The decision was not recorded: " + text.size() + " problem(s).", text);
        }
        return tx(em -> {
            TaskEntity t = lockForAction(em, taskId, actor);
            if (t.state != TaskState.CLAIMED || !actor.name().equals(t.assignee)) {
                throw new CaseException(CONFLICT, "Task " + taskId + " cannot be decided by " + actor.name() + ": "
                        + switch (t.state) {
                            case READY -> "claim it first.";
                            case CLAIMED -> "it is claimed by " + t.assignee + ".";
                            case CORRECTION -> "it waits for the applicant's correction.";
                            default -> "it was already decided (" + t.state + ").";
                        });
            }
            CaseEntity c = t.caseRecord;
            FlowChart chart = chartOf(c);
            Block block = chart.blocks().stream().filter(b -> b.matter().equals(new MatterKey(t.department, t.matter)))
                    .findFirst().orElseThrow();
            switch (d.kind()) {
                case APPROVE -> approve(em, t, block, chart, actor, d);
                case REJECT -> reject(em, t, actor, d);
                case REQUEST_CORRECTION -> requestCorrection(em, t, chart, actor, d);
            }
            return view(t, chart);
        });
    }

    private void approve(EntityManager em, TaskEntity t, Block block, FlowChart chart, Actor actor, Decision d) {
        Map<String, DataElement> elements = departments.elements();
        List<FieldProblem> problems = new ArrayList<>();
        d.outputs().keySet().stream().filter(k -> !block.outputs().contains(k)).forEach(k -> problems.add(problem(k,
                "“" + k + "”不是本事项的办理结果。", "'" + k + "' is not an output of this matter; its outputs are " + block.outputs() + ".")));
        for (String o : block.outputs()) {
            String v = d.outputs().get(o);
            DataElement e = elements.get(o);
            LocalizedText label = e == null ? new LocalizedText(o, o) : e.label();
            if (v == null || v.isBlank()) {
                problems.add(problem(o, "批准时须填写办理结果“" + label.zh() + "”。",
                        "Give \"" + label.en() + "\" to approve: it is this matter's result."));
            } else if (e != null) {
                problems.addAll(FieldValidator.validate(List.of(e), Map.of(o, v)));
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseException(INVALID, "The task was not approved: " + problems.size() + " problem(s) with its outputs.", problems);
        }
        t.state = TaskState.APPROVED;
        t.outputs = write(new TreeMap<>(d.outputs()));
        t.decidedAt = clock.instant();
        t.message = blankToNull(d.message());
        event(em, t.caseRecord, t, actor.name(), "APPROVED", TaskState.CLAIMED.name(), TaskState.APPROVED.name(),
                "Outputs " + t.outputs + (t.message == null ? "" : "; " + t.message),
                EventLog.payload("outputs", new TreeMap<>(d.outputs()), "message", t.message));
        advance(em, t.caseRecord, chart, tasksOf(em, t.caseRecord));
    }

    private void reject(EntityManager em, TaskEntity t, Actor actor, Decision d) {
        requireMessage(d, "驳回时须写明理由，申请人会看到。", "Give the reason for rejecting; the applicant will read it.");
        t.state = TaskState.REJECTED;
        t.message = d.message().strip();
        t.decidedAt = clock.instant();
        event(em, t.caseRecord, t, actor.name(), "REJECTED", TaskState.CLAIMED.name(), TaskState.REJECTED.name(), t.message,
                EventLog.payload("reason", t.message));
        for (TaskEntity other : tasksOf(em, t.caseRecord)) {
            if (other.state.open()) {
                String before = other.state.name();
                other.state = TaskState.CANCELLED;
                other.decidedAt = clock.instant();
                event(em, t.caseRecord, other, PLATFORM, "CANCELLED", before, TaskState.CANCELLED.name(),
                        "Closed because " + t.department + "/" + t.matter + " was rejected", Map.of());
            }
        }
        CaseEntity c = t.caseRecord;
        c.state = CaseState.REJECTED;
        c.closedAt = clock.instant();
        event(em, c, null, PLATFORM, "REJECTED", CaseState.OPEN.name(), CaseState.REJECTED.name(),
                t.department + "/" + t.matter + " rejected: " + t.message, EventLog.payload("task", t.id, "reason", t.message));
    }

    private void requestCorrection(EntityManager em, TaskEntity t, FlowChart chart, Actor actor, Decision d) {
        requireMessage(d, "要求补证时须写明需要更正或补交的内容。", "Say what is wrong and what the applicant must correct or hand in.");
        Set<String> fields = applicantFields(Planner.form(chart, departments.elements(), Map.of()));
        List<FieldProblem> unknown = d.fields().stream().filter(f -> !fields.contains(f))
                .map(f -> problem("fields", "“" + f + "”不是申请表中的字段。", "'" + f + "' is not a field of the application form."))
                .toList();
        if (!unknown.isEmpty()) {
            throw new CaseException(INVALID, "The correction request names fields the applicant cannot correct.", unknown);
        }
        t.state = TaskState.CORRECTION;
        t.message = d.message().strip();
        t.correctionFields = write(d.fields());
        t.pausedSince = LocalDate.now(clock);
        event(em, t.caseRecord, t, actor.name(), "CORRECTION_REQUESTED", TaskState.CLAIMED.name(),
                TaskState.CORRECTION.name(), t.message + (d.fields().isEmpty() ? "" : " Fields: " + d.fields())
                        + "; the clock is paused from " + t.pausedSince,
                EventLog.payload("message", t.message, "fields", d.fields(), "pausedFrom", t.pausedSince));
    }

    @Override
    public CaseView answerCorrection(String trackingNumber, String accessKey, long taskId, Map<String, String> values,
            Set<String> materials, String message) {
        CaseEntity current = applicantCase(trackingNumber, accessKey);
        FlowChart chart = chartOf(current);
        UnifiedForm form = Planner.form(chart, departments.elements(), Map.of());
        Map<String, String> given = values == null ? Map.of() : values;
        List<FieldProblem> problems = nulls(given, materials == null ? Set.of() : materials);
        if (problems.isEmpty()) {
            problems.addAll(checkValues(form, given, false));
            problems.addAll(unknownMaterials(chart, departments.active(), materials == null ? Set.of() : materials));
            problems.addAll(InputRules.text("message", NOTE, message, InputRules.MAX_MESSAGE, true));
        }
        if (!problems.isEmpty()) {
            throw new CaseException(INVALID, problems.size() + " problem(s) in the correction; nothing was changed.", problems);
        }
        Map<String, String> merged = new TreeMap<>(read(current.values, STRING_MAP));
        merged.putAll(given);
        TaskEntity target = read(em -> em.find(TaskEntity.class, taskId));
        List<String> notes = new ArrayList<>();
        if (target != null && target.caseRecord.id.equals(current.id)) {
            chart.blocks().stream().filter(b -> b.matter().equals(new MatterKey(target.department, target.matter)))
                    .findFirst().ifPresent(b -> departmentCheck(b, merged, problems, notes));
        }
        if (!problems.isEmpty()) {
            throw new CaseException(INVALID, problems.size() + " problem(s) in the correction; nothing was changed.", problems);
        }
        return tx(em -> {
            CaseEntity c = em.find(CaseEntity.class, current.id, LockModeType.PESSIMISTIC_WRITE);
            TaskEntity t = em.find(TaskEntity.class, taskId);
            if (t == null || !t.caseRecord.id.equals(c.id)) {
                throw new CaseException(NOT_FOUND, "Case " + trackingNumber + " has no task " + taskId + ".");
            }
            em.refresh(t);
            if (t.state != TaskState.CORRECTION) {
                throw new CaseException(CONFLICT, "Task " + taskId + " is not waiting for a correction (it is " + t.state + ").");
            }
            Map<String, String> data = new TreeMap<>(read(c.values, STRING_MAP));
            data.putAll(given);
            c.values = write(data);
            Set<String> handedIn = new TreeSet<>(read(c.materials, STRING_SET));
            if (materials != null) {
                handedIn.addAll(materials);
            }
            c.materials = write(handedIn);
            LocalDate today = LocalDate.now(clock);
            WorkingCalendar days = calendar.current();
            int paused = days.workingDaysBetween(t.pausedSince, today);
            t.pausedDays += paused;
            t.promisedDue = days.plusPause(t.promisedDue, paused);
            t.statutoryDue = days.plusPause(t.statutoryDue, paused);
            LocalDate since = t.pausedSince;
            t.pausedSince = null;
            t.state = t.assignee == null ? TaskState.READY : TaskState.CLAIMED;
            event(em, c, t, APPLICANT, "CORRECTION_ANSWERED", TaskState.CORRECTION.name(), t.state.name(),
                    "Corrected " + new TreeSet<>(given.keySet()) + (materials == null || materials.isEmpty() ? "" : ", handed in "
                            + new TreeSet<>(materials)) + "; clock paused " + paused + " working day(s) from " + since
                            + ", now promised by " + t.promisedDue + (blankToNull(message) == null ? "" : "; note: " + message.strip()),
                    EventLog.payload("corrected", new TreeSet<>(given.keySet()),
                            "handedIn", materials == null ? Set.of() : new TreeSet<>(materials), "pausedDays", paused,
                            "promisedDue", t.promisedDue, "note", blankToNull(message)));
            notes.forEach(n -> event(em, c, t, PLATFORM, "DEPARTMENT_CHECK_FAILED", null, null, n + "; the officer checks by hand",
                    EventLog.payload("failure", n)));
            return view(em, c, tasksOf(em, c), chart, null);
        });
    }

    // --- reading ------------------------------------------------------------------

    @Override
    public CaseView applicantView(String trackingNumber, String accessKey) {
        CaseEntity c = applicantCase(trackingNumber, accessKey);
        return read(em -> view(em, c, tasksOf(em, c), chartOf(c), null));
    }

    @Override
    public CaseView staffView(String trackingNumber, Actor actor) {
        CaseEntity c = staffCase(trackingNumber, actor);
        return read(em -> view(em, c, tasksOf(em, c), chartOf(c), actor));
    }

    @Override
    public List<CaseEvent> events(String trackingNumber, String accessKey, Actor actor) {
        CaseEntity c = actor == null ? applicantCase(trackingNumber, accessKey) : staffCase(trackingNumber, actor);
        return read(em -> {
            // an officer sees the particulars (outputs, messages) of their own departments' tasks only
            Set<Long> hidden = actor == null || actor.supervisor() ? Set.of() : tasksOf(em, c).stream()
                    .filter(t -> !actor.departments().contains(t.department)).map(t -> t.id).collect(Collectors.toSet());
            return em.createQuery("select e from EventEntity e where e.caseId = :c order by e.id", EventEntity.class)
                    .setParameter("c", c.id).getResultStream()
                    .map(e -> new CaseEvent(e.id, c.trackingNumber, e.taskId, e.at, e.actor, e.type, e.before, e.after,
                            e.taskId != null && hidden.contains(e.taskId) ? null : e.detail))
                    .toList();
        });
    }

    @Override
    public List<TaskView> workList(String department, Actor actor, boolean includeClosed) {
        if (!actor.maySee(department)) {
            throw new CaseException(FORBIDDEN, actor.name() + " does not work for department '" + department + "'.");
        }
        List<TaskState> states = includeClosed ? List.of(TaskState.values())
                : List.of(TaskState.READY, TaskState.CLAIMED, TaskState.CORRECTION);
        return tasks("t.department = :d and t.state in :s", Map.of("d", department, "s", states));
    }

    @Override
    public TaskView task(long taskId, Actor actor) {
        return read(em -> {
            TaskEntity t = em.find(TaskEntity.class, taskId);
            if (t == null || !actor.maySee(t.department)) {
                throw new CaseException(NOT_FOUND, "There is no task " + taskId + " in your departments' work.");
            }
            return view(t, chartOf(t.caseRecord));
        });
    }

    @Override
    public List<TaskView> overdue(LocalDate day) {
        return tasks("t.state in :s and t.promisedDue < :day", Map.of("s", RUNNING, "day", day));
    }

    private List<TaskView> tasks(String where, Map<String, Object> parameters) {
        return read(em -> {
            var query = em.createQuery("select t from TaskEntity t join fetch t.caseRecord where " + where
                    + " order by t.promisedDue, t.id", TaskEntity.class).setMaxResults(MAX_LIST);
            parameters.forEach(query::setParameter);
            Set<String> present = departments.active().keySet();
            return query.getResultStream().map(t -> view(t, chartOf(t.caseRecord), present)).toList();
        });
    }

    // --- applicants' accounts, ratings, statistics ------------------------------------

    @Override
    public List<CaseSummary> casesOf(long owner) {
        AccessKeys k = keys();
        return read(em -> {
            List<CaseEntity> cases = em.createQuery("select c from CaseEntity c where c.ownerId = :o "
                    + "order by c.submittedAt desc, c.id desc", CaseEntity.class)
                    .setParameter("o", owner).setMaxResults(MAX_LIST).getResultList();
            Set<Long> waiting = Set.copyOf(em.createQuery("select distinct t.caseRecord.id from TaskEntity t "
                    + "where t.caseRecord.ownerId = :o and t.state = :s", Long.class)
                    .setParameter("o", owner).setParameter("s", TaskState.CORRECTION).getResultList());
            Map<Long, Integer> ratings = em.createQuery("select r.caseId, r.level from RatingEntity r "
                    + "where r.caseId in (select c.id from CaseEntity c where c.ownerId = :o)", Object[].class)
                    .setParameter("o", owner).getResultStream()
                    .collect(Collectors.toMap(r -> (Long) r[0], r -> (Integer) r[1]));
            return cases.stream().map(c -> new CaseSummary(c.trackingNumber, k.keyFor(c.trackingNumber), c.groupId,
                    chartOf(c).name(), c.state, c.submittedAt, c.closedAt, waiting.contains(c.id), ratings.get(c.id)))
                    .toList();
        });
    }

    @Override
    public String accessKey(String trackingNumber, long owner) {
        CaseEntity c = byTrackingNumber(trackingNumber).filter(found -> Long.valueOf(owner).equals(found.ownerId))
                .orElseThrow(() -> new CaseException(NOT_FOUND, "You have no case " + trackingNumber + "."));
        return keys().keyFor(c.trackingNumber);
    }

    @Override
    public CaseView rate(String trackingNumber, String accessKey, int level, String comment) {
        CaseEntity current = applicantCase(trackingNumber, accessKey);
        String text = blankToNull(comment);
        List<FieldProblem> problems = new ArrayList<>();
        if (level < Rating.LOWEST || level > Rating.HIGHEST) {
            problems.add(problem("level", "请选择评价：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意。",
                    "Choose a level from 5 (very satisfied) down to 1 (very dissatisfied)."));
        }
        problems.addAll(InputRules.text("comment", COMMENT, text, Rating.MAX_COMMENT, true));
        if (!problems.isEmpty()) {
            throw new CaseException(INVALID, "The rating was not recorded: " + problems.size() + " problem(s).", problems);
        }
        try {
            return tx(em -> {
                CaseEntity c = em.find(CaseEntity.class, current.id, LockModeType.PESSIMISTIC_WRITE);
                if (c.state == CaseState.OPEN) {
                    throw new CaseException(CONFLICT, "Case " + trackingNumber + " is still being worked on; "
                            + "rate it once it is completed or rejected.");
                }
                if (em.find(RatingEntity.class, c.id) != null) {
                    throw alreadyRated(trackingNumber);
                }
                RatingEntity r = new RatingEntity();
                r.caseId = c.id;
                r.level = level;
                r.comment = text;
                r.ratedAt = clock.instant();
                em.persist(r);
                event(em, c, null, APPLICANT, "RATED", null, null, "Rated " + level + " of 5 (" + RATING_NAMES.get(level - 1)
                        + ")" + (text == null ? "" : " with a comment"), EventLog.payload("level", level, "comment", text));
                em.flush();
                return view(em, c, tasksOf(em, c), chartOf(c), null);
            });
        } catch (RuntimeException e) {
            throw Transactions.uniqueViolation(e) ? alreadyRated(trackingNumber) : e;
        }
    }

    private static CaseException alreadyRated(String trackingNumber) {
        return new CaseException(CONFLICT, "Case " + trackingNumber + " has been rated already; a rating is given once.");
    }

    @Override
    public List<DepartmentStatistics> statistics(Actor actor, LocalDate day) {
        if (!actor.supervisor()) {
            throw new CaseException(FORBIDDEN, actor.name() + " is not a supervisor; statistics are for supervisors.");
        }
        WorkingCalendar days = calendar.current();
        return read(em -> CaseStatistics.of(em, day, RUNNING, days, this::chart, department -> registry
                .department(department).map(DepartmentStatus::name).orElse(new LocalizedText(department, department))));
    }

    // --- views ----------------------------------------------------------------------

    private CaseView view(EntityManager em, CaseEntity c, List<TaskEntity> tasks, FlowChart chart, Actor staff) {
        Map<String, String> values = new TreeMap<>(read(c.values, STRING_MAP));
        tasks.stream().filter(t -> t.state == TaskState.APPROVED).forEach(t -> values.putAll(read(t.outputs, STRING_MAP)));
        if (staff != null && !staff.supervisor()) {
            Set<String> needed = chart.blocks().stream().filter(b -> staff.departments().contains(b.department()))
                    .flatMap(b -> Stream.concat(b.dataElements().stream(), b.outputs().stream()))
                    .collect(Collectors.toSet());
            values.keySet().retainAll(needed);
        }
        Set<String> present = departments.active().keySet();
        return new CaseView(c.trackingNumber, c.groupId, c.groupVersion, chart.name(), c.state, c.applicantType,
                c.applicantName, c.submittedAt, c.closedAt, values, read(c.materials, STRING_SET),
                tasks.stream().map(t -> view(t, chart, present)).toList(), rating(em.find(RatingEntity.class, c.id)));
    }

    private static Rating rating(RatingEntity r) {
        return r == null ? null : new Rating(r.level, r.comment, r.ratedAt);
    }

    private TaskView view(TaskEntity t, FlowChart chart) {
        return view(t, chart, departments.active().keySet());
    }

    /** @param present the ids of the departments active now, looked up once per list */
    private TaskView view(TaskEntity t, FlowChart chart, Set<String> present) {
        MatterKey key = new MatterKey(t.department, t.matter);
        LocalizedText name = chart.blocks().stream().filter(b -> b.matter().equals(key)).map(Block::name).findFirst()
                .orElse(new LocalizedText(t.matter, t.matter));
        boolean overdue = RUNNING.contains(t.state) && LocalDate.now(clock).isAfter(t.promisedDue);
        return new TaskView(t.id, t.caseRecord.trackingNumber, key, name, t.state, t.assignee, t.createdAt, t.promisedDue,
                t.statutoryDue, t.pausedDays, overdue, t.message,
                t.correctionFields == null ? List.of() : read(t.correctionFields, STRING_LIST),
                t.outputs == null ? Map.of() : read(t.outputs, STRING_MAP), present.contains(t.department));
    }

    // --- access ---------------------------------------------------------------------

    private CaseEntity applicantCase(String trackingNumber, String accessKey) {
        Optional<CaseEntity> c = byTrackingNumber(trackingNumber);
        if (c.isEmpty() || !keys().matches(c.get().trackingNumber, accessKey)) {
            throw new CaseException(NOT_FOUND, "No case matches this tracking number and access key.");
        }
        return c.get();
    }

    private CaseEntity staffCase(String trackingNumber, Actor actor) {
        CaseEntity c = byTrackingNumber(trackingNumber).orElse(null);
        if (c != null && (actor.supervisor() || read(em -> tasksOf(em, c)).stream()
                .anyMatch(t -> actor.departments().contains(t.department)))) {
            return c;
        }
        throw new CaseException(NOT_FOUND, "There is no case " + trackingNumber + " in your departments' work.");
    }

    private Optional<CaseEntity> byTrackingNumber(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.length() > 32 || InputRules.controlCharacter(trackingNumber, false) >= 0) {
            return Optional.empty(); // no such case; PostgreSQL would refuse a NUL in the query
        }
        return read(em -> em.createQuery("select c from CaseEntity c where c.trackingNumber = :t", CaseEntity.class)
                .setParameter("t", trackingNumber).getResultStream().findFirst());
    }

    /** Loads a task for an action by {@code actor}, with its case locked, after checking the actor and the department. */
    private TaskEntity lockForAction(EntityManager em, long taskId, Actor actor) {
        TaskEntity t = em.find(TaskEntity.class, taskId);
        if (t == null) {
            throw new CaseException(NOT_FOUND, "There is no task " + taskId + ".");
        }
        if (!actor.departments().contains(t.department)) {
            throw new CaseException(FORBIDDEN, "Task " + taskId + " belongs to department '" + t.department + "'; "
                    + actor.name() + " may not act on it.");
        }
        if (!departments.active().containsKey(t.department)) {
            throw new CaseException(UNAVAILABLE, "Department '" + t.department + "' is not installed at the moment. "
                    + "Task " + taskId + " waits, with nothing lost, and can be worked on once the department is back.");
        }
        em.find(CaseEntity.class, t.caseRecord.id, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(t);
        return t;
    }

    private AccessKeys keys() {
        AccessKeys known = keys;
        return known != null ? known : loadKeys();
    }

    private synchronized AccessKeys loadKeys() {
        if (keys == null) {
            String encoded = tx(em -> {
                String name = "access-key";
                List<?> found = em.createNativeQuery("select secret from platform_secret where name = ?1")
                        .setParameter(1, name).getResultList();
                if (!found.isEmpty()) {
                    return (String) found.get(0);
                }
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String fresh = Base64.getEncoder().encodeToString(random);
                em.createNativeQuery("insert into platform_secret (name, secret) values (?1, ?2)")
                        .setParameter(1, name).setParameter(2, fresh).executeUpdate();
                return fresh;
            });
            keys = new AccessKeys(Base64.getDecoder().decode(encoded));
        }
        return keys;
    }

    // --- checks ---------------------------------------------------------------------

    /** Checks values against the form's applicant fields; {@code whole} also requires the required ones. */
    private List<FieldProblem> checkValues(UnifiedForm form, Map<String, String> values, boolean whole) {
        Set<String> fields = applicantFields(form);
        List<FieldProblem> problems = new ArrayList<>();
        values.keySet().stream().filter(k -> !fields.contains(k)).sorted().limit(20).forEach(k -> problems.add(problem(k,
                "“" + k + "”不是本申请表的字段，请删除。", "'" + k + "' is not a field of this form; remove it.")));
        List<DataElement> checked = form.fields().stream().filter(f -> f.source() == UnifiedForm.Source.APPLICANT)
                .filter(f -> whole || values.containsKey(f.element()))
                .map(f -> new DataElement(f.element(), f.type(), f.label(), f.help(), f.validation())).toList();
        problems.addAll(FieldValidator.validate(checked, values));
        return problems;
    }

    private void departmentCheck(Block b, Map<String, String> values, List<FieldProblem> problems, List<String> notes) {
        Outcome<List<FieldProblem>> outcome = departments.check(b.department(), b.matter().matter(), values);
        if (outcome.failed()) {
            notes.add(b.department() + " " + outcome.failure());
            return;
        }
        outcome.value().stream().filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
                .forEach(problems::add);
    }

    private static Set<String> applicantFields(UnifiedForm form) {
        return form.fields().stream().filter(f -> f.source() == UnifiedForm.Source.APPLICANT)
                .map(UnifiedForm.Field::element).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static void requireMessage(Decision d, String zh, String en) {
        if (d.message() == null || d.message().isBlank()) {
            throw invalid("message", zh, en);
        }
    }

    /** @return a problem for each {@code null} value or material: JSON's null is neither a value nor an id */
    private static List<FieldProblem> nulls(Map<String, String> values, Set<String> materials) {
        List<FieldProblem> problems = new ArrayList<>();
        values.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).sorted().forEach(k -> problems.add(
                problem(k, "“" + k + "”的值为空（null）：请填写文字，或不提交此字段。",
                        "'" + k + "' is null: give its value as text, or leave the field out.")));
        if (materials.stream().anyMatch(java.util.Objects::isNull)) {
            problems.add(problem("materials", "申请材料清单中有空项（null），请只列出材料编号。",
                    "The list of materials has a null entry; list material ids only."));
        }
        return problems;
    }

    /** @return a problem naming the materials that no matter of the chart asks for or issues */
    private static List<FieldProblem> unknownMaterials(FlowChart chart, Map<String, DepartmentDefinition> active,
            Set<String> materials) {
        Set<String> known = new TreeSet<>();
        for (Block b : chart.blocks()) {
            DepartmentDefinition d = active.get(b.department());
            if (d != null) {
                d.matters().stream().filter(m -> m.id().equals(b.matter().matter())).forEach(m -> {
                    m.materials().forEach(x -> known.add(x.id()));
                    m.certificates().forEach(x -> known.add(x.id()));
                });
            }
        }
        List<String> unknown = materials.stream().filter(m -> !known.contains(m)).sorted().limit(10).toList();
        if (unknown.isEmpty()) {
            return List.of();
        }
        String names = unknown.stream().map(m -> m.length() > 64 ? m.substring(0, 64) + "..." : m).collect(Collectors.joining(", "));
        return List.of(problem("materials", "以下材料编号不属于本事项：" + names + "。请只列出办事指南中的材料。",
                "These material ids are not materials of this application: " + names + ". List only the materials it asks for."));
    }

    private static CaseException invalid(String field, String zh, String en) {
        return new CaseException(INVALID, en, List.of(problem(field, zh, en)));
    }

    private static FieldProblem problem(String field, String zh, String en) {
        return new FieldProblem(field, new LocalizedText(zh, en));
    }

    // --- persistence helpers ----------------------------------------------------------

    private static List<TaskEntity> tasksOf(EntityManager em, CaseEntity c) {
        return em.createQuery("select t from TaskEntity t where t.caseRecord.id = :c order by t.id", TaskEntity.class)
                .setParameter("c", c.id).getResultList();
    }

    /** Appends an event, at the platform's time, with its typed payload ({@link EventLog#payload}). */
    private void event(EntityManager em, CaseEntity c, TaskEntity t, String actor, String type, String before,
            String after, String detail, Map<String, Object> payload) {
        log.append(em, c.id, t == null ? null : t.id, clock.instant(), actor, type, before, after, detail, payload);
    }

    /**
     * Runs a unit of work in a transaction; conflicts with another transaction become CONFLICT.
     * Listeners to the event log are woken once the outermost one has committed events.
     */
    private <T> T tx(EmFunction<T> work) {
        return log.run(work);
    }

    private <T> T read(Function<EntityManager, T> work) {
        return tx(work::apply);
    }

    private String hash(Submission s) {
        try {
            List<Object> content = new ArrayList<>(List.of(s.group(), String.valueOf(s.applicantType()),
                    String.valueOf(s.applicantName()), String.valueOf(s.contactPhone()), String.valueOf(s.contactEmail()),
                    new TreeMap<>(s.values()), new TreeSet<>(s.materials())));
            if (s.owner() != null) {
                content.add(s.owner()); // only when given, so that earlier cases' hashes stay as they were
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

    private static <T> T read(String text, TypeReference<T> type) {
        return JsonColumns.read(text, type);
    }

    private static <T> T read(String text, Class<T> type) {
        return JsonColumns.read(text, type);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
