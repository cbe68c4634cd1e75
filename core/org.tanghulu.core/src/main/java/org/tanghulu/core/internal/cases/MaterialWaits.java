package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.Refusal.Kind.CONFLICT;
import static org.tanghulu.core.Refusal.Kind.NOT_FOUND;
import static org.tanghulu.core.internal.cases.CaseRules.APPLICANT;
import static org.tanghulu.core.internal.cases.CaseRules.PLATFORM;
import static org.tanghulu.core.internal.cases.CaseRules.problem;
import static org.tanghulu.core.internal.cases.CaseRules.tasksOf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.calendar.CalendarService;
import org.tanghulu.calendar.WorkingCalendar;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.MaterialWait;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.internal.store.JsonColumns;

/**
 * Materials a case waits for (issue 14): minor ones (容缺) accepted on a commitment with a deadline in
 * working days, and atStep ones asked when their matter's task is created. A task needing a material
 * still awaited is created {@link TaskState#WAITING}; supplying the last one makes it READY, and its
 * time limits start then. The applicant is reminded of a promised one before its deadline ({@link #remind},
 * which runs its own transactions); everything else runs inside the caller's transaction.
 */
final class MaterialWaits {

    private final DepartmentGateway departments;
    private final CalendarService calendar;
    private final EventLog log;
    private final Clock clock;

    MaterialWaits(DepartmentGateway departments, CalendarService calendar, EventLog log, Clock clock) {
        this.departments = departments;
        this.calendar = calendar;
        this.log = log;
        this.clock = clock;
    }

    /**
     * @return the problems of a submission's commitments: each must be a minor material of a matter still
     *         applied for and not handed in; every minor material not handed in needs one
     */
    static List<FieldProblem> check(List<Block> applied, Map<String, DepartmentDefinition> active, Set<String> handedIn,
            Set<String> promised) {
        Map<String, Material> minor = new LinkedHashMap<>();
        applied.forEach(b -> materialsOf(b.matter(), active).stream().filter(Material::minor)
                .forEach(m -> minor.putIfAbsent(m.id(), m)));
        List<FieldProblem> problems = new ArrayList<>();
        List<String> wrong = promised.stream().filter(p -> p == null || !minor.containsKey(p) || handedIn.contains(p))
                .map(String::valueOf).sorted().limit(10).toList();
        if (!wrong.isEmpty()) {
            String ids = String.join(", ", wrong.stream().map(w -> w.length() > 64 ? w.substring(0, 64) + "..." : w).toList());
            problems.add(problem("promised", "只有可容缺且未提交的材料才能承诺后补：" + ids + "。",
                    "Only minor materials not handed in can be promised for later: " + ids + "."));
        }
        String unpromised = minor.values().stream().filter(m -> !handedIn.contains(m.id()) && !promised.contains(m.id()))
                .map(m -> m.name().zh()).reduce((a, b) -> a + "、" + b).orElse(null);
        if (unpromised != null) {
            String en = minor.values().stream().filter(m -> !handedIn.contains(m.id()) && !promised.contains(m.id()))
                    .map(m -> m.name().en() == null ? m.id() : m.name().en()).reduce((a, b) -> a + ", " + b).orElse("");
            problems.add(problem("materials", "缺少申请材料：" + unpromised + "。可容缺的材料请提交，或勾选承诺在期限内补交。",
                    "Materials missing: " + en + ". Hand in these minor materials or commit to supply them within their deadline."));
        }
        return problems;
    }

    /** Records the commitments of a new case, each with its deadline in working days from today. */
    void promise(EntityManager em, CaseEntity c, FlowChart chart, Set<String> promised) {
        if (promised.isEmpty()) {
            return;
        }
        Map<String, DepartmentDefinition> active = departments.active();
        WorkingCalendar days = calendar.current();
        LocalDate today = LocalDate.now(clock);
        for (String id : new TreeSet<>(promised)) {
            for (Block b : chart.blocks()) {
                Optional<Material> m = materialsOf(b.matter(), active).stream().filter(x -> x.id().equals(id) && x.minor())
                        .findFirst();
                if (m.isPresent()) {
                    CaseMaterialEntity row = row(c, id, MaterialWait.Kind.PROMISED, b.matter());
                    row.dueDate = days.due(today, m.get().supplyDays());
                    em.persist(row);
                    log.append(em, c.id, null, clock.instant(), APPLICANT, "MATERIAL_PROMISED", null, null,
                            "Committed to supply '" + m.get().name().zh() + "' by " + row.dueDate + " (容缺受理)",
                            EventLog.payload("material", id, "due", row.dueDate, "matter", b.matter().toString()));
                    break;
                }
            }
        }
    }

