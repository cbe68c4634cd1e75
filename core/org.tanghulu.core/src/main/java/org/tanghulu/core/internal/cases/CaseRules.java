package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.Refusal.Kind.INVALID;
import static org.tanghulu.core.Refusal.Kind.UNAVAILABLE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.Outcome;
import org.tanghulu.catalog.plan.Planner;
import org.tanghulu.catalog.validation.FieldValidator;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.UnifiedForm;

/** The checks of an application and its corrections, and what the parts of the engine share. */
final class CaseRules {

    static final String APPLICANT = "applicant";
    static final String PLATFORM = "platform";
    static final int MAX_LIST = 1000;
    /** Open tasks whose clock runs: these can be overdue, a task waiting for a correction cannot. */
    static final List<TaskState> RUNNING = List.of(TaskState.READY, TaskState.CLAIMED);

    private CaseRules() {
    }

    /** Checks values against the form's applicant fields; {@code whole} also requires the required ones. */
    static List<FieldProblem> checkValues(UnifiedForm form, Map<String, String> values, boolean whole) {
        return checkValues(form, values, whole ? Set.of() : null);
    }

    /**
     * @param excused for a whole form, the fields not required (those only reused matters need; given, they are
     *        checked); {@code null} to check only the fields given
     */
    static List<FieldProblem> checkValues(UnifiedForm form, Map<String, String> values, Set<String> excused) {
        Set<String> fields = applicantFields(form);
        List<FieldProblem> problems = new ArrayList<>();
        values.keySet().stream().filter(k -> !fields.contains(k)).sorted().limit(20).forEach(k -> problems.add(problem(k,
                "“" + k + "”不是本申请表的字段，请删除。", "'" + k + "' is not a field of this form; remove it.")));
        List<DataElement> checked = form.fields().stream().filter(f -> f.source() == UnifiedForm.Source.APPLICANT)
                .filter(f -> values.containsKey(f.element()) || excused != null && !excused.contains(f.element()))
                .map(f -> new DataElement(f.element(), f.type(), f.label(), f.help(), f.validation())).toList();
        problems.addAll(FieldValidator.validate(checked, values));
        return problems;
    }

    /** Runs a department's own check; a failure of the department becomes a note, not a problem. */
    static void departmentCheck(DepartmentGateway departments, Block b, Map<String, String> values,
            List<FieldProblem> problems, List<String> notes) {
        departmentChecks(departments, List.of(b), values, problems, notes);
    }

    /** Runs the departments' checks of these blocks in parallel, under one deadline; failures become notes. */
    static void departmentChecks(DepartmentGateway departments, List<Block> blocks, Map<String, String> values,
            List<FieldProblem> problems, List<String> notes) {
        List<Outcome<List<FieldProblem>>> outcomes = departments.check(blocks.stream()
                .map(b -> new DepartmentGateway.Check(b.department(), b.matter().matter(), values)).toList());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome<List<FieldProblem>> outcome = outcomes.get(i);
            if (outcome.failed()) {
                notes.add(blocks.get(i).department() + " " + outcome.failure());
                continue;
            }
            outcome.value().stream().filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
                    .forEach(problems::add);
        }
    }

    /**
     * The form of a running case's chart over the departments present now.
     *
     * @throws Refusal UNAVAILABLE if a department whose data elements the form needs is not installed
     */
    static UnifiedForm form(DepartmentGateway departments, FlowChart chart) {
        try {
            return Planner.form(chart, departments.elements(), Map.of());
        } catch (IllegalArgumentException e) {
            throw new Refusal(UNAVAILABLE, "This case's form cannot be put together right now (" + e.getMessage()
                    + "; a department of the case is not installed). Nothing was changed; please try again later.");
        }
    }

    static Set<String> applicantFields(UnifiedForm form) {
        return form.fields().stream().filter(f -> f.source() == UnifiedForm.Source.APPLICANT)
                .map(UnifiedForm.Field::element).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static void requireMessage(Decision d, String zh, String en) {
        if (d.message() == null || d.message().isBlank()) {
            throw invalid("message", zh, en);
        }
    }

    /** @return a problem for each {@code null} value or material: JSON's null is neither a value nor an id */
    static List<FieldProblem> nulls(Map<String, String> values, Set<String> materials) {
        List<FieldProblem> problems = new ArrayList<>();
        values.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).sorted().forEach(k -> problems.add(
                problem(k, "“" + k + "”的值为空（null）：请填写文字，或不提交此字段。",
                        "'" + k + "' is null: give its value as text, or leave the field out.")));
        if (materials.stream().anyMatch(Objects::isNull)) {
            problems.add(problem("materials", "申请材料清单中有空项（null），请只列出材料编号。",
                    "The list of materials has a null entry; list material ids only."));
        }
        return problems;
    }

    /** @return a problem naming the materials that no matter of the chart asks for or issues */
    static List<FieldProblem> unknownMaterials(FlowChart chart, Map<String, DepartmentDefinition> active,
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

    static Refusal invalid(String field, String zh, String en) {
        return new Refusal(INVALID, en, List.of(problem(field, zh, en)));
    }

    static FieldProblem problem(String field, String zh, String en) {
        return new FieldProblem(field, new LocalizedText(zh, en));
    }

    static List<TaskEntity> tasksOf(EntityManager em, CaseEntity c) {
        return em.createQuery("select t from TaskEntity t where t.caseRecord.id = :c order by t.id", TaskEntity.class)
                .setParameter("c", c.id).getResultList();
    }
}
