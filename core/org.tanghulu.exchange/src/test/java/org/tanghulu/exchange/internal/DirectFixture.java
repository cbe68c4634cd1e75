package org.tanghulu.exchange.internal;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.LegacyForm;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.api.exchange.ExchangeAdapter;
import org.tanghulu.api.exchange.ExchangeMode;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.Outcome;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseEvent;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.CaseSummary;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.DepartmentStatistics;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.Submission;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.simulator.DepartmentSystem;

/**
 * The direct exchange outside OSGi: the real store, sender and decider on in-memory H2, a real
 * department system (the simulator) over real HTTP, and in place of the case engine a small one that
 * keeps the rules the exchange relies on (claim only a ready task, decide only one's own claim, an
 * approval needs the matter's output). Department {@code stats}, matter {@code registration}, output
 * {@code reg-no}.
 */
final class DirectFixture implements AutoCloseable {

    static final String SECRET = "0123456789abcdef0123456789abcdef-stats";
    static final String TN = "TH20261202000001";

    final ExchangeTestDatabase db = new ExchangeTestDatabase();
    final DossierStore dossiers = new DossierStore(db.database);
    final DirectStore store = new DirectStore(db.database);
    final FakeCases cases = new FakeCases();
    final Adapters adapters;
    final SystemTasks tasks;
    final FrontEndExchange frontEnd;
    final DiskExchange disk;
    final DirectSender sender;
    /** What the adapter declares for stats/registration. */
    volatile ExchangeMode mode = ExchangeMode.DIRECT;
    final DepartmentSystem system;

    DirectFixture(long timeoutMillis, long breakerOpenSeconds, String... systemSwitches) {
        String[] args = new String[systemSwitches.length + 4];
        args[0] = "--port";
        args[1] = "0";
        args[2] = "--secret";
        args[3] = "stats=" + SECRET;
        System.arraycopy(systemSwitches, 0, args, 4, systemSwitches.length);
        system = DepartmentSystem.start(args);
        DepartmentGateway gateway = new Gateway();
        adapters = new Adapters(gateway);
        adapters.addAdapter(matter -> mode, Map.of("department.id", "stats"));
        ExchangeConfig config = config(timeoutMillis, breakerOpenSeconds);
        Decider decider = new Decider(cases, dossiers);
        tasks = new SystemTasks(store, decider, adapters, gateway, config);
        frontEnd = new FrontEndExchange(store, decider, tasks, (url, password) -> {
            java.util.Properties properties = new java.util.Properties(); // as DriverConnector: the user is in the URL
            properties.setProperty("password", password);
            return java.sql.DriverManager.getConnection(url, properties);
        }, config, Map.of());
        disk = new DiskExchange(store, decider, tasks, dossiers);
        sender = new DirectSender(store, decider, tasks, frontEnd, disk, config, Map.of());
        sender.link("stats", "http://127.0.0.1:" + system.port() + "/stats", SECRET);
    }

    /** A new ready task of stats, queued for the system. */
    long task() {
        long id = cases.add();
        sender.enqueue(TN, id, "stats", "registration", Decider.MODE);
        return id;
    }

    TaskEntity row(long task) {
        return store.task(task).orElseThrow();
    }

    @Override
    public void close() {
        system.stop();
        db.close();
    }

    static ExchangeConfig config(long timeoutMillis, long breakerOpenSeconds) {
        return new ExchangeConfig() {
            public Class<? extends Annotation> annotationType() {
                return ExchangeConfig.class;
            }
            public long timeoutMillis() {
                return timeoutMillis;
            }
            public int attempts() {
                return 3;
            }
            public long backoffMillis() {
                return 1;
            }
            public int breakerFailures() {
                return 3;
            }
            public long breakerOpenSeconds() {
                return breakerOpenSeconds;
            }
            public long callbackMinutes() {
                return 60;
            }
            public long diskAnswerDays() {
                return 14;
            }
            public String callbackUrl() {
                return "http://127.0.0.1:9/exchange/callback";
            }
            public int batch() {
                return 32;
            }
        };
    }

    static final Matter MATTER = new Matter("registration", new LocalizedText("统计登记", "Statistical registration"),
            List.of("统计法"), Set.of(ApplicantType.ENTERPRISE), List.of(), List.of(new LegacyForm("f",
                    new LocalizedText("表", "Form"), List.of("company-name"))), List.of("reg-no"), List.of(), List.of(), 5, 3);

    private static final class Gateway implements DepartmentGateway {
        public Map<String, DepartmentDefinition> active() {
            return Map.of("stats", new DepartmentDefinition("stats", new LocalizedText("统计局", "Statistics"), List.of(),
                    List.of(MATTER)));
        }
        public Map<String, org.tanghulu.api.definition.DataElement> elements(Map<String, DepartmentDefinition> active) {
            return Map.of();
        }
        public List<Outcome<List<FieldProblem>>> check(List<Check> checks) {
            throw new UnsupportedOperationException();
        }
        public <T> Outcome<T> call(String department, String what, Callable<T> code) {
            try {
                return new Outcome<>(code.call(), null);
            } catch (Exception e) {
                return new Outcome<>(null, what + " threw " + e);
            }
        }
    }

