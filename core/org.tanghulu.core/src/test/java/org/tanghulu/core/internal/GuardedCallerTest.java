package org.tanghulu.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GuardedCallerTest {

    @Test
    void valueIsReturned() {
        try (GuardedCaller caller = new GuardedCaller(1, 1, Duration.ofSeconds(5))) {
            GuardedCaller.Outcome<String> o = caller.call("aic", "definition()", () -> "ok");
            assertFalse(o.failed());
            assertEquals("ok", o.value());
        }
    }

    @Test
    void exceptionsAndNullBecomeRecordedFailures() {
        try (GuardedCaller caller = new GuardedCaller(1, 1, Duration.ofSeconds(5))) {
            GuardedCaller.Outcome<String> thrown = caller.call("aic", "definition()", () -> {
                throw new IllegalStateException("legacy system down");
            });
            assertEquals("definition() failed: legacy system down", thrown.failure());
            assertEquals("definition() returned nothing (null)", caller.call("aic", "definition()", () -> null).failure());
        }
    }

    @Test
    void hangingCallIsCutOffAndInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (GuardedCaller caller = new GuardedCaller(1, 1, Duration.ofMillis(50))) {
            GuardedCaller.Outcome<String> o = caller.call("aic", "definition()", () -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "late";
            });
            assertEquals("definition() did not answer within 50 ms", o.failure());
            assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the hanging call was not interrupted");
            assertEquals("again", caller.call("aic", "definition()", () -> "again").value(), "the pool recovered");
        }
    }

    @Test
    void fullPoolRefusesInsteadOfQueueingForever() {
        Semaphore never = new Semaphore(0);
        try (GuardedCaller caller = new GuardedCaller(1, 1, Duration.ofMillis(20))) {
            // a department that ignores interruption keeps the only thread; the next call waits in the queue
            assertTrue(caller.call("a", "x", () -> {
                never.acquireUninterruptibly();
                return true;
            }).failed());
            assertTrue(caller.call("b", "x", () -> true).failed());
            assertEquals("x not called: all 1 department threads are busy", caller.call("c", "x", () -> true).failure());
            never.release();
        }
    }
}