    /**
     * Asks the atStep materials of a matter whose task is being created (once per case and material) and
     * @return the ids of the materials the matter's task must wait for
     */
    List<String> pendingFor(EntityManager em, CaseEntity c, Block b) {
        List<Material> needed = materialsOf(b.matter(), departments.active());
        Set<String> handedIn = JsonColumns.read(c.materials, new com.fasterxml.jackson.core.type.TypeReference<TreeSet<String>>() {
        });
        Map<String, CaseMaterialEntity> rows = new LinkedHashMap<>();
        rowsOf(em, c.id).forEach(r -> rows.put(r.materialId, r));
        List<String> pending = new ArrayList<>();
        for (Material m : needed) {
            CaseMaterialEntity r = rows.get(m.id());
            if (r == null && m.atStep() && !handedIn.contains(m.id())) {
                r = row(c, m.id(), MaterialWait.Kind.AT_STEP, b.matter());
                em.persist(r);
                log.append(em, c.id, null, clock.instant(), PLATFORM, "MATERIAL_ASKED", null, null,
                        "Asked '" + m.name().zh() + "' for " + b.matter() + " at its step",
                        EventLog.payload("material", m.id(), "matter", b.matter().toString()));
            }
            if (r != null && r.suppliedAt == null) {
                pending.add(m.id());
            }
        }
        return pending;
    }

    /** The applicant supplies an awaited material; tasks waiting for nothing else become READY. */
    void supply(EntityManager em, CaseEntity locked, String materialId, Workflow workflow, FlowChart chart) {
        CaseMaterialEntity row = rowsOf(em, locked.id).stream().filter(r -> r.materialId.equals(materialId)).findFirst()
                .orElseThrow(() -> new Refusal(NOT_FOUND, "Case " + locked.trackingNumber + " does not wait for material '"
                        + materialId + "'.", List.of(problem("material", "本件没有待补交的此项材料。",
                                "This case does not wait for this material."))));
        if (row.suppliedAt != null) {
            throw new Refusal(CONFLICT, "Material '" + materialId + "' was already supplied.", List.of(problem("material",
                    "此材料已补交。", "This material was already supplied.")));
        }
        row.suppliedAt = clock.instant();
        Set<String> handedIn = new TreeSet<>(JsonColumns.read(locked.materials,
                new com.fasterxml.jackson.core.type.TypeReference<TreeSet<String>>() {
                }));
        handedIn.add(materialId);
        locked.materials = JsonColumns.write(handedIn);
        LocalDate today = LocalDate.now(clock);
        boolean late = row.dueDate != null && today.isAfter(row.dueDate);
        log.append(em, locked.id, null, clock.instant(), APPLICANT, "MATERIAL_SUPPLIED", null, null,
                "Supplied '" + materialId + "'" + (late ? " after the deadline " + row.dueDate : ""),
                EventLog.payload("material", materialId, "late", late));
        WorkingCalendar days = calendar.current();
        for (TaskEntity t : tasksOf(em, locked)) {
            if (t.state != TaskState.WAITING) {
                continue;
            }
            Block b = chart.blocks().stream().filter(x -> x.matter().equals(new MatterKey(t.department, t.matter)))
                    .findFirst().orElse(null);
            if (b != null && pendingFor(em, locked, b).isEmpty()) {
                t.state = TaskState.READY;
                t.promisedDue = days.due(today, b.promisedDays());
                t.statutoryDue = days.due(today, b.statutoryDays());
                workflow.created(em, locked, t, b, TaskState.WAITING.name());
            }
        }
    }

