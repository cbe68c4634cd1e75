package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.Refusal.Kind.INVALID;
import static org.tanghulu.core.internal.cases.CaseRules.problem;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.catalog.validation.FieldValidator;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.HeldResult;
import org.tanghulu.core.cases.ResultVerifier;
import org.tanghulu.core.cases.ResultVerifier.Confirmation;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.internal.store.JsonColumns;

/**
 * Once-only reuse: checks the results an applicant already holds, has each confirmed by its
 * department's system ({@link ResultVerifier}, outside any transaction) and records the confirmed
 * matters as {@link TaskState#REUSED} tasks of the new case.
 */
final class HeldResults {

    private static final Pattern REFERENCE = Pattern.compile("[^\\p{Cntrl}]{1,100}");
    private static final Pattern HOLDER = Pattern.compile("[0-9]{17}[0-9Xx]|[A-Za-z0-9-]{6,30}");

    private final Supplier<ResultVerifier> verifier;
    private final Workflow workflow;
    private final Clock clock;

    HeldResults(Supplier<ResultVerifier> verifier, Workflow workflow, Clock clock) {
        this.verifier = verifier;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** A held result its department confirmed. */
    record Confirmed(HeldResult held, Block block, Confirmation confirmation) {
    }

    /**
     * Confirms one held result of a chart's matter.
     *
     * @throws Refusal INVALID for a claim that cannot be asked (unknown matter, malformed reference or holder)
     */
    Confirmation verify(FlowChart chart, HeldResult held) {
        List<FieldProblem> problems = new ArrayList<>();
        check(chart, held, problems);
        if (!problems.isEmpty()) {
            throw new Refusal(INVALID, problems.get(0).message().en(), problems);
        }
        return ask(held);
    }

    /** @return the chart's matters whose held results can be confirmed now */
    List<MatterKey> reusable(FlowChart chart) {
        ResultVerifier v = verifier.get();
        return v == null ? List.of() : chart.blocks().stream().map(Block::matter).filter(v::confirms).toList();
    }

    /**
     * Checks and confirms every held result of a submission; adds a problem for each that is
     * malformed, out of order (its predecessors must be held too), refused by its department, or
     * contradicted by the submitted values.
     *
     * @return the confirmed ones, in the chart's order
     */
    List<Confirmed> confirm(FlowChart chart, List<HeldResult> held, Map<String, DataElement> elements,
            Map<String, String> values, List<FieldProblem> problems) {
        Set<MatterKey> claimed = new HashSet<>();
        List<Confirmed> confirmed = new ArrayList<>();
        for (HeldResult h : held) {
            int before = problems.size();
            Block block = check(chart, h, problems);
            if (block != null && !claimed.add(h.matter())) {
                problems.add(problem(field(h), "同一事项的已有结果只能填写一次。", "A held result of " + h.matter() + " is given twice."));
            }
            if (problems.size() > before) {
                continue;
            }
            block.dependsOn().stream().filter(d -> held.stream().noneMatch(x -> d.equals(x.matter()))).findFirst()
                    .ifPresent(d -> problems.add(problem(field(h), "须先复用前序事项“" + d + "”的结果。",
                            "Results of " + h.matter() + " can be reused only together with those of " + d + ", which comes first.")));
            if (problems.size() > before) {
                continue;
            }
            Confirmation c = ask(h);
            if (!c.confirmed()) {
                problems.add(problem(field(h), "已有结果未通过核验：" + c.reason(), "The held result was not confirmed: " + c.reason()));
                continue;
            }
            problems.addAll(outputs(h, block, c, elements));
            c.values().forEach((element, value) -> {
                String given = values.get(element);
                if (given != null && !same(given, value)) {
                    problems.add(problem(element, "与已核准的结果不一致，应为“" + value + "”。",
                            "Differs from the confirmed result " + h.reference() + ", which says \"" + value + "\"."));
                }
            });
            if (problems.size() == before) {
                confirmed.add(new Confirmed(h, block, c));
            }
        }
        return chart.blocks().stream().flatMap(b -> confirmed.stream().filter(c -> c.block().equals(b))).toList();
    }

    /** @return the fields of the form that only reused matters need, so that the applicant is not asked them */
    static Set<String> excused(UnifiedForm form, List<Confirmed> confirmed) {
        Set<MatterKey> done = new HashSet<>();
        confirmed.forEach(c -> done.add(c.held().matter()));
        Set<String> excused = new HashSet<>();
        form.fields().stream().filter(f -> done.containsAll(f.usedBy())).forEach(f -> excused.add(f.element()));
        return excused;
    }

    /** Records the confirmed matters as reused tasks of the new case, in the caller's transaction. */
    List<TaskEntity> record(EntityManager em, CaseEntity c, List<Confirmed> confirmed) {
        List<TaskEntity> tasks = new ArrayList<>();
        for (Confirmed h : confirmed) {
            TaskEntity t = new TaskEntity();
            t.caseRecord = c;
            t.department = h.block().department();
            t.matter = h.block().matter().matter();
            t.state = TaskState.REUSED;
            t.createdAt = clock.instant();
            t.decidedAt = t.createdAt;
            t.promisedDue = java.time.LocalDate.now(clock); // done the day it began: never overdue
            t.statutoryDue = t.promisedDue;
            t.outputs = JsonColumns.write(new TreeMap<>(h.confirmation().outputs()));
            t.message = "已有结果 " + h.held().reference() + " 经" + h.block().departmentName().zh() + "系统核验，不再重复办理";
            em.persist(t);
            workflow.event(em, c, t, "exchange:" + t.department, "REUSED", null, TaskState.REUSED.name(),
                    "Held result " + h.held().reference() + " confirmed by " + t.department + "'s system; outputs " + t.outputs,
                    EventLog.payload("reference", h.held().reference(), "outputs", h.confirmation().outputs()));
            tasks.add(t);
        }
        return tasks;
    }

    private static Block check(FlowChart chart, HeldResult h, List<FieldProblem> problems) {
        if (h == null || h.matter() == null) {
            problems.add(problem("held", "请指明已有结果所属的事项。", "Say which matter the held result is of."));
            return null;
        }
        Block block = chart.blocks().stream().filter(b -> b.matter().equals(h.matter())).findFirst().orElse(null);
        if (block == null) {
            problems.add(problem(field(h), "“" + h.matter() + "”不是本联办事项的环节。",
                    h.matter() + " is not a matter of '" + chart.group() + "'."));
            return null;
        }
        if (h.reference() == null || !REFERENCE.matcher(h.reference().strip()).matches()) {
            problems.add(problem(field(h), "请填写已有结果上的文号（不超过100字）。",
                    "Give the number printed on the held result (at most 100 characters)."));
        }
        if (h.holderId() == null || !HOLDER.matcher(h.holderId().strip()).matches()) {
            problems.add(problem(field(h), "请填写持有人的身份证件号码（18位居民身份证号码或6至30位证件号码）。",
                    "Give the holder's identity number (an 18-character resident ID or 6 to 30 letters and digits)."));
        }
        return block;
    }

    private Confirmation ask(HeldResult h) {
        ResultVerifier v = verifier.get();
        if (v == null) {
            return Confirmation.refused("no department system can confirm held results now (the exchange is not running); "
                    + "apply for the matter instead or try again later");
        }
        Confirmation c = v.verify(h.matter(), h.reference().strip(), h.holderId().strip());
        return c == null ? Confirmation.refused("the department's system gave no answer") : c;
    }

    private static List<FieldProblem> outputs(HeldResult h, Block block, Confirmation c, Map<String, DataElement> elements) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String o : block.outputs()) {
            String v = c.outputs().get(o);
            if (v == null || v.isBlank()) {
                problems.add(problem(field(h), "部门系统的核验结果缺少“" + o + "”，无法复用。",
                        h.matter() + "'s system confirmed the result but did not give its output '" + o + "'; it cannot be reused."));
            } else if (elements.get(o) != null) {
                FieldValidator.validate(List.of(elements.get(o)), Map.of(o, v)).forEach(p -> problems.add(problem(field(h),
                        "部门系统返回的“" + o + "”不合规：" + p.message().zh(), "The system's '" + o + "' is not valid: " + p.message().en())));
            }
        }
        return problems;
    }

    /** @return whether a submitted value says what the department's does: line ends (a form sends CRLF) and outer blanks aside */
    static boolean same(String given, String held) {
        return given.replace("\r\n", "\n").strip().equals(held.replace("\r\n", "\n").strip());
    }

    private static String field(HeldResult h) {
        return "held:" + h.matter();
    }
}