    /** The case engine's rules on tasks that the exchange relies on, in memory; counts decisions. */
    static final class FakeCases implements Cases {
        final Map<Long, TaskView> tasks = new ConcurrentHashMap<>();
        final AtomicInteger decisions = new AtomicInteger();
        private final AtomicInteger ids = new AtomicInteger(100);

        long add() {
            long id = ids.incrementAndGet();
            tasks.put(id, view(id, TaskState.READY, null, Map.of()));
            return id;
        }

        static TaskView view(long id, TaskState state, String assignee, Map<String, String> outputs) {
            return new TaskView(id, TN, new MatterKey("stats", "registration"), MATTER.name(), state, assignee,
                    Instant.now(), LocalDate.now(), LocalDate.now(), 0, false, null, List.of(), outputs, true);
        }

        public TaskView task(long taskId, Actor actor) {
            TaskView t = tasks.get(taskId);
            if (t == null || !actor.maySee(t.matter().department())) {
                throw new Refusal(Refusal.Kind.NOT_FOUND, "no such task");
            }
            return t;
        }

        public synchronized TaskView claim(long taskId, Actor actor) {
            TaskView t = task(taskId, actor);
            if (t.state() != TaskState.READY) {
                throw new Refusal(Refusal.Kind.CONFLICT, "not ready");
            }
            TaskView claimed = view(taskId, TaskState.CLAIMED, actor.name(), Map.of());
            tasks.put(taskId, claimed);
            return claimed;
        }

        public org.tanghulu.core.cases.ResultVerifier.Confirmation verifyHeld(String group,
                org.tanghulu.core.cases.HeldResult held) {
            throw new UnsupportedOperationException("no held results here");
        }

        public List<org.tanghulu.api.definition.MatterKey> reusable(String group) {
            return List.of();
        }

        public synchronized TaskView release(long taskId, Actor actor) {
            TaskView t = task(taskId, actor);
            if (t.state() != TaskState.CLAIMED || !actor.name().equals(t.assignee())) {
                throw new Refusal(Refusal.Kind.CONFLICT, "not claimed by " + actor.name());
            }
            TaskView ready = view(taskId, TaskState.READY, null, Map.of());
            tasks.put(taskId, ready);
            return ready;
        }

        public synchronized TaskView decide(long taskId, Actor actor, Decision decision) {
            TaskView t = task(taskId, actor);
            if (t.state() != TaskState.CLAIMED || !actor.name().equals(t.assignee())) {
                throw new Refusal(Refusal.Kind.CONFLICT, "not claimed by " + actor.name());
            }
            if (decision.kind() == Decision.Kind.APPROVE && (decision.outputs().get("reg-no") == null
                    || decision.outputs().get("reg-no").isBlank())) {
                throw new Refusal(Refusal.Kind.INVALID, "the output reg-no is required");
            }
            TaskState state = switch (decision.kind()) {
                case APPROVE -> TaskState.APPROVED;
                case REJECT -> TaskState.REJECTED;
                case REQUEST_CORRECTION -> TaskState.CORRECTION;
            };
            decisions.incrementAndGet();
            TaskView decided = view(taskId, state, actor.name(), decision.outputs());
            tasks.put(taskId, decided);
            return decided;
        }

        public CaseView staffView(String trackingNumber, Actor actor) {
            return new CaseView(trackingNumber, "g", 1, MATTER.name(), CaseState.OPEN, ApplicantType.ENTERPRISE, "某公司",
                    Instant.now(), null, Map.of("company-name", "某某科技有限公司", "other", "not sent"), Set.of(), List.of(), null);
        }

        public Receipt submit(Submission submission) {
            throw new UnsupportedOperationException();
        }
        public CaseView applicantView(String trackingNumber, String accessKey) {
            throw new UnsupportedOperationException();
        }
        public List<CaseEvent> events(String trackingNumber, String accessKey, Actor actor) {
            throw new UnsupportedOperationException();
        }
        public CaseView answerCorrections(String trackingNumber, String accessKey, Map<String, String> values,
                Set<String> materials, String message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CaseView rateTask(String trackingNumber, String accessKey, long taskId, int level, String comment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CaseView answerCorrection(String trackingNumber, String accessKey, long taskId, Map<String, String> values,
                Set<String> materials, String message) {
            throw new UnsupportedOperationException();
        }
        public List<TaskView> workList(String department, Actor actor, boolean includeClosed) {
            throw new UnsupportedOperationException();
        }
        public List<TaskView> overdue(LocalDate day) {
            throw new UnsupportedOperationException();
        }
        public List<CaseSummary> casesOf(long owner) {
            throw new UnsupportedOperationException();
        }
        public String accessKey(String trackingNumber, long owner) {
            throw new UnsupportedOperationException();
        }
        public CaseView supplyMaterial(String trackingNumber, String accessKey, String material) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long recordWindowAct(String trackingNumber, org.tanghulu.core.cases.WindowAct act) {
            throw new UnsupportedOperationException();
        }
        public CaseView rate(String trackingNumber, String accessKey, int level, String comment) {
            throw new UnsupportedOperationException();
        }
        public List<DepartmentStatistics> statistics(Actor actor, LocalDate day) {
            throw new UnsupportedOperationException();
        }
    }
}