    /**
     * Reminds applicants of the promised materials of open cases still awaited whose deadline is at most
     * {@code workingDays} working days away, or past, and that were not reminded yet. Each in its own
     * transaction: the case row is locked (as a supply locks it), then a conditional update
     * ({@code reminded_at is null}) claims the row, and only the claim that changed it writes the
     * {@code MATERIAL_REMINDER} event; so of several nodes sweeping at once exactly one reminds.
     *
     * @return how many materials were reminded of
     */
    int remind(int workingDays) {
        LocalDate until = calendar.current().due(LocalDate.now(clock), workingDays);
        List<Long> due = log.run(em -> em.createQuery("select m.id from CaseMaterialEntity m, CaseEntity c where c.id = m.caseId"
                + " and c.state = :open and m.kind = :promised and m.suppliedAt is null and m.remindedAt is null"
                + " and m.dueDate <= :until order by m.dueDate, m.id", Long.class)
                .setParameter("open", CaseState.OPEN).setParameter("promised", MaterialWait.Kind.PROMISED)
                .setParameter("until", until).getResultList());
        int reminded = 0;
        for (long id : due) {
            reminded += log.run(em -> {
                CaseMaterialEntity r = em.find(CaseMaterialEntity.class, id);
                CaseEntity c = em.find(CaseEntity.class, r.caseId, LockModeType.PESSIMISTIC_WRITE);
                Instant now = clock.instant();
                if (c.state != CaseState.OPEN || em.createQuery("update CaseMaterialEntity m"
                        + " set m.remindedAt = :now, m.version = m.version + 1 where m.id = :id and m.remindedAt is null"
                        + " and m.suppliedAt is null").setParameter("now", now).setParameter("id", id).executeUpdate() == 0) {
                    return 0;
                }
                log.append(em, c.id, null, now, PLATFORM, "MATERIAL_REMINDER", null, null,
                        "Reminded to supply '" + r.materialId + "' by " + r.dueDate,
                        EventLog.payload("material", r.materialId, "due", r.dueDate, "matter", r.matter));
                return 1;
            });
        }
        return reminded;
    }

    /** @return what the case waits or waited for, with names from the departments present */
    List<MaterialWait> waitsOf(EntityManager em, CaseEntity c) {
        Map<String, DepartmentDefinition> active = departments.active();
        LocalDate today = LocalDate.now(clock);
        return rowsOf(em, c.id).stream().map(r -> {
            MatterKey matter = MatterKey.parse(r.matter, null);
            LocalizedText name = materialsOf(matter, active).stream().filter(m -> m.id().equals(r.materialId))
                    .map(Material::name).findFirst().orElse(new LocalizedText(r.materialId, r.materialId));
            return new MaterialWait(r.materialId, name, r.kind, matter, r.dueDate, r.suppliedAt,
                    r.suppliedAt == null && r.dueDate != null && today.isAfter(r.dueDate));
        }).toList();
    }

    static List<CaseMaterialEntity> rowsOf(EntityManager em, long caseId) {
        return em.createQuery("select m from CaseMaterialEntity m where m.caseId = :c order by m.id", CaseMaterialEntity.class)
                .setParameter("c", caseId).getResultList();
    }

    private CaseMaterialEntity row(CaseEntity c, String id, MaterialWait.Kind kind, MatterKey matter) {
        CaseMaterialEntity r = new CaseMaterialEntity();
        r.caseId = c.id;
        r.materialId = id;
        r.kind = kind;
        r.matter = matter.toString();
        r.createdAt = clock.instant();
        return r;
    }

    static List<Material> materialsOf(MatterKey key, Map<String, DepartmentDefinition> active) {
        DepartmentDefinition d = active.get(key.department());
        return d == null ? List.of() : d.matters().stream().filter(m -> m.id().equals(key.matter()))
                .flatMap(m -> m.materials().stream()).toList();
    }

    /** @return a refusal-free lock of the case for {@link #supply} */
    static CaseEntity lock(EntityManager em, CaseEntity c) {
        return em.find(CaseEntity.class, c.id, LockModeType.PESSIMISTIC_WRITE);
    }
}
