package org.tanghulu.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.exchange.DossierEntry;
import org.tanghulu.exchange.LinkStatus;
import org.tanghulu.exchange.TaskExchange.State;
import org.tanghulu.simulator.DepartmentSystem;

/** DIRECT against the simulator over HTTP, on H2: answers, replays, outages, the breaker, time-outs, callbacks. */
class DirectSenderTest {

    private DirectFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private List<String> dossier() {
        return f.dossiers.entries(DirectFixture.TN).stream().map(e -> e.mode() + " " + e.direction() + " " + e.kind()).toList();
    }

    @Test
    void aReadyTaskIsDecidedByTheSystemOnceEvenIfSentAgain() {
        f = new DirectFixture(3000, 60);
        long task = f.task();
        f.sender.round(Instant.now());
        assertEquals(TaskState.APPROVED, f.cases.tasks.get(task).state());
        assertEquals("exchange:stats", f.cases.tasks.get(task).assignee());
        assertEquals("SIM-" + task, f.cases.tasks.get(task).outputs().get("reg-no"));
        assertEquals(State.DONE, f.row(task).state);
        assertEquals(List.of("DIRECT OUT REQUEST", "DIRECT IN ANSWER"), dossier());
        DossierEntry request = f.dossiers.entries(DirectFixture.TN).get(0);
        assertTrue(request.payload().contains("\"company-name\":\"某某科技有限公司\""), request.payload());
        assertTrue(!request.payload().contains("not sent"), "only the matter's data goes out: " + request.payload());
        LinkStatus link = f.sender.links().get(0);
        assertEquals(List.of("registration"), link.matters());
        assertNotNull(link.lastSuccess());

        // the row did not move before a crash, but the task was decided: it is not sent again
        f.store.changeTask(task, Instant.now(), r -> r.state = State.QUEUED);
        f.sender.round(Instant.now());
        assertEquals(1, f.system.requests(task));
        assertEquals(State.DONE, f.row(task).state);
        assertTrue(f.row(task).reason.contains("closed before it was sent"), f.row(task).reason);
        assertTrue(f.dossiers.verify(DirectFixture.TN).intact());
    }

    @Test
    void anAnswerLostOnTheWayIsAskedForAgainAndDecidesOnce() {
        f = new DirectFixture(400, 60);
        f.system.slowMillis(1200); // the system decides, but its answer comes too late: lost, as in a crash
        long task = f.task();
        f.sender.round(Instant.now());
        assertEquals(State.QUEUED, f.row(task).state);
        assertEquals(TaskState.READY, f.cases.tasks.get(task).state());
        f.system.slowMillis(0);
        f.sender.round(Instant.now().plusSeconds(1));
        assertEquals(2, f.system.requests(task));
        assertEquals(TaskState.APPROVED, f.cases.tasks.get(task).state());
        assertEquals(1, f.cases.decisions.get());
        assertEquals(List.of("DIRECT OUT REQUEST", "DIRECT IN ANSWER"), dossier(), "one request (sent twice), one answer");
    }

    @Test
    void aSystemThatIsDownOpensTheBreakerTheDeskTakesOverAndAutomaticHandlingResumesAfterRecovery() throws Exception {
        f = new DirectFixture(2000, 1);
        f.system.down(true);
        long t1 = f.task();
        long t2 = f.task();
        long t3 = f.task();
        f.sender.round(Instant.now());
        f.sender.round(Instant.now());
        for (long t : List.of(t1, t2, t3)) {
            assertEquals(State.DESK, f.row(t).state, "task " + t);
            assertTrue(f.row(t).reason.contains("circuit breaker opened after 3 failures"), f.row(t).reason);
            assertEquals(TaskState.READY, f.cases.tasks.get(t).state(), "the desk decides it now");
        }
        assertEquals(LinkStatus.Breaker.OPEN, f.sender.links().get(0).breaker());
        long whileOpen = f.task();
        f.sender.round(Instant.now());
        assertEquals(State.DESK, f.row(whileOpen).state, "new tasks go to the desk while the breaker is open");
        assertEquals(0, f.system.requests(whileOpen), "and are not sent");
        assertTrue(dossier().contains("MANUAL OUT TO_DESK"), dossier().toString());

        f.system.down(false);
        Thread.sleep(1100);
        long afterRecovery = f.task();
        f.sender.round(Instant.now());
        assertEquals(State.DONE, f.row(afterRecovery).state, "the probe succeeded");
        assertEquals(TaskState.APPROVED, f.cases.tasks.get(afterRecovery).state());
        assertEquals(LinkStatus.Breaker.CLOSED, f.sender.links().get(0).breaker());

        // a task that came to the desk can be sent again by the admin
        f.sender.retry(t1);
        f.sender.round(Instant.now());
        assertEquals(TaskState.APPROVED, f.cases.tasks.get(t1).state());
    }

