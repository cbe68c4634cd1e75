package org.tanghulu.catalog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.Department;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.catalog.DepartmentGateway.Check;
import org.tanghulu.catalog.Outcome;

/**
 * The one path by which the platform calls department code: on named threads, at most
 * {@code perDepartment} calls into one department at a time, under a deadline, with every
 * failure turned into an {@link Outcome} instead of an exception.
 *
 * <p>A call that overruns its deadline is interrupted and abandoned, but it keeps its
 * department's slot until the department code gives the thread back. A department whose
 * slots are all held by such overrunning calls is refused at once; other departments have
 * their own slots and are not affected. Since every running call holds a slot, the threads
 * are bounded by the slots and need no pool limit of their own.
 */
public final class GuardedCaller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedCaller.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /**
     * One call for {@link #callAll}.
     *
     * @param who the department (or bundle) called: calls are limited per {@code who}
     * @param what the operation, for messages
     * @param code the department code; a {@code null} result counts as a failure
     */
    public record Call<T>(String who, String what, Callable<T> code) {
    }

    private final ThreadPoolExecutor pool;
    private final Duration timeout;
    private final int perDepartment;
    private final Map<String, Slots> slots = new ConcurrentHashMap<>();

    /**
     * @param perDepartment how many calls into one department may run at the same time
     * @param timeout the deadline of one call, or of all calls of one {@link #callAll}
     */
    GuardedCaller(int perDepartment, Duration timeout) {
        if (perDepartment < 1) {
            throw new IllegalArgumentException("perDepartment must be at least 1: " + perDepartment);
        }
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "tanghulu-department-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timeout = timeout;
        this.perDepartment = perDepartment;
    }

    /** One guarded call under its own deadline. */
    <T> Outcome<T> call(String who, String what, Callable<T> code) {
        return callAll(List.of(new Call<>(who, what, code))).get(0);
    }

    /**
     * Runs departments' {@link Department#check}s through {@link #callAll}, each on a read-only view
     * of its values; a check of a department that is not active fails without a call.
     *
     * @param service the active department of an id, if there is one
     * @return one outcome per check, in the order of {@code checks}
     */
    List<Outcome<List<FieldProblem>>> checks(List<Check> checks, Function<String, Optional<Department>> service) {
        List<Outcome<List<FieldProblem>>> outcomes = new ArrayList<>(Collections.nCopies(checks.size(), null));
        List<Integer> called = new ArrayList<>();
        List<Call<List<FieldProblem>>> calls = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            Optional<Department> department = service.apply(c.department());
            if (department.isEmpty()) {
                outcomes.set(i, new Outcome<>(null, "check(" + c.matter() + ") not called: department '" + c.department()
                        + "' is not active"));
                continue;
            }
            Map<String, String> readOnly = Collections.unmodifiableMap(c.values());
            called.add(i);
            calls.add(new Call<>(c.department(), "check(" + c.matter() + ")", () -> department.get().check(c.matter(), readOnly)));
        }
        List<Outcome<List<FieldProblem>>> results = callAll(calls);
        for (int j = 0; j < called.size(); j++) {
            outcomes.set(called.get(j), results.get(j));
        }
        return outcomes;
    }

    /**
     * Runs the calls in parallel (as far as each department's limit allows) under one common
     * deadline: the whole list takes at most about one timeout, not one per call.
     *
     * @return one outcome per call, in the order of {@code calls}
     */
    <T> List<Outcome<T>> callAll(List<Call<T>> calls) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Running<T>> running = new ArrayList<>();
        for (Call<T> c : calls) {
            running.add(new Running<>(c, slots.computeIfAbsent(c.who(), w -> new Slots(perDepartment)), deadline));
        }
        try {
            start(running, deadline);
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Running<T> r : running) {
                outcomes.add(r.refusal != null ? fail(r.call, r.refusal, null) : await(r, deadline));
            }
            return outcomes;
        } catch (InterruptedException e) {
            running.forEach(Running::abandon);
            Thread.currentThread().interrupt();
            return running.stream().map(r -> fail(r.call, "interrupted while the platform was stopping", null)).toList();
        }
    }

    /** Starts each call once its department has a free slot, until the deadline; refuses stuck departments at once. */
    private <T> void start(List<Running<T>> running, long deadline) throws InterruptedException {
        List<Running<T>> waiting = new ArrayList<>(running);
        while (!waiting.isEmpty()) {
            if (deadline - System.nanoTime() <= 0) {
                waiting.forEach(r -> r.refusal = "not called within " + timeout.toMillis() + " ms: " + perDepartment
                        + " call(s) to " + r.call.who() + " already running");
                return;
            }
            for (Iterator<Running<T>> i = waiting.iterator(); i.hasNext();) {
                Running<T> r = i.next();
                int stuck = r.slots.stuck();
                if (stuck > 0) {
                    r.refusal = "not called: " + stuck + " earlier call(s) to " + r.call.who()
                            + " still running past their timeout";
                    i.remove();
                } else if (r.slots.permits.tryAcquire()) {
                    launch(r);
                    i.remove();
                }
            }
            long left = deadline - System.nanoTime();
            if (!waiting.isEmpty() && left > 0) {
                Running<T> first = waiting.get(0);
                if (first.slots.permits.tryAcquire(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS)) {
                    launch(first);
                    waiting.remove(0);
                }
            }
        }
    }

    private <T> void launch(Running<T> r) {
        r.slots.running.add(r);
        try {
            pool.execute(r);
        } catch (RejectedExecutionException e) {
            r.slots.release(r);
            r.refusal = "not called: the platform is stopping";
        }
    }

    private <T> Outcome<T> await(Running<T> r, long deadline) throws InterruptedException {
        try {
            T value = r.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return value == null ? fail(r.call, "returned nothing (null)", null) : new Outcome<>(value, null);
        } catch (TimeoutException e) {
            r.abandon();
            return fail(r.call, "did not answer within " + timeout.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return fail(r.call, "failed: " + message, cause);
        }
    }

    private static <T> Outcome<T> fail(Call<T> call, String why, Throwable cause) {
        LOG.warn("{}: {} {}", call.who(), call.what(), why, cause);
        return new Outcome<>(null, call.what() + " " + why);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** One department's slots: a permit per running call, and the calls that hold them. */
    private static final class Slots {
        final Semaphore permits;
        final Set<Running<?>> running = ConcurrentHashMap.newKeySet();
        final int limit;

        Slots(int limit) {
            this.permits = new Semaphore(limit);
            this.limit = limit;
        }

        /** @return how many calls hold the slots past their deadline, if they hold all of them; else 0 */
        int stuck() {
            long now = System.nanoTime();
            List<Running<?>> holding = List.copyOf(running);
            return holding.size() >= limit && holding.stream().allMatch(r -> now - r.deadline >= 0) ? holding.size() : 0;
        }

        void release(Running<?> r) {
            if (running.remove(r)) {
                permits.release();
            }
        }
    }

    /** A call that holds (or waits for) a slot; it gives the slot back when the department code returns. */
    private static final class Running<T> implements Runnable {
        final Call<T> call;
        final Slots slots;
        final long deadline;
        final CompletableFuture<T> result = new CompletableFuture<>();
        String refusal;
        private Thread runner;
        private boolean abandoned;

        Running(Call<T> call, Slots slots, long deadline) {
            this.call = call;
            this.slots = slots;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (abandoned) {
                    slots.release(this);
                    return;
                }
                runner = Thread.currentThread();
            }
            try {
                result.complete(call.code().call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    runner = null;
                    Thread.interrupted(); // an interrupt meant for this call does not reach the thread's next one
                }
                slots.release(this);
            }
        }

        /** The caller gave up: interrupt the department code if it runs; its slot stays taken until it returns. */
        synchronized void abandon() {
            abandoned = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
    }
}
