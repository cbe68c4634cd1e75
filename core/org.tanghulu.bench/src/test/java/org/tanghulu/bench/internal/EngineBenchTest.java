package org.tanghulu.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
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

class EngineBenchTest {

    private static final Submission APPLICATION = new Submission("toy", null, ApplicantType.ENTERPRISE, "A",
            Map.of("name", "x"), Set.of(), null, null, null);
    private static final Map<String, Map<String, String>> OUTPUTS = Map.of(
            "a/first", Map.of("n", "1"), "b/second", Map.of("m", "2"), "c/third", Map.of("k", "3"));

    @Test
    void drivesEveryCaseToCompletionAndTimesEachStep() throws Exception {
        ToyCases toy = new ToyCases(false, 0);
        EngineBench.Result r = new EngineBench(toy, APPLICATION, OUTPUTS).run(25, 3);
        assertEquals(25, r.completed());
        assertEquals(List.of(), r.failures());
        assertEquals(List.of(), r.workListMisses());
        assertEquals(25, r.submit().count());
        // two steps: a/first and b/second together, then c/third
        assertEquals(75, r.workList().count());
        assertEquals(75, r.completion().count());
        assertEquals(25, toy.keys.size(), "each case has its own submission key");
        assertTrue(r.throughput() > 0);
    }

    @Test
    void aCaseThatDoesNotCompleteIsAFailure() throws Exception {
        EngineBench.Result r = new EngineBench(new ToyCases(true, 0), APPLICATION, OUTPUTS).run(4, 2);
        assertEquals(0, r.completed());
        assertEquals(4, r.failures().size());
        assertTrue(r.failures().get(0).contains("REJECTED"), r.failures().get(0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchCommand.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("BENCH-RESULT {\"mode\":\"in-process\",\"cases\":4,\"threads\":2,\"completed\":0,\"failures\":4,"), out);
        assertTrue(out.contains("FAILED case"), out);
    }

    @Test
    void aReadyTaskMissingFromTheWorkListIsReportedAndLookedForAgain() throws Exception {
        EngineBench.Result once = new EngineBench(new ToyCases(false, 1), APPLICATION, OUTPUTS).run(3, 1);
        assertEquals(3, once.completed(), "listed again on the next query: the case goes on");
        assertEquals(1, once.workListMisses().size());
        assertTrue(once.workListMisses().get(0).contains("listed again 1 quer(ies) later"), once.workListMisses().get(0));
        assertEquals(9, once.workList().count(), "only the first query of each task is timed");

        EngineBench.Result never = new EngineBench(new ToyCases(false, 100), APPLICATION, OUTPUTS).run(1, 1);
        assertEquals(0, never.completed());
        assertEquals(1, never.failures().size());
        assertTrue(never.failures().get(0).contains("nor in 5 more queries"), never.failures().get(0));
    }

    @Test
    void readsTheDemoApplication() throws Exception {
        Submission s = BenchCommand.submission(Path.of("../../distribution/src/main/resources/demo/enterprise-establishment-application.json"));
        assertEquals("enterprise-establishment", s.group());
        assertEquals(ApplicantType.ENTERPRISE, s.applicantType());
        assertEquals("北京星河智联科技有限公司", s.values().get("enterprise-name"));
        assertTrue(s.materials().contains("articles-of-association"));
        assertEquals(null, s.submissionKey());
    }

    /** Three matters in two steps; approving the second step completes the case (or, if {@code reject}, rejects it). */
    private static final class ToyCases implements Cases {
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final Map<String, List<TaskView>> byCase = new ConcurrentHashMap<>();
        final Map<String, CaseState> states = new ConcurrentHashMap<>();
        final AtomicLong ids = new AtomicLong();
        final boolean reject;
        /** How many work-list queries of department b leave out its tasks. */
        int hide;

        ToyCases(boolean reject, int hide) {
            this.reject = reject;
            this.hide = hide;
        }

        @Override
        public synchronized Receipt submit(Submission s) {
            keys.add(s.submissionKey());
            String tn = "TH" + ids.incrementAndGet();
            byCase.put(tn, new ArrayList<>(List.of(task(tn, "a", "first"), task(tn, "b", "second"))));
            states.put(tn, CaseState.OPEN);
            return new Receipt(tn, "key-" + tn, true);
        }

        private TaskView task(String tn, String d, String m) {
            return with(new TaskView(ids.incrementAndGet(), tn, new MatterKey(d, m), new LocalizedText(m, m), TaskState.READY,
                    null, Instant.EPOCH, LocalDate.EPOCH, LocalDate.EPOCH, 0, false, null, List.of(), Map.of(), true),
                    TaskState.READY, null);
        }

        private static TaskView with(TaskView t, TaskState s, String assignee) {
            return new TaskView(t.id(), t.trackingNumber(), t.matter(), t.matterName(), s, assignee, t.created(),
                    t.promisedDue(), t.statutoryDue(), 0, false, null, List.of(), Map.of(), true);
        }

        @Override
        public synchronized CaseView applicantView(String tn, String accessKey) {
            return new CaseView(tn, "toy", 1, new LocalizedText("t", "t"), states.get(tn), ApplicantType.ENTERPRISE, "A",
                    Instant.EPOCH, null, Map.of(), Set.of(), byCase.get(tn), null);
        }

        @Override
        public synchronized List<TaskView> workList(String department, Actor actor, boolean includeClosed) {
            if (!actor.departments().equals(Set.of(department))) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "wrong officer");
            }
            if (department.equals("b") && hide > 0) {
                hide--;
                return List.of();
            }
            return byCase.values().stream().flatMap(List::stream)
                    .filter(t -> t.matter().department().equals(department) && t.state().open()).toList();
        }

