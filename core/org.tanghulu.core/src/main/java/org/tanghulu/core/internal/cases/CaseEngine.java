package org.tanghulu.core.internal.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tanghulu.calendar.CalendarService;
import org.tanghulu.core.cases.events.RecordedCaseEvent;
import org.tanghulu.core.progress.CaseProgress;
import org.tanghulu.core.progress.MatterProgress;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseEvent;
import org.tanghulu.core.cases.CaseSummary;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.Refusal;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.DepartmentStatistics;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.HeldResult;
import org.tanghulu.core.cases.ResultVerifier;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.Submission;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.core.internal.accounts.Owners;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.kernel.time.PlatformTime;

/**
 * The case engine: the {@link Cases} service, wired from its parts. {@link Submissions} takes
 * applications, {@link Decisions} carries out officers' and applicants' decisions,
 * {@link CaseReader} answers views, work lists and statistics, {@link Workflow} moves a case along
 * its chart, {@link EventLog} records every transition, {@link CaseAccess} checks who may reach a
 * case and {@link GroupVersions} keeps the frozen charts. Each public method is one database
 * transaction (a submission's checks and a frozen version's first use run before it). Department
 * code is reached only through the {@link DepartmentGateway} and never inside a transaction.
 */
@Component
public class CaseEngine implements Cases, CaseProgress {

    /** The platform's working days and dates are Beijing time. */

    private final Submissions submissions;
    private final Decisions decisions;
    private final CaseReader reader;
    private final Progress progress;
    private final MaterialWaits waits;
    private final Workflow workflow;
    private final GroupVersions charts;
    private final CaseAccess access;
    private final EventLog log;
    private final WindowActs windowActs;
    private volatile ResultVerifier verifier;

    @Activate
    public CaseEngine(@Reference Registry registry, @Reference DepartmentGateway departments,
            @Reference CalendarService calendar, @Reference Procedures procedures, @Reference EventLog log,
            @Reference Owners owners) {
        this(registry, departments, calendar, procedures, log, owners, Clock.system(PlatformTime.ZONE));
    }

    /** @param clock the platform's time, which tests set */
    CaseEngine(Registry registry, DepartmentGateway departments, CalendarService calendar, Procedures procedures,
            EventLog log, Owners owners, Clock clock) {
        GroupVersions charts = new GroupVersions(procedures, log, clock);
        CaseAccess access = new CaseAccess(log, departments);
        this.waits = new MaterialWaits(departments, calendar, log, clock);
        Workflow workflow = new Workflow(calendar, log, clock, waits);
        this.workflow = workflow;
        this.charts = charts;
        this.access = access;
        this.log = log;
        this.reader = new CaseReader(registry, departments, calendar, charts, access, log, clock, waits);
        this.submissions = new Submissions(registry, departments, charts, access, owners, workflow, log,
                new HeldResults(() -> verifier, workflow, clock), clock);
        this.decisions = new Decisions(departments, calendar, charts, access, workflow, reader, log, clock);
        this.progress = new Progress(access, charts, calendar, log, clock);
        this.windowActs = new WindowActs(access, log, clock);
    }

    @Override
    public List<MatterProgress> matters(String trackingNumber, String accessKey) {
        return progress.matters(trackingNumber, accessKey);
    }

    @Override
    public List<RecordedCaseEvent> history(String trackingNumber, String accessKey) {
        return progress.history(trackingNumber, accessKey);
    }

    @Override
    public List<RecordedCaseEvent> history(String trackingNumber, Actor actor) {
        return progress.history(trackingNumber, actor);
    }

    @Override
    public Map<String, String> applicantNames(Set<String> trackingNumbers, Actor actor) {
        return progress.applicantNames(trackingNumbers, actor);
    }

    @Override
    public Receipt submit(Submission submission) {
        return submissions.submit(submission);
    }

