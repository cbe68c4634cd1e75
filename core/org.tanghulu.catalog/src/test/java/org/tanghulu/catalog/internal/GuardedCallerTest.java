package org.tanghulu.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tanghulu.catalog.internal.GuardedCaller.Call;
import org.tanghulu.catalog.Outcome;

class GuardedCallerTest {

    @Test
    void valueIsReturned() {
        try (GuardedCaller caller = new GuardedCaller(1, Duration.ofSeconds(5))) {
            Outcome<String> o = caller.call("aic", "definition()", () -> "ok");
            assertFalse(o.failed());
            assertEquals("ok", o.value());
        }
    }

    @Test
    void exceptionsAndNullBecomeRecordedFailures() {
        try (GuardedCaller caller = new GuardedCaller(1, Duration.ofSeconds(5))) {
            Outcome<String> thrown = caller.call("aic", "definition()", () -> {
                throw new IllegalStateException("legacy system down");
            });
            assertEquals("definition() failed: legacy system down", thrown.failure());
            assertEquals("definition() returned nothing (null)", caller.call("aic", "definition()", () -> null).failure());
        }
    }

    @Test
    void hangingCallIsCutOffAndInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (GuardedCaller caller = new GuardedCaller(1, Duration.ofMillis(50))) {
            Outcome<String> o = caller.call("aic", "definition()", () -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "late";
            });
            assertEquals("definition() did not answer within 50 ms", o.failure());
            assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the hanging call was not interrupted");
            // the interrupted call gives its slot back as soon as it returns; the department's next call runs
            Outcome<String> again = caller.call("aic", "definition()", () -> "again");
            for (int i = 0; i < 100 && again.failed(); i++) {
                Thread.sleep(20);
                again = caller.call("aic", "definition()", () -> "again");
            }
            assertEquals("again", again.value(), "the slot was not given back");
        }
    }

    @Test
    void departmentIgnoringInterruptsIsRefusedAtOnceWhileOthersAreServed() {
        Semaphore never = new Semaphore(0);
        try (GuardedCaller caller = new GuardedCaller(2, Duration.ofMillis(300))) {
            // the hanging department takes both its slots and keeps them past their timeout
            List<Outcome<Boolean>> hung = caller.callAll(List.of(new Call<>("a", "check(x)", () -> {
                never.acquireUninterruptibly();
                return true;
            }), new Call<>("a", "check(y)", () -> {
                never.acquireUninterruptibly();
                return true;
            })));
            assertEquals("check(x) did not answer within 300 ms", hung.get(0).failure());
            assertEquals("check(y) did not answer within 300 ms", hung.get(1).failure());

            for (int i = 0; i < 20; i++) { // far more calls than the former shared pool had threads
                long start = System.nanoTime();
                Outcome<Boolean> refused = caller.call("a", "check(x)", () -> true);
                assertEquals("check(x) not called: 2 earlier call(s) to a still running past their timeout",
                        refused.failure(), "the failure is recorded");
                assertTrue(millisSince(start) < 150, "a stuck department is refused at once, not after a timeout");

                start = System.nanoTime();
                Outcome<String> other = caller.call("b" + (i % 3), "check(z)", () -> {
                    Thread.sleep(5);
                    return "served";
                });
                assertEquals("served", other.value(), "another department is served");
                assertTrue(millisSince(start) < 250, "another department does not wait for the stuck one");
            }
            never.release(2);
        }
    }

    @Test
    void checksOfOneSubmissionRunInParallelUnderOneDeadline() {
        int n = 6;
        long timeout = 1000;
        try (GuardedCaller caller = new GuardedCaller(2, Duration.ofMillis(timeout))) {
            List<Call<String>> calls = IntStream.range(0, n).mapToObj(i -> new Call<>("dept" + i, "check(m)", () -> {
                Thread.sleep(timeout / 2);
                return "ok" + i;
            })).toList();
            long start = System.nanoTime();
            List<Outcome<String>> outcomes = caller.callAll(calls);
            long took = millisSince(start);
            for (int i = 0; i < n; i++) {
                assertEquals("ok" + i, outcomes.get(i).value(), "outcomes come in the order of the calls");
            }
            assertTrue(took < timeout, n + " checks of " + timeout / 2 + " ms each took " + took + " ms, more than one deadline");
        }
    }

    @Test
    void commonDeadlineCutsOffWhatIsStillRunning() {
        try (GuardedCaller caller = new GuardedCaller(2, Duration.ofMillis(300))) {
            long start = System.nanoTime();
            List<Outcome<String>> outcomes = caller.callAll(List.of(
                    new Call<>("a", "check(fast)", () -> "fast"),
                    new Call<>("b", "check(slow)", () -> {
                        Thread.sleep(200);
                        return "slow";
                    }),
                    new Call<>("c", "check(hangs)", () -> {
                        Thread.sleep(60_000);
                        return "never";
                    })));
            long took = millisSince(start);
            assertEquals("fast", outcomes.get(0).value());
            assertEquals("slow", outcomes.get(1).value());
            assertEquals("check(hangs) did not answer within 300 ms", outcomes.get(2).failure());
            assertTrue(took < 600, "three calls took " + took + " ms, more than about one deadline of 300 ms");
        }
    }

    @Test
    void perDepartmentLimitIsHonoured() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (GuardedCaller caller = new GuardedCaller(2, Duration.ofSeconds(5))) {
            List<Call<Integer>> calls = IntStream.range(0, 6).mapToObj(i -> new Call<>("a", "check(m" + i + ")", () -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                Thread.sleep(100);
                now.decrementAndGet();
                return i;
            })).toList();
            long start = System.nanoTime();
            List<Outcome<Integer>> outcomes = caller.callAll(calls);
            long took = millisSince(start);
            for (int i = 0; i < 6; i++) {
                assertEquals(i, outcomes.get(i).value());
            }
            assertEquals(2, most.get(), "calls into one department at the same time");
            assertTrue(took >= 280, "6 calls of 100 ms two at a time took only " + took + " ms");
        }
    }

    @Test
    void callsWaitingForABusyDepartmentFailAtTheDeadline() {
        Semaphore release = new Semaphore(0);
        try (GuardedCaller caller = new GuardedCaller(1, Duration.ofMillis(200))) {
            List<Outcome<Boolean>> outcomes = caller.callAll(List.of(new Call<>("a", "check(x)", () -> {
                release.acquireUninterruptibly();
                return true;
            }), new Call<>("a", "check(y)", () -> true)));
            assertEquals("check(x) did not answer within 200 ms", outcomes.get(0).failure());
            assertEquals("check(y) not called within 200 ms: 1 call(s) to a already running", outcomes.get(1).failure());
            release.release();
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