        private TaskView replace(long id, TaskState state, String assignee) {
            for (var e : byCase.entrySet()) {
                List<TaskView> tasks = e.getValue();
                for (int i = 0; i < tasks.size(); i++) {
                    if (tasks.get(i).id() == id) {
                        TaskView t = with(tasks.get(i), state, assignee);
                        tasks.set(i, t);
                        return t;
                    }
                }
            }
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no task " + id);
        }

        @Override
        public synchronized TaskView claim(long taskId, Actor actor) {
            return replace(taskId, TaskState.CLAIMED, actor.name());
        }

        @Override
        public org.tanghulu.core.cases.ResultVerifier.Confirmation verifyHeld(String group,
                org.tanghulu.core.cases.HeldResult held) {
            throw new UnsupportedOperationException("no held results here");
        }

        public List<org.tanghulu.api.definition.MatterKey> reusable(String group) {
            return List.of();
        }

        @Override
        public synchronized TaskView release(long taskId, Actor actor) {
            return replace(taskId, TaskState.READY, null);
        }

        @Override
        public synchronized TaskView decide(long taskId, Actor actor, Decision decision) {
            TaskView t = replace(taskId, TaskState.APPROVED, actor.name());
            List<TaskView> tasks = byCase.get(t.trackingNumber());
            if (tasks.stream().allMatch(x -> x.state() == TaskState.APPROVED)) {
                if (tasks.size() == 2) {
                    tasks.add(task(t.trackingNumber(), "c", "third"));
                } else {
                    states.put(t.trackingNumber(), reject ? CaseState.REJECTED : CaseState.COMPLETED);
                }
            }
            return t;
        }

        @Override
        public CaseView staffView(String trackingNumber, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CaseEvent> events(String trackingNumber, String accessKey, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
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

        @Override
        public TaskView task(long taskId, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TaskView> overdue(LocalDate day) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CaseSummary> casesOf(long owner) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String accessKey(String trackingNumber, long owner) {
            throw new UnsupportedOperationException();
        }

        @Override
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

        @Override
        public List<DepartmentStatistics> statistics(Actor actor, LocalDate day) {
            throw new UnsupportedOperationException();
        }
    }
}
