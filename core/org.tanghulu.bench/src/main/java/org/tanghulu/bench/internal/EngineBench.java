package org.tanghulu.bench.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.Submission;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;

/**
 * Drives whole cases through the engine, in this JVM, from several threads: each case is
 * submitted, then every READY task is looked up in its department's work list, claimed
 * and approved with the matter's outputs, wave after wave, until the case is COMPLETED.
 */
final class EngineBench {

    /** Waves of tasks after which a case that is still open counts as stuck. */
    private static final int MAX_WAVES = 50;

    /** Work-list queries repeated, 10 ms apart, when a READY task is missing from its department's list. */
    private static final int WORK_LIST_RETRIES = 5;

    /**
     * What a run measured.
     *
     * @param workListMisses READY tasks (as the case view showed them) that the next work-list query of their
     *        department did not list; each was looked for again, and the case failed if it never showed up
     */
    record Result(int cases, int threads, int completed, List<String> failures, List<String> workListMisses,
            double wallSeconds, Latencies submit, Latencies workList, Latencies completion) {

        double throughput() {
            return wallSeconds == 0 ? 0 : completed / wallSeconds;
        }
    }

    private final Cases cases;
    private final Submission application;
    private final Map<String, Map<String, String>> outputs;
    private final Map<String, Actor> officers = new HashMap<>();

    /**
     * @param cases the engine
     * @param application the application every case submits, with a fresh submission key each
     * @param outputs the outputs to approve each matter with, by "department/matter"
     */
    EngineBench(Cases cases, Submission application, Map<String, Map<String, String>> outputs) {
        this.cases = cases;
        this.application = application;
        this.outputs = outputs;
        for (String key : outputs.keySet()) {
            String department = key.substring(0, key.indexOf('/'));
            officers.computeIfAbsent(department, d -> new Actor("bench-" + d, Set.of(d), false));
        }
    }

    /** Runs {@code count} cases on {@code threads} threads and returns what was measured. */
    Result run(int count, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> misses = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger completed = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker(misses));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tanghulu-bench");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Worker w : workers) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            w.driveOneCase();
                            completed.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add("case " + (i + 1) + ": " + e);
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Latencies submit = new Latencies();
        Latencies workList = new Latencies();
        Latencies completion = new Latencies();
        for (Worker w : workers) {
            submit.addAll(w.submit);
            workList.addAll(w.workList);
            completion.addAll(w.completion);
        }
        return new Result(count, threads, completed.get(), List.copyOf(failures), List.copyOf(misses), wall, submit,
                workList, completion);
    }

    private static boolean listed(List<TaskView> list, TaskView task) {
        return list.stream().anyMatch(t -> t.id() == task.id());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One thread's case driver and its measurements. */
    private final class Worker {
        final Latencies submit = new Latencies();
        final Latencies workList = new Latencies();
        final Latencies completion = new Latencies();
        final List<String> misses;

        Worker(List<String> misses) {
            this.misses = misses;
        }

        void driveOneCase() {
            Submission s = new Submission(application.group(), UUID.randomUUID().toString(), application.applicantType(),
                    application.applicantName(), application.values(), application.materials(),
                    application.contactPhone(), application.contactEmail(), application.owner());
            long t0 = System.nanoTime();
            Receipt receipt = cases.submit(s);
            submit.add(System.nanoTime() - t0);
            for (int wave = 0; wave < MAX_WAVES; wave++) {
                CaseView view = cases.applicantView(receipt.trackingNumber(), receipt.accessKey());
                if (view.state() == CaseState.COMPLETED) {
                    return;
                }
                if (view.state() != CaseState.OPEN) {
                    throw new IllegalStateException(receipt.trackingNumber() + " ended " + view.state());
                }
                List<TaskView> ready = view.tasks().stream().filter(t -> t.state() == TaskState.READY).toList();
                if (ready.isEmpty()) {
                    throw new IllegalStateException(receipt.trackingNumber() + " is OPEN with no READY task: "
                            + view.tasks().stream().map(t -> t.matter() + "=" + t.state()).toList());
                }
                for (TaskView task : ready) {
                    complete(task);
                }
            }
            throw new IllegalStateException(receipt.trackingNumber() + " still OPEN after " + MAX_WAVES + " waves");
        }

        private void complete(TaskView task) {
            String department = task.matter().department();
            String key = department + "/" + task.matter().matter();
            Map<String, String> given = outputs.get(key);
            Actor officer = officers.get(department);
            if (given == null || officer == null) {
                throw new IllegalStateException("no outputs for " + key + " in the outputs file");
            }
            long t0 = System.nanoTime();
            List<TaskView> list = cases.workList(department, officer, false);
            workList.add(System.nanoTime() - t0);
            if (!listed(list, task)) {
                int tries = 0;
                while (!listed(list, task) && tries++ < WORK_LIST_RETRIES) {
                    sleep(10);
                    list = cases.workList(department, officer, false);
                }
                String miss = "task " + task.id() + " (" + key + ", case " + task.trackingNumber() + ") was READY but not in "
                        + department + "'s work list" + (listed(list, task) ? "; listed again " + tries + " quer(ies) later"
                                : ", nor in " + WORK_LIST_RETRIES + " more queries");
                misses.add(miss);
                if (!listed(list, task)) {
                    throw new IllegalStateException(miss);
                }
            }
            long t1 = System.nanoTime();
            cases.claim(task.id(), officer);
            TaskView decided = cases.decide(task.id(), officer, new Decision(Decision.Kind.APPROVE, given, null, null));
            completion.add(System.nanoTime() - t1);
            if (decided.state() != TaskState.APPROVED) {
                throw new IllegalStateException("task " + task.id() + " (" + key + ") is " + decided.state() + " after approval");
            }
        }
    }
}
