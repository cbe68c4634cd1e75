package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.Refusal.Kind.CONFLICT;
import static org.tanghulu.core.Refusal.Kind.INVALID;
import static org.tanghulu.core.Refusal.Kind.NOT_FOUND;
import static org.tanghulu.core.internal.cases.CaseRules.APPLICANT;
import static org.tanghulu.core.internal.cases.CaseRules.PLATFORM;
import static org.tanghulu.core.internal.cases.CaseRules.applicantFields;
import static org.tanghulu.kernel.text.Text.blankToNull;
import static org.tanghulu.core.internal.cases.CaseRules.checkValues;
import static org.tanghulu.core.internal.cases.CaseRules.departmentCheck;
import static org.tanghulu.core.internal.cases.CaseRules.form;
import static org.tanghulu.core.internal.cases.CaseRules.invalid;
import static org.tanghulu.core.internal.cases.CaseRules.nulls;
import static org.tanghulu.core.internal.cases.CaseRules.problem;
import static org.tanghulu.core.internal.cases.CaseRules.requireMessage;
import static org.tanghulu.core.internal.cases.CaseRules.tasksOf;
import static org.tanghulu.core.internal.cases.CaseRules.unknownMaterials;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_MAP;
import static org.tanghulu.core.internal.store.JsonColumns.STRING_SET;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.calendar.CalendarService;
import org.tanghulu.calendar.WorkingCalendar;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.Rating;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.core.internal.store.JsonColumns;
import org.tanghulu.core.internal.store.Transactions;
import org.tanghulu.catalog.validation.FieldValidator;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.catalog.validation.InputRules;

/**
 * Decisions on cases: officers claim, approve, reject and request corrections; applicants answer
 * the case's one correction request (every task waiting for a correction) and rate the case and
 * each decided step. Each is one transaction with the case's row locked first, so concurrent
 * decisions are serialized and exactly one completion of a task wins.
 */
final class Decisions {

    private static final LocalizedText MESSAGE = new LocalizedText("说明", "Message");
    private static final LocalizedText NOTE = new LocalizedText("补正说明", "Note to the correction");
    private static final LocalizedText COMMENT = new LocalizedText("评价内容", "Comment");
    private static final List<String> RATING_NAMES = List.of("非常不满意", "不满意", "基本满意", "满意", "非常满意");

    private final DepartmentGateway departments;
    private final CalendarService calendar;
    private final GroupVersions charts;
    private final CaseAccess access;
    private final Workflow workflow;
    private final CaseReader reader;
    private final EventLog log;
    private final Clock clock;

    Decisions(DepartmentGateway departments, CalendarService calendar, GroupVersions charts, CaseAccess access,
            Workflow workflow, CaseReader reader, EventLog log, Clock clock) {
        this.departments = departments;
        this.calendar = calendar;
        this.charts = charts;
        this.access = access;
        this.workflow = workflow;
        this.reader = reader;
        this.log = log;
        this.clock = clock;
    }

    public TaskView claim(long taskId, Actor actor) {
        return log.run(em -> {
            TaskEntity t = access.lockForAction(em, taskId, actor);
            if (t.state != TaskState.READY) {
                throw new Refusal(CONFLICT, "Task " + taskId + " cannot be claimed: it is " + t.state
                        + (t.assignee == null ? "" : ", claimed by " + t.assignee) + ".");
            }
            t.state = TaskState.CLAIMED;
            t.assignee = actor.name();
            workflow.event(em, t.caseRecord, t, actor.name(), "CLAIMED", TaskState.READY.name(), TaskState.CLAIMED.name(),
                    "Claimed by " + actor.name(), Map.of());
            return reader.view(t, charts.of(t.caseRecord));
        });
    }

