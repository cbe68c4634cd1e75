package org.tanghulu.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LegacyForm;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.DepartmentRecord;
import org.tanghulu.catalog.DepartmentState;
import org.tanghulu.catalog.DepartmentStatus;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.MatterEntry;
import org.tanghulu.core.Refusal;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.accounts.Registration;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.CaseSummary;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.DepartmentStatistics;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.Submission;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.MaterialWait;
import org.tanghulu.core.cases.HeldResult;
import org.tanghulu.core.cases.ResultVerifier;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.core.cases.WindowAct;
import org.tanghulu.core.cases.events.Applicant;
import org.tanghulu.core.cases.events.CaseRef;
import org.tanghulu.core.cases.events.RecordedCaseEvent;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CaseCompleted;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CaseRejected;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionAnswered;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionRequested;
import org.tanghulu.core.cases.events.RecordedCaseEvent.Rated;
import org.tanghulu.core.cases.events.RecordedCaseEvent.Submitted;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskApproved;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCreated;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskRejected;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.Outcome;
import org.tanghulu.core.internal.accounts.AccountService;
import org.tanghulu.calendar.internal.TestCalendars;
import org.tanghulu.catalog.internal.ProceduresService;
import org.tanghulu.core.internal.store.TestDatabase;

/**
 * The case engine on H2 and Hibernate with a toy group of two departments: {@code a/first}
 * (promised 5 working days), then {@code b/second} (promised 3). One story in order, since
 * the statistics at its end count everything before: owners, drafts, corrections, ratings.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseEngineTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Actor OFFICER_A = new Actor("officer-a", Set.of("a"), false);
    private static final Actor OFFICER_B = new Actor("officer-b", Set.of("b"), false);
    private static final Actor SUPERVISOR = new Actor("boss", Set.of(), true);

    /** A clock the test moves: 10:00 Beijing time on the day set. */
    private static final class Today extends Clock {
        volatile Instant now;

        void set(String day) {
            now = LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atZone(BEIJING).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return BEIJING;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static LocalizedText text(String s) {
        return new LocalizedText(s, s);
    }

    private static final Material ID_CARD = new Material("id-card", text("身份证"));
    private static final DepartmentDefinition A = new DepartmentDefinition("a", new LocalizedText("甲局", "Bureau A"),
            List.of(), List.of(new Matter("first", text("first"), List.of("法"), Set.of(ApplicantType.ENTERPRISE),
                    List.of(ID_CARD), List.of(new LegacyForm("a-form", text("a"), List.of("company-name"))),
                    List.of("licence-no"), List.of(), List.of(), 10, 5)));
    private static final DepartmentDefinition B = new DepartmentDefinition("b", text("乙局"), List.of(),
            List.of(new Matter("second", text("second"), List.of("法"), Set.of(ApplicantType.ENTERPRISE), List.of(ID_CARD),
                    List.of(new LegacyForm("b-form", text("b"), List.of("company-name"))), List.of(), List.of(),
                    List.of("a/first"), 6, 3)));
    private static final FunctionGroup GROUP = new FunctionGroup("toy", 1, text("玩具"), text("toy"),
            Set.of(ApplicantType.ENTERPRISE), List.of("a/first", "b/second"));
    private static final Map<String, DataElement> ELEMENTS = Map.of(
            "company-name", new DataElement("company-name", DataType.TEXT, text("名称"), text("名称"), Validation.REQUIRED),
            "licence-no", new DataElement("licence-no", DataType.TEXT, text("证号"), text("证号"), Validation.REQUIRED));

    private static TestDatabase db;
    private static Today today = new Today();
    private static CaseEngine cases;
    /** The reminders' sweep, on the test's clock, and another node's. */
    private static MaterialWaits reminders;
    private static MaterialWaits otherNode;
    private static EventLog log;
    private static final List<Long> woken = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static AccountService accounts;
    private static volatile Map<String, DepartmentDefinition> present = Map.of("a", A, "b", B);
    /** What {@link #present} becomes right after the next look at it: a department leaving mid-request. */
    private static volatile Map<String, DepartmentDefinition> afterNextLook;

    @BeforeAll
    static void start() {
        db = new TestDatabase();
        Registry registry = new Registry() {
            @Override
            public List<DepartmentStatus> departments() {
                return List.of();
            }

            @Override
            public Optional<DepartmentStatus> department(String id) {
                // b has gone: its statistics are named by id
                return id.equals("a") ? Optional.of(new DepartmentStatus("a", A.name(), DepartmentState.ACTIVE, List.of(),
                        "a.bundle", Instant.EPOCH, A, 0)) : Optional.empty();
            }

            @Override
            public List<MatterEntry> matters() {
                return List.of();
            }

            @Override
            public List<FunctionGroupStatus> functionGroups() {
                return List.of(new FunctionGroupStatus(GROUP, "toy.bundle", List.of(), List.of()));
            }

            @Override
            public List<org.tanghulu.catalog.NeedStatus> needs() {
                return List.of();
            }

            @Override
            public List<org.tanghulu.catalog.ExtensionStatus> extensions() {
                return List.of();
            }

            @Override
            public List<DepartmentRecord> departmentHistory() {
                return List.of();
            }

            @Override
            public boolean databaseHealthy() {
                return true;
            }
        };
        DepartmentGateway gateway = new DepartmentGateway() {
            @Override
            public Map<String, DepartmentDefinition> active() {
                Map<String, DepartmentDefinition> now = present;
                if (afterNextLook != null) {
                    present = afterNextLook;
                    afterNextLook = null;
                }
                return now;
            }

            @Override
            public Map<String, DataElement> elements(Map<String, DepartmentDefinition> active) {
                // company-name is a's own element, licence-no the dictionary's
                return active.containsKey("a") ? ELEMENTS : Map.of("licence-no", ELEMENTS.get("licence-no"));
            }

            @Override
            public List<Outcome<List<FieldProblem>>> check(List<Check> checks) {
                return checks.stream().map(c -> new Outcome<List<FieldProblem>>(List.of(), null)).toList();
            }

            @Override
            public <T> Outcome<T> call(String department, String what, java.util.concurrent.Callable<T> code) {
                throw new UnsupportedOperationException("the case engine calls no other department code");
            }
        };
        log = new EventLog(db.database());
        log.addListener(woken::add);
        accounts = new AccountService(db.database());
        cases = new CaseEngine(registry, gateway, TestCalendars.bundled(), new ProceduresService(registry, gateway), log,
                accounts, today);
        reminders = new MaterialWaits(gateway, TestCalendars.bundled(), log, today);
        otherNode = new MaterialWaits(gateway, TestCalendars.bundled(), log, today);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Receipt submit(Long owner) {
        return cases.submit(new Submission("toy", UUID.randomUUID().toString(), ApplicantType.ENTERPRISE, "某公司",
                Map.of("company-name", "某某科技有限公司"), Set.of("id-card"), null, null, owner));
    }

    private static TaskView open(Receipt r, String department) {
        return cases.applicantView(r.trackingNumber(), r.accessKey()).tasks().stream()
                .filter(t -> t.matter().department().equals(department) && t.state().open()).findFirst().orElseThrow();
    }

    private static void decide(Receipt r, String department, Actor officer, Decision d) {
        long id = open(r, department).id();
        if (open(r, department).state() == TaskState.READY) {
            cases.claim(id, officer);
        }
        cases.decide(id, officer, d);
    }

    private static Decision approve(Map<String, String> outputs) {
        return new Decision(Decision.Kind.APPROVE, outputs, null, null);
    }

    private static Decision correction() {
        return new Decision(Decision.Kind.REQUEST_CORRECTION, null, "名称有误", List.of("company-name"));
    }

    private static TaskView task(Receipt r, String department) {
        return task(cases.applicantView(r.trackingNumber(), r.accessKey()), department);
    }

    private static TaskView task(CaseView view, String department) {
        return view.tasks().stream().filter(t -> t.matter().department().equals(department)).findFirst().orElseThrow();
    }

    private static Refusal refused(Refusal.Kind kind, Runnable call) {
        Refusal e = assertThrows(Refusal.class, call::run);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    @Test
    @Order(1)
    void ownersDraftsRatingsAndStatistics() {
        long alice = accounts.register(new Registration("alice", "the first secret", "Alice", null, null)).id();
        long bob = accounts.register(new Registration("bob", "the second secret", "Bob", null, null)).id();

        // case 1 (alice), Monday 2026-03-02: a correction pauses a/first two working days
        today.set("2026-03-02");
        accounts.saveDraft(alice, "toy", Map.of("company-name", "某某"), Set.of());
        accounts.saveDraft(alice, "other", Map.of("x", "y"), Set.of());
        Receipt one = submit(alice);
        assertTrue(accounts.draft(alice, "toy").isEmpty(), "submitting discards the owner's draft of the group");
        assertTrue(accounts.draft(alice, "other").isPresent(), "and only that one");
        today.set("2026-03-03");
        decide(one, "a", OFFICER_A, correction());
        assertTrue(cases.casesOf(alice).get(0).correctionRequested());
        today.set("2026-03-05");
        long first = open(one, "a").id();
        cases.answerCorrection(one.trackingNumber(), one.accessKey(), first, Map.of("company-name", "某某科技有限公司"),
                Set.of(), null);
        assertEquals(2, cases.task(first, OFFICER_A).pausedDays());
        today.set("2026-03-06");
        decide(one, "a", OFFICER_A, approve(Map.of("licence-no", "L-1")));
        refused(Refusal.Kind.CONFLICT, () -> cases.rate(one.trackingNumber(), one.accessKey(), 5, null));
        today.set("2026-03-09");
        decide(one, "b", OFFICER_B, approve(Map.of()));

        // case 2 (bob), rejected the next day
        Receipt two = submit(bob);
        today.set("2026-03-10");
        decide(two, "a", OFFICER_A, new Decision(Decision.Kind.REJECT, null, "不符合条件", null));

        // case 3 (alice) stays ready; case 4 (no owner) waits for a correction
        Receipt three = submit(alice);
        Receipt four = submit(null);
        decide(four, "a", OFFICER_A, correction());

        // ratings
        assertEquals(List.of("level"), fields(refused(Refusal.Kind.INVALID,
                () -> cases.rate(one.trackingNumber(), one.accessKey(), 0, null))));
        assertEquals(List.of("level", "comment"), fields(refused(Refusal.Kind.INVALID,
                () -> cases.rate(one.trackingNumber(), one.accessKey(), 6, "长".repeat(501)))));
        refused(Refusal.Kind.NOT_FOUND, () -> cases.rate(one.trackingNumber(), two.accessKey(), 4, null));
        refused(Refusal.Kind.CONFLICT, () -> cases.rate(three.trackingNumber(), three.accessKey(), 4, null));
        assertNull(cases.applicantView(one.trackingNumber(), one.accessKey()).rating());
        CaseView rated = cases.rate(one.trackingNumber(), one.accessKey(), 4, "  ");
        assertEquals(4, rated.rating().level());
        assertNull(rated.rating().comment());
        assertEquals(today.now, rated.rating().at());
        refused(Refusal.Kind.CONFLICT, () -> cases.rate(one.trackingNumber(), one.accessKey(), 5, "再评一次"));
        assertEquals("很慢", cases.rate(two.trackingNumber(), two.accessKey(), 1, " 很慢 ").rating().comment());
        assertEquals(4, cases.applicantView(one.trackingNumber(), one.accessKey()).rating().level());
        assertTrue(cases.events(one.trackingNumber(), one.accessKey(), null).stream()
                .anyMatch(e -> e.type().equals("RATED") && e.detail().startsWith("Rated 4 of 5")));

        // step ratings: once per decided task; the departments' statistics count only these
        long oneA = task(one, "a").id();
        long oneB = task(one, "b").id();
        long twoA = task(two, "a").id();
        refused(Refusal.Kind.CONFLICT, () -> cases.rateTask(three.trackingNumber(), three.accessKey(),
                task(three, "a").id(), 3, null));
        refused(Refusal.Kind.NOT_FOUND, () -> cases.rateTask(one.trackingNumber(), one.accessKey(), twoA, 3, null));
        refused(Refusal.Kind.NOT_FOUND, () -> cases.rateTask(one.trackingNumber(), two.accessKey(), oneA, 3, null));
        assertEquals(List.of("level"), fields(refused(Refusal.Kind.INVALID,
                () -> cases.rateTask(one.trackingNumber(), one.accessKey(), oneA, 9, null))));
        CaseView stepRated = cases.rateTask(one.trackingNumber(), one.accessKey(), oneA, 2, " 太慢 ");
        assertEquals(new org.tanghulu.core.cases.Rating(2, "太慢", today.now), task(stepRated, "a").rating());
        assertNull(task(stepRated, "b").rating());
        refused(Refusal.Kind.CONFLICT, () -> cases.rateTask(one.trackingNumber(), one.accessKey(), oneA, 5, null));
        cases.rateTask(one.trackingNumber(), one.accessKey(), oneB, 5, null);
        cases.rateTask(two.trackingNumber(), two.accessKey(), twoA, 1, null);
        assertTrue(cases.events(one.trackingNumber(), one.accessKey(), null).stream()
                .anyMatch(e -> e.type().equals("TASK_RATED") && Long.valueOf(oneA).equals(e.taskId())));

        // the applicants' lists: own cases only, newest first
        List<CaseSummary> mine = cases.casesOf(alice);
        assertEquals(List.of(three.trackingNumber(), one.trackingNumber()), mine.stream().map(CaseSummary::trackingNumber).toList());
        assertEquals(new CaseSummary(one.trackingNumber(), one.accessKey(), "toy", text("玩具"), CaseState.COMPLETED,
                Instant.parse("2026-03-02T02:00:00Z"), Instant.parse("2026-03-09T02:00:00Z"), false, 4), mine.get(1));
        assertFalse(mine.get(0).correctionRequested());
        assertNull(mine.get(0).rating());
        assertEquals(List.of(new CaseSummary(two.trackingNumber(), two.accessKey(), "toy", text("玩具"), CaseState.REJECTED,
                Instant.parse("2026-03-09T02:00:00Z"), Instant.parse("2026-03-10T02:00:00Z"), false, 1)), cases.casesOf(bob));
        assertEquals(List.of(), cases.casesOf(999_999));
        assertEquals(one.accessKey(), cases.accessKey(one.trackingNumber(), alice));
        Refusal notHers = refused(Refusal.Kind.NOT_FOUND, () -> cases.accessKey(two.trackingNumber(), alice));
        Refusal none = refused(Refusal.Kind.NOT_FOUND, () -> cases.accessKey("TH20260101999999", alice));
        assertEquals(notHers.getMessage().replace(two.trackingNumber(), "X"), none.getMessage().replace("TH20260101999999", "X"));
        refused(Refusal.Kind.NOT_FOUND, () -> cases.accessKey(four.trackingNumber(), alice));
        refused(Refusal.Kind.NOT_FOUND, () -> submit(999_999L));

        // statistics, judged on 2026-03-18: case 3's a/first was promised by 03-17
        refused(Refusal.Kind.FORBIDDEN, () -> cases.statistics(OFFICER_A, LocalDate.parse("2026-03-18")));
        assertEquals(List.of(
                new DepartmentStatistics("a", A.name(), 2, 2, 1, 2, 1.5, 5.0, 2, 1.5, List.of(1L, 1L, 0L, 0L, 0L)),
                new DepartmentStatistics("b", text("b"), 0, 1, 0, 0, 1.0, 3.0, 1, 5.0, List.of(0L, 0L, 0L, 0L, 1L))),
                cases.statistics(SUPERVISOR, LocalDate.parse("2026-03-18")));
        assertEquals(0, cases.statistics(SUPERVISOR, LocalDate.parse("2026-03-17")).get(0).overdue(), "due that day: not late");

        // supervisors drill down into a department's work list, and act on nothing
        assertEquals(4, cases.workList("a", SUPERVISOR, true).size());
        assertEquals(List.of(TaskState.READY, TaskState.CORRECTION),
                cases.workList("a", SUPERVISOR, false).stream().map(TaskView::state).sorted().toList());
        refused(Refusal.Kind.FORBIDDEN, () -> cases.claim(open(three, "a").id(), SUPERVISOR));

        typedEvents(one, two, four);
    }

    /** The story's events as the typed log tells them, with what notifications need in their payloads. */
    private static void typedEvents(Receipt one, Receipt two, Receipt four) {
        List<RecordedCaseEvent> all = log.after(0, 1000);
        assertEquals(all.get(all.size() - 1).position(), log.head());
        assertEquals(all.stream().map(RecordedCaseEvent::position).sorted().toList(),
                all.stream().map(RecordedCaseEvent::position).toList(), "in order of position");
        assertEquals(List.of(), log.after(log.head(), 10));
        assertEquals(all.subList(2, 5), log.after(all.get(1).position(), 3));
        assertEquals(woken.get(woken.size() - 1), log.head(), "woken after the last commit");

        Submitted submitted = (Submitted) all.get(0);
        assertEquals(one.trackingNumber(), submitted.trackingNumber());
        assertEquals(new CaseRef(submitted.caseId(), one.trackingNumber(), "toy", 1,
                new Applicant(ApplicantType.ENTERPRISE, "某公司", null, null)), submitted.caseRef());
        assertEquals(Instant.parse("2026-03-02T02:00:00Z"), submitted.at(), "the platform's clock, not the wall's");
        assertEquals("applicant", submitted.actor());
        TaskCreated created = (TaskCreated) all.get(1);
        assertEquals(new MatterKey("a", "first"), created.task().matter());
        assertEquals(LocalDate.parse("2026-03-09"), created.promisedDue());

        List<RecordedCaseEvent> ofOne = all.stream().filter(e -> e.trackingNumber().equals(one.trackingNumber())).toList();
        CorrectionRequested requested = only(ofOne, CorrectionRequested.class);
        assertEquals("名称有误", requested.message());
        assertEquals(List.of("company-name"), requested.fields());
        assertEquals(LocalDate.parse("2026-03-03"), requested.pausedFrom());
        assertEquals("officer-a", requested.actor());
        CorrectionAnswered answered = only(ofOne, CorrectionAnswered.class);
        assertEquals(Set.of("company-name"), answered.corrected());
        assertEquals(2, answered.pausedDays());
        assertEquals(requested.task(), answered.task());
        assertEquals(Map.of("licence-no", "L-1"), ofOne.stream().filter(TaskApproved.class::isInstance)
                .map(TaskApproved.class::cast).findFirst().orElseThrow().outputs());
        only(ofOne, CaseCompleted.class);
        assertEquals(4, only(ofOne, Rated.class).level());

        List<RecordedCaseEvent> ofTwo = all.stream().filter(e -> e.trackingNumber().equals(two.trackingNumber())).toList();
        TaskRejected taskRejected = only(ofTwo, TaskRejected.class);
        CaseRejected rejected = only(ofTwo, CaseRejected.class);
        assertEquals("不符合条件", rejected.reason());
        assertEquals(taskRejected.task(), rejected.rejectedTask());
        assertEquals("REJECTED", rejected.type());
        assertEquals("CORRECTION_REQUESTED", requested.type());

        // events written before payloads were stored are rebuilt from the case's tables
        RecordedCaseEvent fourRequest = all.stream().filter(e -> e.trackingNumber().equals(four.trackingNumber())
                && e instanceof CorrectionRequested).findFirst().orElseThrow();
        db.tx(TransactionType.Required, em -> {
            em.createNativeQuery("update case_event set payload = null").executeUpdate();
        });
        List<RecordedCaseEvent> old = log.after(0, 1000);
        assertEquals(all.size(), old.size());
        for (RecordedCaseEvent e : List.of(submitted, created, rejected, taskRejected, fourRequest)) {
            assertEquals(e, old.stream().filter(o -> o.position() == e.position()).findFirst().orElseThrow());
        }
    }

    @Test
    @Order(2)
    void aDepartmentLeavingMidRequestMakesItWaitNeverFail() {
        today.set("2026-04-01");
        Receipt running = submit(null);
        decide(running, "a", OFFICER_A, approve(Map.of("licence-no", "L-9")));

        // a leaves right after the submission has looked at the departments: it plans on that one look
        afterNextLook = Map.of("b", B);
        Receipt taken = submit(null);
        assertEquals(Map.of("b", B), present);
        assertEquals(CaseState.OPEN, cases.applicantView(taken.trackingNumber(), taken.accessKey()).state());

        // with a away, the running case's form lacks a's element company-name: the officer of b is asked to wait
        long second = open(running, "b").id();
        cases.claim(second, OFFICER_B);
        Refusal waiting = refused(Refusal.Kind.UNAVAILABLE, () -> cases.decide(second, OFFICER_B, correction()));
        assertTrue(waiting.getMessage().contains("company-name"), waiting.getMessage());
        assertEquals(TaskState.CLAIMED, cases.task(second, OFFICER_B).state());

        present = Map.of("a", A, "b", B);
        cases.decide(second, OFFICER_B, correction());
        assertEquals(TaskState.CORRECTION, cases.task(second, OFFICER_B).state());
    }

    @Test
    @Order(3)
    void aClaimGivenBackIsReadyForAnyoneOfTheDepartmentAndOnlyTheClaimantGivesItBack() {
        today.set("2026-04-01");
        Actor other = new Actor("officer-a2", Set.of("a"), false);
        Receipt r = submit(null);
        long id = open(r, "a").id();
        cases.claim(id, OFFICER_A);
        refused(Refusal.Kind.CONFLICT, () -> cases.release(id, other));
        TaskView back = cases.release(id, OFFICER_A);
        assertEquals(TaskState.READY, back.state());
        assertEquals(null, back.assignee());
        refused(Refusal.Kind.CONFLICT, () -> cases.release(id, OFFICER_A));
        cases.claim(id, other);
        cases.decide(id, other, approve(Map.of("licence-no", "L-10")));
        refused(Refusal.Kind.CONFLICT, () -> cases.release(id, other));
        assertTrue(cases.events(r.trackingNumber(), r.accessKey(), null).stream().anyMatch(e -> e.type().equals("RELEASED")));
    }

    @Test
    @Order(4)
    void aHeldResultConfirmedByItsDepartmentStartsTheCaseAtTheNextStepAndAnythingElseIsRefusedWithTheReason() {
        today.set("2026-04-02");
        MatterKey first = new MatterKey("a", "first");
        Map<String, String> asked = new java.util.concurrent.ConcurrentHashMap<>();
        ResultVerifier system = new ResultVerifier() {
            @Override
            public ResultVerifier.Confirmation verify(MatterKey matter, String reference, String holder) {
                asked.put(reference, holder);
                return switch (reference) {
                    case "A-1" -> holder.equals("110108199007223016")
                            ? new ResultVerifier.Confirmation(true, null, Map.of("licence-no", "A-1"), Map.of("company-name", "某某科技有限公司"))
                            : ResultVerifier.Confirmation.refused("issued to another applicant");
                    case "A-2" -> new ResultVerifier.Confirmation(true, null, Map.of(), Map.of());
                    default -> ResultVerifier.Confirmation.refused("no such number");
                };
            }

            @Override
            public boolean confirms(MatterKey matter) {
                return matter.equals(first);
            }
        };
        HeldResult mine = new HeldResult(first, "A-1", "110108199007223016");

        // without a verifier (the exchange not running) nothing can be confirmed
        Refusal none = refused(Refusal.Kind.INVALID, () -> submitHolding(List.of(mine), "某某科技有限公司", Set.of("id-card")));
        assertTrue(none.problems().get(0).message().en().contains("no department system can confirm"), none.getMessage());
        assertEquals(List.of(), cases.reusable("toy"));
        cases.setVerifier(system);
        try {
            assertEquals(List.of(first), cases.reusable("toy"));
            // checked before submitting: the confirmation prefills the form
            ResultVerifier.Confirmation c = cases.verifyHeld("toy", mine);
            assertTrue(c.confirmed());
            assertEquals(Map.of("company-name", "某某科技有限公司"), c.values());
            refused(Refusal.Kind.INVALID, () -> cases.verifyHeld("toy", new HeldResult(new MatterKey("a", "none"), "A-1", "110108199007223016")));
            refused(Refusal.Kind.INVALID, () -> cases.verifyHeld("toy", new HeldResult(first, " ", "110108199007223016")));
            refused(Refusal.Kind.NOT_FOUND, () -> cases.verifyHeld("nope", mine));

            // refusals, each with the reason: an unknown number, another applicant's, a wrong name, an answer without outputs
            assertHeldRefused(new HeldResult(first, "A-9", "110108199007223016"), "某某科技有限公司", "no such number");
            assertHeldRefused(new HeldResult(first, "A-1", "110105198503122018"), "某某科技有限公司", "issued to another applicant");
            assertHeldRefused(mine, "别的名称有限公司", "Differs from the confirmed result A-1");
            assertTrue(HeldResults.same("甲；1\r\n乙；2 ", "甲；1\n乙；2"), "a form's line ends are no difference");
            assertHeldRefused(new HeldResult(first, "A-2", "110108199007223016"), "某某科技有限公司", "did not give its output 'licence-no'");
            refused(Refusal.Kind.INVALID, () -> submitHolding(List.of(new HeldResult(new MatterKey("b", "second"), "B-1",
                    "110108199007223016")), "某某科技有限公司", Set.of("id-card")));

            // confirmed: a/first is REUSED with the system's outputs, b/second is ready at once, nothing of a's is asked
            Receipt r = submitHolding(List.of(mine), "某某科技有限公司", Set.of("id-card"));
            CaseView view = cases.applicantView(r.trackingNumber(), r.accessKey());
            TaskView reused = view.tasks().stream().filter(t -> t.matter().equals(first)).findFirst().orElseThrow();
            assertEquals(TaskState.REUSED, reused.state());
            assertEquals(Map.of("licence-no", "A-1"), reused.outputs());
            assertEquals(TaskState.READY, open(r, "b").state());
            RecordedCaseEvent.TaskReused event = only(log.after(0, 10_000).stream()
                    .filter(e -> e.caseRef().trackingNumber().equals(r.trackingNumber())).toList(), RecordedCaseEvent.TaskReused.class);
            assertEquals("A-1", event.reference());
            assertEquals("exchange:a", event.actor());
            // the same submission again answers the same case; b's approval completes it
            decide(r, "b", OFFICER_B, approve(Map.of()));
            assertEquals(CaseState.COMPLETED, cases.applicantView(r.trackingNumber(), r.accessKey()).state());
        } finally {
            cases.unsetVerifier(system);
        }
    }

    private static Receipt submitHolding(List<HeldResult> held, String name, Set<String> materials) {
        return cases.submit(new Submission("toy", UUID.randomUUID().toString(), ApplicantType.ENTERPRISE, "某公司",
                Map.of("company-name", name), materials, null, null, null, held));
    }

    private static void assertHeldRefused(HeldResult held, String name, String reason) {
        Refusal e = refused(Refusal.Kind.INVALID, () -> submitHolding(List.of(held), name, Set.of("id-card")));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().en().contains(reason)), e.problems().toString());
    }

    private static <T extends RecordedCaseEvent> T only(List<RecordedCaseEvent> events, Class<T> kind) {
        List<T> found = events.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertEquals(1, found.size(), kind.getSimpleName());
        return found.get(0);
    }

    /** Accept now, supply later (容缺) and a material asked at its step: the task waits until supplied. */
    @Test
    @Order(50)
    void aPromisedOrAtStepMaterialKeepsItsTaskWaitingUntilSupplied() {
        Material contracts = new Material("contracts", text("劳动合同"), true, 3, false);
        Material permit = new Material("bank-permit", text("开户许可证"), false, 0, true);
        DepartmentDefinition b = new DepartmentDefinition("b", text("乙局"), List.of(),
                List.of(new Matter("second", text("second"), List.of("法"), Set.of(ApplicantType.ENTERPRISE),
                        List.of(ID_CARD, contracts, permit), List.of(new LegacyForm("b-form", text("b"), List.of("company-name"))),
                        List.of(), List.of(), List.of("a/first"), 6, 3)));
        present = Map.of("a", A, "b", b);
        try {
            today.set("2026-06-08"); // a Monday
            Refusal missing = refused(Refusal.Kind.INVALID, () -> submit(null));
            assertTrue(missing.problems().stream().anyMatch(p -> p.field().equals("materials")
                    && p.message().zh().contains("劳动合同")), missing.problems().toString());
            refused(Refusal.Kind.INVALID, () -> cases.submit(new Submission("toy", UUID.randomUUID().toString(),
                    ApplicantType.ENTERPRISE, "某公司", Map.of("company-name", "某某科技有限公司"), Set.of("id-card"), null, null,
                    null, null, Set.of("id-card", "contracts"))));
            Receipt r = cases.submit(new Submission("toy", UUID.randomUUID().toString(), ApplicantType.ENTERPRISE, "某公司",
                    Map.of("company-name", "某某科技有限公司"), Set.of("id-card"), null, null, null, null, Set.of("contracts")));
            CaseView view = cases.applicantView(r.trackingNumber(), r.accessKey());
            assertEquals(1, view.waits().size());
            MaterialWait promised = view.waits().get(0);
            assertEquals(MaterialWait.Kind.PROMISED, promised.kind());
            assertEquals(LocalDate.parse("2026-06-11"), promised.due(), "3 working days after Monday 8 June");
            assertTrue(cases.events(r.trackingNumber(), r.accessKey(), null).stream().anyMatch(e -> e.type().equals("MATERIAL_PROMISED")));

            decide(r, "a", OFFICER_A, approve(Map.of("licence-no", "L-1")));
            view = cases.applicantView(r.trackingNumber(), r.accessKey());
            TaskView waiting = view.tasks().stream().filter(t -> t.matter().department().equals("b")).findFirst().orElseThrow();
            assertEquals(TaskState.WAITING, waiting.state());
            assertEquals(List.of("contracts", "bank-permit"), view.waits().stream().map(MaterialWait::material).toList());
            assertEquals(MaterialWait.Kind.AT_STEP, view.waits().get(1).kind());
            assertTrue(cases.workList("b", OFFICER_B, false).stream().noneMatch(t -> t.id() == waiting.id()),
                    "a waiting task is not in the work list");
            refused(Refusal.Kind.CONFLICT, () -> cases.claim(waiting.id(), OFFICER_B));

            today.set("2026-06-15");
            assertTrue(cases.applicantView(r.trackingNumber(), r.accessKey()).waits().get(0).overdue());
            cases.supplyMaterial(r.trackingNumber(), r.accessKey(), "contracts");
            assertEquals(TaskState.WAITING, cases.task(waiting.id(), OFFICER_B).state(), "the permit is still awaited");
            refused(Refusal.Kind.CONFLICT, () -> cases.supplyMaterial(r.trackingNumber(), r.accessKey(), "contracts"));
            refused(Refusal.Kind.NOT_FOUND, () -> cases.supplyMaterial(r.trackingNumber(), r.accessKey(), "id-card"));
            refused(Refusal.Kind.NOT_FOUND, () -> cases.supplyMaterial(r.trackingNumber(), "wrong-key", "bank-permit"));
            view = cases.supplyMaterial(r.trackingNumber(), r.accessKey(), "bank-permit");
            TaskView ready = view.tasks().stream().filter(t -> t.id() == waiting.id()).findFirst().orElseThrow();
            assertEquals(TaskState.READY, ready.state());
            assertEquals(LocalDate.parse("2026-06-18"), ready.promisedDue(), "3 working days from the supply, not from creation");
            assertTrue(view.materials().containsAll(Set.of("contracts", "bank-permit")));
            assertTrue(view.waits().stream().noneMatch(MaterialWait::pending));
            assertTrue(cases.workList("b", OFFICER_B, false).stream().anyMatch(t -> t.id() == waiting.id()));
        } finally {
            present = Map.of("a", A, "b", B);
        }
    }

    /** The reminder of a promised material: once, when its deadline is near or past, not once supplied, once across nodes. */
    @Test
    @Order(51)
    void aPromisedMaterialIsRemindedOnceWhenItsDeadlineIsNearOrPast() throws Exception {
        Material contracts = new Material("contracts", text("劳动合同"), true, 3, false);
        DepartmentDefinition b = new DepartmentDefinition("b", text("乙局"), List.of(),
                List.of(new Matter("second", text("second"), List.of("法"), Set.of(ApplicantType.ENTERPRISE),
                        List.of(ID_CARD, contracts), List.of(new LegacyForm("b-form", text("b"), List.of("company-name"))),
                        List.of(), List.of(), List.of("a/first"), 6, 3)));
        present = Map.of("a", A, "b", b);
        try {
            java.util.function.Supplier<Receipt> promising = () -> cases.submit(new Submission("toy",
                    UUID.randomUUID().toString(), ApplicantType.ENTERPRISE, "某公司", Map.of("company-name", "某某科技有限公司"),
                    Set.of("id-card"), null, null, null, null, Set.of("contracts")));
            today.set("2026-06-08"); // a Monday: due Thursday 06-11
            Receipt remindedSoon = promising.get();
            Receipt supplied = promising.get();
            assertEquals(0, reminders.remind(2), "06-11 is 3 working days away");
            cases.supplyMaterial(supplied.trackingNumber(), supplied.accessKey(), "contracts");

            today.set("2026-06-09"); // 06-11 is 2 working days away
            Receipt remindedLate = promising.get(); // due Friday 06-12
            assertEquals(1, reminders.remind(2));
            RecordedCaseEvent.MaterialReminder reminder = only(cases.history(remindedSoon.trackingNumber(),
                    remindedSoon.accessKey()), RecordedCaseEvent.MaterialReminder.class);
            assertEquals("contracts", reminder.material());
            assertEquals(new MatterKey("b", "second"), reminder.matter());
            assertEquals(LocalDate.parse("2026-06-11"), reminder.due());
            assertEquals("platform", reminder.actor());
            assertEquals(0, reminders.remind(2), "not twice");
            only(cases.history(remindedSoon.trackingNumber(), remindedSoon.accessKey()), RecordedCaseEvent.MaterialReminder.class);

            today.set("2026-06-15"); // past the 06-12 deadline, never swept in time: reminded now; two nodes at once, once
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = two.submit(() -> reminders.remind(2));
                var second = two.submit(() -> otherNode.remind(2));
                assertEquals(1, first.get() + second.get());
            } finally {
                two.shutdown();
            }
            assertEquals(LocalDate.parse("2026-06-12"), only(cases.history(remindedLate.trackingNumber(),
                    remindedLate.accessKey()), RecordedCaseEvent.MaterialReminder.class).due());
            assertTrue(cases.history(supplied.trackingNumber(), supplied.accessKey()).stream()
                    .noneMatch(RecordedCaseEvent.MaterialReminder.class::isInstance), "supplied in time: never reminded");
            assertEquals(0, reminders.remind(2));
        } finally {
            present = Map.of("a", A, "b", B);
        }
    }

    private static List<String> fields(Refusal e) {
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    @Order(9)
    void aCorrectionAnswerChangesOnlyWhatWasAskedAndSendsAnApprovedMatterThatUsedAChangedFieldBackForReview() {
        today.set("2026-04-01");
        Receipt r = submit(null);
        String tn = r.trackingNumber();
        decide(r, "a", OFFICER_A, approve(Map.of("licence-no", "L-9")));
        refused(Refusal.Kind.CONFLICT, () -> cases.answerCorrections(tn, r.accessKey(), Map.of(), Set.of(), null));
        assertEquals(List.of("materials"), fields(refused(Refusal.Kind.INVALID, () -> decide(r, "b", OFFICER_B,
                new Decision(Decision.Kind.REQUEST_CORRECTION, null, "补交", List.of(), List.of("no-such-material"))))));
        decide(r, "b", OFFICER_B, new Decision(Decision.Kind.REQUEST_CORRECTION, null, "请补交身份证", List.of(),
                List.of("id-card")));
        assertEquals(List.of("id-card"), open(r, "b").correctionMaterials());
        RecordedCaseEvent.CorrectionRequested asked = only(cases.history(tn, r.accessKey()),
                RecordedCaseEvent.CorrectionRequested.class);
        assertEquals(List.of("id-card"), asked.materials(), "the event carries the materials asked for");
        assertEquals(List.of(), only(cases.history(tn, OFFICER_A), RecordedCaseEvent.CorrectionRequested.class).materials(),
                "not another department's particulars");

        // a field nobody asked for: refused, nothing changed
        Refusal notAsked = refused(Refusal.Kind.INVALID, () -> cases.answerCorrections(tn, r.accessKey(),
                Map.of("company-name", "另一家有限公司"), Set.of("id-card"), null));
        assertEquals(List.of("company-name"), fields(notAsked));
        assertEquals("某某科技有限公司", cases.applicantView(tn, r.accessKey()).values().get("company-name"));
        assertEquals(TaskState.CORRECTION, open(r, "b").state());
        refused(Refusal.Kind.CONFLICT, () -> cases.answerCorrection(tn, r.accessKey(), task(r, "a").id(), Map.of(),
                Set.of("id-card"), null));
        CaseView answered = cases.answerCorrections(tn, r.accessKey(), Map.of(), Set.of("id-card"), "已补交");
        assertEquals(TaskState.CLAIMED, task(answered, "b").state());
        assertEquals(TaskState.APPROVED, task(answered, "a").state(), "nothing it used changed");

        // asked to correct the name: the same value changes nothing, a new one sends a/first back
        decide(r, "b", OFFICER_B, correction());
        cases.answerCorrection(tn, r.accessKey(), open(r, "b").id(), Map.of("company-name", "某某科技有限公司"), Set.of(), null);
        assertEquals(TaskState.APPROVED, task(r, "a").state());
        decide(r, "b", OFFICER_B, correction());
        CaseView changed = cases.answerCorrections(tn, r.accessKey(), Map.of("company-name", "某某新科技有限公司"), Set.of(),
                null);
        TaskView reopened = task(changed, "a");
        assertEquals(TaskState.READY, reopened.state());
        assertEquals(List.of("company-name"), reopened.reviewFields());
        assertNull(reopened.assignee());
        assertEquals(TaskState.CLAIMED, task(changed, "b").state());
        assertEquals("某某新科技有限公司", changed.values().get("company-name"));
        RecordedCaseEvent.TaskReopened event = log.after(0, 10_000).stream()
                .filter(e -> e instanceof RecordedCaseEvent.TaskReopened o && o.caseRef().trackingNumber().equals(tn))
                .map(RecordedCaseEvent.TaskReopened.class::cast).findFirst().orElseThrow();
        assertEquals(List.of("company-name"), event.fields());
        assertEquals(reopened.id(), event.task().id());
        assertTrue(event.reason().contains("b/second"), event.reason());

        decide(r, "b", OFFICER_B, approve(Map.of()));
        assertEquals(CaseState.OPEN, cases.applicantView(tn, r.accessKey()).state(), "a/first is under review");
        decide(r, "a", OFFICER_A, approve(Map.of("licence-no", "L-9")));
        CaseView done = cases.applicantView(tn, r.accessKey());
        assertEquals(CaseState.COMPLETED, done.state());
        assertEquals(List.of(), task(done, "a").reviewFields(), "decided again: no longer under review");
    }

    @Test
    @Order(5)
    void everyMatterIsProjectedFromSubmissionAndTheHistoryIsTypedWithParticularsForThoseWhoMaySeeThem() {
        today.set("2026-06-08"); // a Monday, no holiday near
        Receipt r = submit(null);
        List<org.tanghulu.core.progress.MatterProgress> matters = cases.matters(r.trackingNumber(), r.accessKey());
        assertEquals(2, matters.size(), "b/second is there before its task exists: " + matters);
        assertEquals(org.tanghulu.core.progress.Stage.IN_PROGRESS, matters.get(0).stage());
        assertEquals(LocalDate.parse("2026-06-15"), matters.get(0).expected(), "5 working days: its promised due date");
        assertEquals(false, matters.get(0).actual());
        assertEquals(org.tanghulu.core.progress.Stage.WAITING, matters.get(1).stage());
        assertEquals(null, matters.get(1).taskId());
        assertEquals(2, matters.get(1).step());
        assertEquals(LocalDate.parse("2026-06-18"), matters.get(1).expected(), "3 working days after a/first's end");

        today.set("2026-06-10");
        decide(r, "a", OFFICER_A, approve(Map.of("licence-no", "L-77")));
        matters = cases.matters(r.trackingNumber(), r.accessKey());
        assertEquals(org.tanghulu.core.progress.Stage.DONE, matters.get(0).stage());
        assertEquals(LocalDate.parse("2026-06-10"), matters.get(0).expected());
        assertEquals(true, matters.get(0).actual());
        assertEquals(org.tanghulu.core.progress.Stage.IN_PROGRESS, matters.get(1).stage());
        assertEquals(LocalDate.parse("2026-06-15"), matters.get(1).expected(), "begun early, due earlier");

        List<String> types = cases.history(r.trackingNumber(), r.accessKey()).stream()
                .map(org.tanghulu.core.cases.events.RecordedCaseEvent::type).toList();
        assertEquals(List.of("SUBMITTED", "TASK_CREATED", "CLAIMED", "APPROVED", "TASK_CREATED"), types);
        assertEquals(Map.of("licence-no", "L-77"), approved(cases.history(r.trackingNumber(), r.accessKey())));
        assertEquals(Map.of("licence-no", "L-77"), approved(cases.history(r.trackingNumber(), SUPERVISOR)));
        assertEquals(Map.of(), approved(cases.history(r.trackingNumber(), OFFICER_B)), "another department's particulars");
        refused(Refusal.Kind.NOT_FOUND, () -> cases.matters(r.trackingNumber(), "wrong-key"));
        refused(Refusal.Kind.NOT_FOUND, () -> cases.history(r.trackingNumber(), new Actor("c", Set.of("c"), false)));

        assertEquals(Map.of(r.trackingNumber(), "某公司"), cases.applicantNames(Set.of(r.trackingNumber(), "TH-none"), OFFICER_B));
        assertEquals(Map.of(), cases.applicantNames(Set.of(r.trackingNumber()), new Actor("c", Set.of("c"), false)));
        assertEquals(Map.of(r.trackingNumber(), "某公司"), cases.applicantNames(Set.of(r.trackingNumber()), SUPERVISOR));
    }

    private static Map<String, String> approved(List<org.tanghulu.core.cases.events.RecordedCaseEvent> history) {
        return history.stream().filter(e -> e instanceof org.tanghulu.core.cases.events.RecordedCaseEvent.TaskApproved)
                .map(e -> ((org.tanghulu.core.cases.events.RecordedCaseEvent.TaskApproved) e).outputs()).findFirst()
                .orElseThrow();
    }

    @Test
    @Order(10)
    void theWindowsActsAreCaseEventsRecordedOnceWhateverTheRetries() {
        today.set("2026-07-01");
        Receipt r = submit(null);
        String tn = r.trackingNumber();
        Actor clerk = new Actor("clerk-1", Set.of(), false, true);
        WindowAct checked = new WindowAct.OriginalsChecked(clerk.name(), List.of("id-card"), Map.of("licence", "地址不一致"),
                List.of());
        long position = cases.recordWindowAct(tn, checked);
        assertEquals(position, cases.recordWindowAct(tn, checked), "a retry answers the event recorded before");
        WindowAct handedOver = new WindowAct.CertificatesHandedOver(clerk.name(), "HJ-" + tn, "张三", false);
        refused(Refusal.Kind.CONFLICT, () -> cases.recordWindowAct(tn, handedOver));
        refused(Refusal.Kind.NOT_FOUND, () -> cases.recordWindowAct("TH-none", checked));
        refused(Refusal.Kind.INVALID, () -> cases.recordWindowAct(tn, new WindowAct.ReceiptConfirmed(" ")));
        decide(r, "a", OFFICER_A, approve(Map.of("licence-no", "L-1")));
        decide(r, "b", OFFICER_B, approve(Map.of()));
        long handed = cases.recordWindowAct(tn, handedOver);
        assertTrue(handed > position);
        assertEquals(handed, cases.recordWindowAct(tn, handedOver));
        long confirmed = cases.recordWindowAct(tn, new WindowAct.ReceiptConfirmed("HJ-" + tn));
        assertEquals(confirmed, cases.recordWindowAct(tn, new WindowAct.ReceiptConfirmed("HJ-" + tn)));

        List<RecordedCaseEvent> history = cases.history(tn, r.accessKey());
        RecordedCaseEvent.OriginalsChecked o = only(history, RecordedCaseEvent.OriginalsChecked.class);
        assertEquals(position, o.position());
        assertEquals("clerk-1", o.actor());
        assertEquals(List.of("id-card"), o.matching());
        assertEquals(Map.of("licence", "地址不一致"), o.mismatched());
        RecordedCaseEvent.CertificatesHandedOver h = only(history, RecordedCaseEvent.CertificatesHandedOver.class);
        assertEquals("HJ-" + tn, h.receiptNumber());
        assertEquals("张三", h.recipient());
        assertFalse(h.signedOnPaper());
        RecordedCaseEvent.ReceiptConfirmed c = only(history, RecordedCaseEvent.ReceiptConfirmed.class);
        assertEquals("applicant", c.actor());
        assertEquals(List.of("ORIGINALS_CHECKED", "CERTIFICATES_HANDED_OVER", "RECEIPT_CONFIRMED"), history.stream()
                .map(RecordedCaseEvent::type).filter(t -> t.startsWith("ORIGINALS") || t.startsWith("CERTIFICATES")
                        || t.startsWith("RECEIPT")).toList(), "each once, in order");
        assertTrue(log.after(position - 1, 10).stream().anyMatch(e -> e instanceof RecordedCaseEvent.OriginalsChecked),
                "listeners read it from the log");
    }

    @Test
    @Order(11)
    void aSubmissionKeyAnswersTheSameReceiptForTheSameDataAndOnlyACommittedCaseHoldsIt() {
        String key = UUID.randomUUID().toString();
        // refused: nothing holds the key, so the corrected data may use it
        refused(Refusal.Kind.INVALID, () -> cases.submit(new Submission("toy", key, ApplicantType.ENTERPRISE, "某公司",
                Map.of("company-name", ""), Set.of("id-card"), null, null, null)));
        Submission corrected = new Submission("toy", key, ApplicantType.ENTERPRISE, "某公司", Map.of("company-name", "甲有限公司"),
                Set.of("id-card"), null, null, null);
        Receipt first = cases.submit(corrected);
        assertTrue(first.created());
        Receipt again = cases.submit(corrected);
        assertEquals(first.trackingNumber(), again.trackingNumber(), "a double submission is one case");
        assertFalse(again.created());
        // a committed case holds its key: other data under it is a conflict, for the client to send a new key
        refused(Refusal.Kind.CONFLICT, () -> cases.submit(new Submission("toy", key, ApplicantType.ENTERPRISE, "某公司",
                Map.of("company-name", "乙有限公司"), Set.of("id-card"), null, null, null)));
    }
}