    /** The exchange capability's, when it runs: confirms results applicants already hold. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setVerifier(ResultVerifier verifier) {
        this.verifier = verifier;
    }

    void unsetVerifier(ResultVerifier verifier) {
        if (this.verifier == verifier) {
            this.verifier = null;
        }
    }

    @Override
    public ResultVerifier.Confirmation verifyHeld(String group, HeldResult held) {
        return submissions.verifyHeld(group, held);
    }

    @Override
    public List<org.tanghulu.api.definition.MatterKey> reusable(String group) {
        return submissions.reusable(group);
    }

    @Override
    public CaseView applicantView(String trackingNumber, String accessKey) {
        return reader.applicantView(trackingNumber, accessKey);
    }

    @Override
    public CaseView staffView(String trackingNumber, Actor actor) {
        return reader.staffView(trackingNumber, actor);
    }

    @Override
    public List<CaseEvent> events(String trackingNumber, String accessKey, Actor actor) {
        return reader.events(trackingNumber, accessKey, actor);
    }

    @Override
    public List<TaskView> workList(String department, Actor actor, boolean includeClosed) {
        return reader.workList(department, actor, includeClosed);
    }

    @Override
    public TaskView task(long taskId, Actor actor) {
        return reader.task(taskId, actor);
    }

    @Override
    public List<TaskView> overdue(LocalDate day) {
        return reader.overdue(day);
    }

    @Override
    public List<CaseSummary> casesOf(long owner) {
        return reader.casesOf(owner);
    }

    @Override
    public String accessKey(String trackingNumber, long owner) {
        return reader.accessKey(trackingNumber, owner);
    }

    @Override
    public List<DepartmentStatistics> statistics(Actor actor, LocalDate day) {
        return reader.statistics(actor, day);
    }

    @Override
    public TaskView claim(long taskId, Actor actor) {
        return decisions.claim(taskId, actor);
    }

    @Override
    public TaskView release(long taskId, Actor actor) {
        return decisions.release(taskId, actor);
    }

    @Override
    public TaskView decide(long taskId, Actor actor, Decision decision) {
        return decisions.decide(taskId, actor, decision);
    }

    @Override
    public CaseView answerCorrection(String trackingNumber, String accessKey, long taskId, Map<String, String> values,
            Set<String> materials, String message) {
        return decisions.answerCorrection(trackingNumber, accessKey, taskId, values, materials, message);
    }

    @Override
    public CaseView answerCorrections(String trackingNumber, String accessKey, Map<String, String> values,
            Set<String> materials, String message) {
        return decisions.answerCorrections(trackingNumber, accessKey, values, materials, message);
    }

    @Override
    public CaseView rateTask(String trackingNumber, String accessKey, long taskId, int level, String comment) {
        return decisions.rateTask(trackingNumber, accessKey, taskId, level, comment);

    }

    @Override
    public CaseView supplyMaterial(String trackingNumber, String accessKey, String material) {
        if (material == null || material.isBlank()) {
            throw CaseRules.invalid("material", "请选择要补交的材料。", "Choose the material to supply.");
        }
        CaseEntity current = access.applicantCase(trackingNumber, accessKey);
        FlowChart chart = charts.of(current);
        return log.run(em -> {
            CaseEntity c = MaterialWaits.lock(em, current);
            if (c.state != org.tanghulu.core.cases.CaseState.OPEN) {
                throw new Refusal(Refusal.Kind.CONFLICT, "Case " + trackingNumber + " is closed; nothing to supply.");
            }
            waits.supply(em, c, material.strip(), workflow, chart);
            return reader.view(em, c, CaseRules.tasksOf(em, c), chart, null);
        });
    }

    @Override
    public CaseView rate(String trackingNumber, String accessKey, int level, String comment) {
        return decisions.rate(trackingNumber, accessKey, level, comment);
    }

    @Override
    public long recordWindowAct(String trackingNumber, org.tanghulu.core.cases.WindowAct act) {
        return windowActs.record(trackingNumber, act);
    }
}