    public TaskView release(long taskId, Actor actor) {
        return log.run(em -> {
            TaskEntity t = access.lockForAction(em, taskId, actor);
            if (t.state != TaskState.CLAIMED || !actor.name().equals(t.assignee)) {
                throw new Refusal(CONFLICT, "Task " + taskId + " cannot be given back by " + actor.name() + ": it is " + t.state
                        + (t.assignee == null ? "" : ", claimed by " + t.assignee) + ".");
            }
            t.state = TaskState.READY;
            t.assignee = null;
            workflow.event(em, t.caseRecord, t, actor.name(), "RELEASED", TaskState.CLAIMED.name(), TaskState.READY.name(),
                    "Given back by " + actor.name(), Map.of());
            return reader.view(t, charts.of(t.caseRecord));
        });
    }

    public TaskView decide(long taskId, Actor actor, Decision d) {
        if (d == null || d.kind() == null) {
            throw invalid("kind", "请选择处理结果：APPROVE、REJECT 或 REQUEST_CORRECTION。",
                    "Say what you decide: APPROVE, REJECT or REQUEST_CORRECTION.");
        }
        List<FieldProblem> text = InputRules.text("message", MESSAGE, d.message(), InputRules.MAX_MESSAGE, true);
        if (d.fields().stream().anyMatch(java.util.Objects::isNull)) {
            text.add(problem("fields", "要求更正的字段清单中有空项（null）。", "The list of fields to correct has a null entry."));
        }
        if (d.materials().stream().anyMatch(java.util.Objects::isNull)) {
            text.add(problem("materials", "要求补交的材料清单中有空项（null）。", "The list of materials to hand in has a null entry."));
        }
        if (!text.isEmpty()) {
            throw new Refusal(INVALID, "The decision was not recorded: " + text.size() + " problem(s).", text);
        }
        return log.run(em -> {
            TaskEntity t = access.lockForAction(em, taskId, actor);
            if (t.state != TaskState.CLAIMED || !actor.name().equals(t.assignee)) {
                throw new Refusal(CONFLICT, "Task " + taskId + " cannot be decided by " + actor.name() + ": "
                        + switch (t.state) {
                            case READY -> "claim it first.";
                            case CLAIMED -> "it is claimed by " + t.assignee + ".";
                            case CORRECTION -> "it waits for the applicant's correction.";
                            default -> "it was already decided (" + t.state + ").";
                        });
            }
            CaseEntity c = t.caseRecord;
            FlowChart chart = charts.of(c);
            Block block = chart.blocks().stream().filter(b -> b.matter().equals(new MatterKey(t.department, t.matter)))
                    .findFirst().orElseThrow();
            switch (d.kind()) {
                case APPROVE -> approve(em, t, block, chart, actor, d);
                case REJECT -> reject(em, t, actor, d);
                case REQUEST_CORRECTION -> requestCorrection(em, t, chart, actor, d);
            }
            return reader.view(t, chart);
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
            throw new Refusal(INVALID, "The task was not approved: " + problems.size() + " problem(s) with its outputs.", problems);
        }
        t.state = TaskState.APPROVED;
        t.reviewFields = null;
        t.outputs = write(new TreeMap<>(d.outputs()));
        t.decidedAt = clock.instant();
        t.message = blankToNull(d.message());
        workflow.event(em, t.caseRecord, t, actor.name(), "APPROVED", TaskState.CLAIMED.name(), TaskState.APPROVED.name(),
                "Outputs " + t.outputs + (t.message == null ? "" : "; " + t.message),
                EventLog.payload("outputs", new TreeMap<>(d.outputs()), "message", t.message));
        workflow.advance(em, t.caseRecord, chart, tasksOf(em, t.caseRecord));
    }

    private void reject(EntityManager em, TaskEntity t, Actor actor, Decision d) {
        requireMessage(d, "驳回时须写明理由，申请人会看到。", "Give the reason for rejecting; the applicant will read it.");
        t.state = TaskState.REJECTED;
        t.reviewFields = null;
        t.message = d.message().strip();
        t.decidedAt = clock.instant();
        workflow.event(em, t.caseRecord, t, actor.name(), "REJECTED", TaskState.CLAIMED.name(), TaskState.REJECTED.name(), t.message,
                EventLog.payload("reason", t.message));
        for (TaskEntity other : tasksOf(em, t.caseRecord)) {
            if (other.state.open()) {
                String before = other.state.name();
                other.state = TaskState.CANCELLED;
                other.decidedAt = clock.instant();
                workflow.event(em, t.caseRecord, other, PLATFORM, "CANCELLED", before, TaskState.CANCELLED.name(),
                        "Closed because " + t.department + "/" + t.matter + " was rejected", Map.of());
            }
        }
        CaseEntity c = t.caseRecord;
        c.state = CaseState.REJECTED;
        c.closedAt = clock.instant();
        workflow.event(em, c, null, PLATFORM, "REJECTED", CaseState.OPEN.name(), CaseState.REJECTED.name(),
                t.department + "/" + t.matter + " rejected: " + t.message, EventLog.payload("task", t.id, "reason", t.message));
    }

    private void requestCorrection(EntityManager em, TaskEntity t, FlowChart chart, Actor actor, Decision d) {
        requireMessage(d, "要求补证时须写明需要更正或补交的内容。", "Say what is wrong and what the applicant must correct or hand in.");
        Set<String> fields = applicantFields(form(departments, chart));
        List<FieldProblem> unknown = d.fields().stream().filter(f -> !fields.contains(f))
                .map(f -> problem("fields", "“" + f + "”不是申请表中的字段。", "'" + f + "' is not a field of the application form."))
                .toList();
        List<FieldProblem> problems = new ArrayList<>(unknown);
        problems.addAll(unknownMaterials(chart, departments.active(), new TreeSet<>(d.materials())));
        if (!problems.isEmpty()) {
            throw new Refusal(INVALID, "The correction request names fields or materials the applicant cannot correct.",
                    problems);
        }
        boolean joins = tasksOf(em, t.caseRecord).stream().anyMatch(o -> o.state == TaskState.CORRECTION);
        t.state = TaskState.CORRECTION;
        t.message = d.message().strip();
        t.correctionFields = write(d.fields());
        t.correctionMaterials = write(d.materials());
        t.pausedSince = LocalDate.now(clock);
        workflow.event(em, t.caseRecord, t, actor.name(), "CORRECTION_REQUESTED", TaskState.CLAIMED.name(),
                TaskState.CORRECTION.name(), t.message + (d.fields().isEmpty() ? "" : " Fields: " + d.fields())
                        + (d.materials().isEmpty() ? "" : " Materials: " + d.materials())
                        + "; the clock is paused from " + t.pausedSince
                        + (joins ? "; joins the correction request the applicant has not answered yet" : ""),
                EventLog.payload("message", t.message, "fields", d.fields(), "materials", d.materials(),
                        "pausedFrom", t.pausedSince, "joined", joins));
    }

    public CaseView answerCorrection(String trackingNumber, String accessKey, long taskId, Map<String, String> values,
            Set<String> materials, String message) {
        CaseEntity current = access.applicantCase(trackingNumber, accessKey);
        TaskEntity t = log.run(em -> em.find(TaskEntity.class, taskId));
        if (t == null || !t.caseRecord.id.equals(current.id)) {
            throw new Refusal(NOT_FOUND, "Case " + trackingNumber + " has no task " + taskId + ".");
        }
        if (t.state != TaskState.CORRECTION) {
            throw new Refusal(CONFLICT, "Task " + taskId + " is not waiting for a correction (it is " + t.state + ").");
        }
        return answerCorrections(trackingNumber, accessKey, values, materials, message);
    }

    /**
     * Answers every task of the case waiting for a correction at once. Checked before the transaction
     * (values, department checks) and again inside it with the case locked (what was asked).
     */
    public CaseView answerCorrections(String trackingNumber, String accessKey, Map<String, String> values,
            Set<String> materials, String message) {
        CaseEntity current = access.applicantCase(trackingNumber, accessKey);
        FlowChart chart = charts.of(current);
        UnifiedForm form = form(departments, chart);
        Map<String, String> given = values == null ? Map.of() : values;
        Set<String> handed = materials == null ? Set.of() : materials;
        List<FieldProblem> problems = nulls(given, handed);
        if (problems.isEmpty()) {
            problems.addAll(checkValues(form, given, false));
            problems.addAll(unknownMaterials(chart, departments.active(), handed));
            problems.addAll(InputRules.text("message", NOTE, message, InputRules.MAX_MESSAGE, true));
        }
        List<TaskEntity> waiting = log.run(em -> tasksOf(em, current)).stream()
                .filter(t -> t.state == TaskState.CORRECTION).toList();
        if (waiting.isEmpty()) {
            throw noCorrection(trackingNumber);
        }
        if (problems.isEmpty()) {
            problems.addAll(notAsked(waiting, given, handed));
        }
        if (!problems.isEmpty()) {
            throw new Refusal(INVALID, problems.size() + " problem(s) in the correction; nothing was changed.", problems);
        }
        Map<String, String> merged = new TreeMap<>(read(current.values, STRING_MAP));
        merged.putAll(given);
        List<String> notes = new ArrayList<>();
        for (TaskEntity w : waiting) {
            block(chart, w).ifPresent(b -> departmentCheck(departments, b, merged, problems, notes));
        }
        if (!problems.isEmpty()) {
            throw new Refusal(INVALID, problems.size() + " problem(s) in the correction; nothing was changed.", problems);
        }
        return log.run(em -> {
            CaseEntity c = em.find(CaseEntity.class, current.id, LockModeType.PESSIMISTIC_WRITE);
            List<TaskEntity> tasks = tasksOf(em, c);
            tasks.forEach(em::refresh);
            List<TaskEntity> asked = tasks.stream().filter(t -> t.state == TaskState.CORRECTION).toList();
            if (asked.isEmpty()) {
                throw noCorrection(trackingNumber);
            }
            List<FieldProblem> late = notAsked(asked, given, handed);
            if (!late.isEmpty()) {
                throw new Refusal(INVALID, late.size() + " problem(s) in the correction; nothing was changed.", late);
            }
            Map<String, String> data = new TreeMap<>(read(c.values, STRING_MAP));
            Set<String> changed = new TreeSet<>();
            given.forEach((k, v) -> {
                if (!v.equals(data.get(k))) {
                    changed.add(k);
                }
            });
            data.putAll(given);
            c.values = write(data);
            Set<String> handedIn = new TreeSet<>(read(c.materials, STRING_SET));
            handedIn.addAll(handed);
            c.materials = write(handedIn);
            LocalDate today = LocalDate.now(clock);
            WorkingCalendar days = calendar.current();
            for (TaskEntity t : asked) {
                int paused = days.workingDaysBetween(t.pausedSince, today);
                t.pausedDays += paused;
                t.promisedDue = days.plusPause(t.promisedDue, paused);
                t.statutoryDue = days.plusPause(t.statutoryDue, paused);
                LocalDate since = t.pausedSince;
                t.pausedSince = null;
                t.state = t.assignee == null ? TaskState.READY : TaskState.CLAIMED;
                workflow.event(em, c, t, APPLICANT, "CORRECTION_ANSWERED", TaskState.CORRECTION.name(), t.state.name(),
                        "Corrected " + new TreeSet<>(given.keySet()) + (handed.isEmpty() ? "" : ", handed in "
                                + new TreeSet<>(handed)) + "; clock paused " + paused + " working day(s) from " + since
                                + ", now promised by " + t.promisedDue + (blankToNull(message) == null ? "" : "; note: " + message.strip()),
                        EventLog.payload("corrected", new TreeSet<>(given.keySet()), "handedIn", new TreeSet<>(handed),
                                "pausedDays", paused, "promisedDue", t.promisedDue, "note", blankToNull(message)));
                notes.forEach(n -> workflow.event(em, c, t, PLATFORM, "DEPARTMENT_CHECK_FAILED", null, null,
                        n + "; the officer checks by hand", EventLog.payload("failure", n)));
                notes.clear();
            }
            reopenApproved(em, c, chart, tasks, changed, asked);
            return reader.view(em, c, tasks, chart, null);
        });
    }

    /**
     * Sends every approved task whose matter uses a changed field back to its department: READY again,
     * with fresh due dates from today and the changed fields as the reason.
     */
    private void reopenApproved(EntityManager em, CaseEntity c, FlowChart chart, List<TaskEntity> tasks,
            Set<String> changed, List<TaskEntity> asked) {
        if (changed.isEmpty()) {
            return;
        }
        String askedBy = asked.stream().map(t -> t.department + "/" + t.matter).distinct().sorted()
                .collect(java.util.stream.Collectors.joining(", "));
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar days = calendar.current();
        for (TaskEntity t : tasks) {
            Block b = t.state == TaskState.APPROVED ? block(chart, t).orElse(null) : null;
            List<String> used = b == null ? List.of() : b.dataElements().stream().filter(changed::contains).sorted().toList();
            if (used.isEmpty()) {
                continue;
            }
            t.state = TaskState.READY;
            t.assignee = null;
            t.reviewFields = write(used);
            t.createdAt = clock.instant();
            t.decidedAt = null;
            t.promisedDue = days.due(today, b.promisedDays());
            t.statutoryDue = days.due(today, b.statutoryDays());
            String reason = "申请人答复补正要求（" + askedBy + "）时更改了本事项审批所用的数据：" + used
                    + "，须重新审查。 / The applicant's answer to the correction request (" + askedBy
                    + ") changed data this matter was approved on: " + used + "; review it again.";
            workflow.event(em, c, t, PLATFORM, "REVIEW_REOPENED", TaskState.APPROVED.name(), TaskState.READY.name(), reason,
                    EventLog.payload("fields", used, "reason", reason, "askedBy", askedBy, "promisedDue", t.promisedDue));
        }
    }

    /** @return a problem for every value or material the waiting requests did not ask for */
    private static List<FieldProblem> notAsked(List<TaskEntity> waiting, Map<String, String> values, Set<String> materials) {
        Set<String> fields = new TreeSet<>();
        Set<String> wanted = new TreeSet<>();
        for (TaskEntity t : waiting) {
            if (t.correctionFields != null) {
                fields.addAll(read(t.correctionFields, JsonColumns.STRING_LIST));
            }
            if (t.correctionMaterials != null) {
                wanted.addAll(read(t.correctionMaterials, JsonColumns.STRING_LIST));
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        values.keySet().stream().filter(k -> !fields.contains(k)).sorted().limit(20).forEach(k -> problems.add(problem(k,
                "“" + k + "”不在补正要求之内，不能在补正时更改；未作任何更改。" + (fields.isEmpty() ? "" : "可更改的字段：" + fields + "。"),
                "'" + k + "' was not asked for in the correction request and cannot be changed with it; nothing was changed."
                        + (fields.isEmpty() ? "" : " Fields you may change: " + fields + "."))));
        List<String> extra = materials.stream().filter(m -> !wanted.contains(m)).sorted().limit(10).toList();
        if (!extra.isEmpty()) {
            problems.add(problem("materials", "补正要求中没有要求补交以下材料：" + extra + "；未作任何更改。",
                    "The correction request did not ask for these materials: " + extra + "; nothing was changed."));
        }
        return problems;
    }

    private static java.util.Optional<Block> block(FlowChart chart, TaskEntity t) {
        MatterKey key = new MatterKey(t.department, t.matter);
        return chart.blocks().stream().filter(b -> b.matter().equals(key)).findFirst();
    }

    private static Refusal noCorrection(String trackingNumber) {
        return new Refusal(CONFLICT, "Case " + trackingNumber + " has no correction request waiting for an answer.");
    }

    public CaseView rateTask(String trackingNumber, String accessKey, long taskId, int level, String comment) {
        CaseEntity current = access.applicantCase(trackingNumber, accessKey);
        String text = checkRating(level, comment);
        return log.run(em -> {
            CaseEntity c = em.find(CaseEntity.class, current.id, LockModeType.PESSIMISTIC_WRITE);
            TaskEntity t = em.find(TaskEntity.class, taskId);
            if (t == null || !t.caseRecord.id.equals(c.id)) {
                throw new Refusal(NOT_FOUND, "Case " + trackingNumber + " has no task " + taskId + ".");
            }
            em.refresh(t);
            if (t.state != TaskState.APPROVED && t.state != TaskState.REJECTED) {
                throw new Refusal(CONFLICT, "Task " + taskId + " is not decided yet (it is " + t.state
                        + "); rate a department's step once it is approved or rejected.");
            }
            if (t.ratingLevel != null) {
                throw new Refusal(CONFLICT, "Task " + taskId + " has been rated already; a rating is given once.");
            }
            t.ratingLevel = level;
            t.ratingComment = text;
            t.ratedAt = clock.instant();
            workflow.event(em, c, t, APPLICANT, "TASK_RATED", null, null, "Rated " + t.department + "/" + t.matter + " "
                    + level + " of 5 (" + RATING_NAMES.get(level - 1) + ")" + (text == null ? "" : " with a comment"),
                    EventLog.payload("level", level, "comment", text));
            em.flush();
            return reader.view(em, c, tasksOf(em, c), charts.of(c), null);
        });
    }

    /** @return the comment, stripped, or {@code null}; refuses a level out of range or a bad comment */
    private static String checkRating(int level, String comment) {
        String text = blankToNull(comment);
        List<FieldProblem> problems = new ArrayList<>();
        if (level < Rating.LOWEST || level > Rating.HIGHEST) {
            problems.add(problem("level", "请选择评价：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意。",
                    "Choose a level from 5 (very satisfied) down to 1 (very dissatisfied)."));
        }
        problems.addAll(InputRules.text("comment", COMMENT, text, Rating.MAX_COMMENT, true));
        if (!problems.isEmpty()) {
            throw new Refusal(INVALID, "The rating was not recorded: " + problems.size() + " problem(s).", problems);
        }
        return text;
    }

    public CaseView rate(String trackingNumber, String accessKey, int level, String comment) {
        CaseEntity current = access.applicantCase(trackingNumber, accessKey);
        String text = checkRating(level, comment);
        try {
            return log.run(em -> {
                CaseEntity c = em.find(CaseEntity.class, current.id, LockModeType.PESSIMISTIC_WRITE);
                if (c.state == CaseState.OPEN) {
                    throw new Refusal(CONFLICT, "Case " + trackingNumber + " is still being worked on; "
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
                workflow.event(em, c, null, APPLICANT, "RATED", null, null, "Rated " + level + " of 5 (" + RATING_NAMES.get(level - 1)
                        + ")" + (text == null ? "" : " with a comment"), EventLog.payload("level", level, "comment", text));
                em.flush();
                return reader.view(em, c, tasksOf(em, c), charts.of(c), null);
            });
        } catch (RuntimeException e) {
            throw Transactions.uniqueViolation(e) ? alreadyRated(trackingNumber) : e;
        }
    }

    private static Refusal alreadyRated(String trackingNumber) {
        return new Refusal(CONFLICT, "Case " + trackingNumber + " has been rated already; a rating is given once.");
    }

    private static String write(Object value) {
        return JsonColumns.write(value);
    }

    private static <T> T read(String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        return JsonColumns.read(text, type);
    }
}