    @Test
    void aSlowSystemTimesOutAndTheTaskIsRetriedThenHandedToTheDesk() {
        f = new DirectFixture(300, 60);
        f.system.slowMillis(1500);
        long task = f.task();
        f.sender.round(Instant.now());
        assertEquals(State.QUEUED, f.row(task).state);
        assertEquals(1, f.row(task).attempts);
        assertTrue(f.row(task).reason.contains("no answer within 300 ms"), f.row(task).reason);
        f.sender.round(Instant.now().plusSeconds(1));
        f.sender.round(Instant.now().plusSeconds(2));
        assertEquals(State.DESK, f.row(task).state);
        assertTrue(f.row(task).reason.contains("did not answer after 3 attempts") || f.row(task).reason.contains("circuit breaker"),
                f.row(task).reason);
    }

    @Test
    void callbacksAreCheckedRecordedAndDecideOnce() {
        f = new DirectFixture(3000, 60, "--callback");
        long task = f.task();
        f.sender.round(Instant.now());
        assertEquals(State.WAITING, f.row(task).state, "the system accepted it");
        assertEquals(TaskState.READY, f.cases.tasks.get(task).state());

        String approved = "{\"answerId\":\"cb-1\",\"task\":" + task + ",\"kind\":\"APPROVED\",\"outputs\":{\"reg-no\":\"R-1\"}}";
        assertEquals(401, callback("stats", approved, "not-the-secret", now()).status());
        assertEquals(401, callback("stats", approved, DirectFixture.SECRET, String.valueOf(Instant.now().getEpochSecond() - 600))
                .status(), "a stale timestamp is a replay");
        assertEquals(401, callback("lss", approved, DirectFixture.SECRET, now()).status(), "no system of lss is linked");
        f.store.enqueue(DirectFixture.TN, 999, "aic", "licence", Decider.MODE, Instant.now());
        assertEquals(403, callback("stats", approved.replace("\"task\":" + task, "\"task\":999"), DirectFixture.SECRET, now())
                .status(), "another department's task");
        assertEquals(400, callback("stats", "{\"task\":", DirectFixture.SECRET, now()).status());
        assertEquals(0, f.cases.decisions.get());

        DirectSender.Reply ok = callback("stats", approved, DirectFixture.SECRET, now());
        assertEquals(200, ok.status(), ok.body().toString());
        assertEquals(TaskState.APPROVED, f.cases.tasks.get(task).state());
        assertEquals("R-1", f.cases.tasks.get(task).outputs().get("reg-no"));
        assertEquals(State.DONE, f.row(task).state);
        DirectSender.Reply replay = callback("stats", approved, DirectFixture.SECRET, now());
        assertEquals(200, replay.status(), "a replay is acknowledged: " + replay.body());
        assertEquals(true, replay.body().get("duplicate"));
        assertEquals(409, callback("stats", approved.replace("cb-1", "cb-2"), DirectFixture.SECRET, now()).status(),
                "a second answer on the closed task");
        assertEquals(1, f.cases.decisions.get(), "decided once");
        assertEquals(6, f.store.incidents(100).size(), "every refusal is recorded");

        long lying = f.task();
        f.sender.round(Instant.now());
        DirectSender.Reply noOutputs = callback("stats", "{\"answerId\":\"cb-3\",\"task\":" + lying + ",\"kind\":\"APPROVED\"}",
                DirectFixture.SECRET, now());
        assertEquals(422, noOutputs.status());
        assertEquals(State.DESK, f.row(lying).state);
        assertTrue(f.row(lying).reason.contains("reg-no is required"), f.row(lying).reason);
        assertTrue(f.dossiers.verify(DirectFixture.TN).intact());
        assertTrue(dossier().containsAll(List.of("DIRECT IN CALLBACK", "DIRECT IN ANSWER", "MANUAL OUT TO_DESK")), dossier().toString());
    }

    @Test
    void anUnlinkedSystemLeavesItsTasksToTheDeskAndItsCallbacksAreRefused() {
        f = new DirectFixture(3000, 60, "--callback");
        long waiting = f.task();
        f.sender.round(Instant.now());
        assertEquals(State.WAITING, f.row(waiting).state);
        long queued = f.task();
        assertTrue(f.sender.unlink("stats"));
        assertTrue(!f.sender.unlink("stats"), "nothing left to unlink");
        f.sender.round(Instant.now());
        assertEquals(State.DESK, f.row(queued).state);
        assertTrue(f.row(queued).reason.contains("no system of department stats is linked"), f.row(queued).reason);
        assertEquals(0, f.system.requests(queued));
        String approved = "{\"answerId\":\"cb-9\",\"task\":" + waiting + ",\"kind\":\"APPROVED\",\"outputs\":{\"reg-no\":\"R\"}}";
        assertEquals(401, callback("stats", approved, DirectFixture.SECRET, now()).status(), "the secret is gone");
        assertEquals(TaskState.READY, f.cases.tasks.get(waiting).state());
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private DirectSender.Reply callback(String department, String body, String secret, String timestamp) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return f.sender.callback(department, timestamp, DepartmentSystem.sign(secret, timestamp, bytes), bytes);
    }
}
