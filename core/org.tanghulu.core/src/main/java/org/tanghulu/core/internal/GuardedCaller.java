package org.tanghulu.core.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path by which the core calls department code: on a bounded, named pool,
 * under a timeout, with every failure turned into an {@link Outcome} instead of an
 * exception. A call that times out is interrupted and its thread returned to the pool
 * once the department code gives it back.
 */
public final class GuardedCaller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedCaller.class);

    /** The result of a guarded call: a value, or a failure an admin can read. */
    public record Outcome<T>(T value, String failure) {
        /** @return whether the call failed; {@link #failure()} says how */
        public boolean failed() {
            return failure != null;
        }
    }

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    GuardedCaller(int threads, int queue, Duration timeout) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "tanghulu-department-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
        this.timeout = timeout;
    }

    /**
     * @param who the department (or bundle) called, for messages
     * @param what the operation, for messages
     * @param call the department code; a {@code null} result counts as a failure
     */
    <T> Outcome<T> call(String who, String what, Callable<T> call) {
        Future<T> future;
        try {
            future = pool.submit(call);
        } catch (RejectedExecutionException e) {
            return fail(who, what, "not called: all " + pool.getMaximumPoolSize() + " department threads are busy", null);
        }
        try {
            T value = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return value == null ? fail(who, what, "returned nothing (null)", null) : new Outcome<>(value, null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return fail(who, what, "did not answer within " + timeout.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return fail(who, what, "failed: " + message, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return fail(who, what, "interrupted while the platform was stopping", null);
        }
    }

    private static <T> Outcome<T> fail(String who, String what, String why, Throwable cause) {
        LOG.warn("{}: {} {}", who, what, why, cause);
        return new Outcome<>(null, what + " " + why);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
