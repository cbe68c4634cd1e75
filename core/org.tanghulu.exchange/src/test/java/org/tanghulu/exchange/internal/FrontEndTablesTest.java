package org.tanghulu.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.exchange.LinkStatus;
import org.tanghulu.exchange.ParkedResult;
import org.tanghulu.exchange.TaskExchange.State;

/**
 * FRONT_END over a front-end processor's exchange tables, in a real database server of its own: H2 over
 * TCP and PostgreSQL on 127.0.0.1:5432 (database {@code tanghulu_fe_test}). The test plays the
 * department's front-end processor with plain JDBC: it reads {@code fe_request} and writes
 * {@code fe_result}.
 */
class FrontEndTablesTest {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private DirectFixture f;
    private Server h2;
    private Path h2Dir;
    private String url;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
        if (h2 != null) {
            h2.stop();
        }
    }

    private void start(String database) throws Exception {
        f = new DirectFixture(2000, 60);
        if (database.equals("h2")) {
            h2Dir = Files.createTempDirectory("front-end");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", h2Dir.toString()).start();
            url = "jdbc:h2:tcp://127.0.0.1:" + port + "/fe;USER=sa";
        } else {
            try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS tanghulu_fe_test");
                s.execute("CREATE DATABASE tanghulu_fe_test");
            }
            url = PG + "tanghulu_fe_test?user=postgres";
        }
        f.sender.linkFrontEnd("stats", url, "");
    }

    private Connection frontEnd() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private long task() {
        long id = f.cases.add();
        f.sender.enqueue(DirectFixture.TN, id, "stats", "registration", FrontEndExchange.MODE);
        return id;
    }

    /** @return the requests as the front-end processor sees them: task id and batch id */
    private List<String[]> requests() throws SQLException {
        List<String[]> all = new ArrayList<>();
        try (Connection c = frontEnd(); ResultSet r = c.createStatement().executeQuery(
                "SELECT task_id, batch_id, body FROM fe_request ORDER BY seq")) {
            while (r.next()) {
                all.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        return all;
    }

    private void result(String messageId, String department, String body) throws SQLException {
        try (Connection c = frontEnd(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO fe_result (message_id, department, body, created_at) VALUES (?, ?, ?, ?)")) {
            p.setString(1, messageId);
            p.setString(2, department);
            p.setString(3, body);
            p.setTimestamp(4, Timestamp.from(Instant.now()));
            p.executeUpdate();
        }
    }

    private static String approved(String answerId, long task) {
        return "{\"answerId\":\"" + answerId + "\",\"task\":" + task + ",\"kind\":\"APPROVED\",\"outputs\":{\"reg-no\":\"FE-" + task
                + "\"}}";
    }

    private List<String> dossier() {
        return f.dossiers.entries(DirectFixture.TN).stream().map(e -> e.mode() + " " + e.direction() + " " + e.kind()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aBatchGoesOutInOneGoAndItsResultsDecideEachTaskOnceInAnyOrderAndOnReplay(String database) throws Exception {
        start(database);
        long a = task();
        long b = task();
        long c = task();
        f.frontEnd.round(Instant.now());
        List<String[]> sent = requests();
        assertEquals(List.of(String.valueOf(a), String.valueOf(b), String.valueOf(c)), sent.stream().map(r -> r[0]).toList());
        assertEquals(1, sent.stream().map(r -> r[1]).distinct().count(), "one batch");
        assertTrue(sent.get(0)[2].contains("某某科技有限公司") && !sent.get(0)[2].contains("callback"), sent.get(0)[2]);
        assertEquals(State.WAITING, f.row(a).state);

        // the front-end processor answers in its own order: c, a, b
        result("r-c", "stats", approved("ans-c", c));
        result("r-a", "stats", approved("ans-a", a));
        result("r-b", "stats", approved("ans-b", b));
        f.frontEnd.round(Instant.now());
        for (long t : List.of(a, b, c)) {
            assertEquals(TaskState.APPROVED, f.cases.tasks.get(t).state());
            assertEquals("exchange:stats", f.cases.tasks.get(t).assignee());
            assertEquals("FE-" + t, f.cases.tasks.get(t).outputs().get("reg-no"));
            assertEquals(State.DONE, f.row(t).state);
        }
        assertEquals(3, f.cases.decisions.get());

        // a crash before the cursor was saved: every result is read again, and decides nothing
        f.store.changeLink("stats", l -> l.resultCursor = 0, l -> null);
        f.frontEnd.round(Instant.now());
        assertEquals(3, f.cases.decisions.get());
        assertTrue(f.sender.parked(10).isEmpty(), "a replay is no poison");
        // a second, different result for a decided task decides nothing and is parked
        result("r-a2", "stats", approved("ans-a-again", a));
        f.frontEnd.round(Instant.now());
        assertEquals(3, f.cases.decisions.get());
        assertEquals(List.of("r-a2"), f.sender.parked(10).stream().map(ParkedResult::messageId).toList());
        assertEquals(List.of("FRONT_END OUT REQUEST", "FRONT_END OUT REQUEST", "FRONT_END OUT REQUEST", "FRONT_END IN RESULT",
                "FRONT_END IN RESULT", "FRONT_END IN RESULT", "FRONT_END IN RESULT"), dossier());
        assertTrue(f.dossiers.verify(DirectFixture.TN).intact());
        LinkStatus link = f.sender.links().get(0);
        assertEquals(LinkStatus.TABLES, link.transport());
        assertEquals(1, link.parked());
        assertNotNull(link.lastSuccess());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void theOutboxKeepsTasksWhileTheFrontEndIsDownAndCatchesUpAfterNothingLostNothingDoubled(String database) throws Exception {
        start(database);
        int port = h2.getPort();
        h2.stop();
        long a = task();
        long b = task();
        f.frontEnd.round(Instant.now());
        assertEquals(State.QUEUED, f.row(a).state);
        assertEquals(2, f.sender.links().get(0).queued(), "the outbox's depth");
        assertNotNull(f.sender.links().get(0).lastFailure());

        h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", h2Dir.toString()).start();
        f.frontEnd.round(Instant.now().plusSeconds(5));
        assertEquals(2, requests().size());
        assertEquals(State.WAITING, f.row(b).state);

        // killed after the front-end processor committed the batch, before the platform recorded it
        f.store.changeTask(a, Instant.now(), r -> r.state = State.QUEUED);
        f.frontEnd.round(Instant.now().plusSeconds(10));
        assertEquals(2, requests().size(), "the same request is not written twice");
        assertEquals(State.WAITING, f.row(a).state);
        result("r-a", "stats", approved("ans-a", a));
        result("r-b", "stats", approved("ans-b", b));
        f.frontEnd.round(Instant.now().plusSeconds(10));
        assertEquals(2, f.cases.decisions.get());
        assertEquals(0, f.sender.links().get(0).queued());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void poisonIsParkedWithItsReasonTheRestGoesOnAndAMendedOneIsSentBack(String database) throws Exception {
        start(database);
        long a = task();
        f.frontEnd.round(Instant.now());
        long unknown = f.cases.add(); // a task of stats never sent: its result is parked until it is
        result("r-junk", "stats", "{not json");
        result("r-unknown", "stats", approved("ans-u", unknown));
        f.store.enqueue(DirectFixture.TN, 999, "aic", "licence", FrontEndExchange.MODE, Instant.now());
        result("r-other", "stats", approved("ans-o", 999));
        result("r-stale", "stats", "{\"answerId\":\"ans-s\",\"task\":" + a + ",\"trackingNumber\":\"TH20990101000001\","
                + "\"kind\":\"APPROVED\",\"outputs\":{\"reg-no\":\"X\"}}");
        result("r-bad", "stats", "{\"answerId\":\"ans-bad\",\"task\":" + a + ",\"kind\":\"APPROVED\",\"outputs\":{}}");
        f.frontEnd.round(Instant.now());
        List<ParkedResult> parked = new ArrayList<>(f.sender.parked(10));
        assertEquals(List.of("r-junk", "r-unknown", "r-other", "r-stale", "r-bad"), parked.stream().map(ParkedResult::messageId)
                .toList());
        assertTrue(parked.get(3).reason().contains("belongs to case " + DirectFixture.TN), parked.get(3).reason());
        parked.remove(3);
        assertTrue(parked.get(0).reason().contains("not JSON"), parked.get(0).reason());
        assertTrue(parked.get(1).reason().contains("never sent"), parked.get(1).reason());
        assertTrue(parked.get(2).reason().contains("a task of department aic"), parked.get(2).reason());
        assertTrue(parked.get(3).reason().contains("reg-no"), parked.get(3).reason());
        assertEquals(State.DESK, f.row(a).state, "a decision the platform refused hands the task to the desk");
        assertEquals(TaskState.READY, f.cases.tasks.get(a).state(), "and the system gives its claim back, for an officer to take");

        ParkedResult junk = f.sender.resend(parked.get(0).id());
        assertNotNull(junk.reason(), "still unreadable");
        f.sender.enqueue(DirectFixture.TN, unknown, "stats", "registration", FrontEndExchange.MODE);
        ParkedResult mended = f.sender.resend(parked.get(1).id());
        assertNull(mended.reason(), mended.reason());
        assertEquals(TaskState.APPROVED, f.cases.tasks.get(unknown).state());
        assertEquals(4, f.sender.parked(10).size());
        Refusal gone = assertThrows(Refusal.class, () -> f.sender.resend(parked.get(1).id()));
        assertEquals(Refusal.Kind.NOT_FOUND, gone.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void aFrontEndThatIsNoServerOrCannotBeReachedIsNotLinked(String database) throws Exception {
        start(database);
        Refusal file = assertThrows(Refusal.class, () -> f.sender.linkFrontEnd("stats", "jdbc:h2:file:/tmp/x", ""));
        assertEquals(Refusal.Kind.INVALID, file.kind());
        Refusal down = assertThrows(Refusal.class, () -> f.sender.linkFrontEnd("stats", "jdbc:h2:tcp://127.0.0.1:9/fe;USER=sa", ""));
        assertEquals(Refusal.Kind.UNAVAILABLE, down.kind());
        assertEquals(url, f.sender.links().get(0).url(), "the link stays as it was");

        // etc/: a front-end processor behind a broker is linked as one, a URL of no front-end processor not at all
        new FrontEndExchange(f.store, new Decider(f.cases, f.dossiers), f.tasks, (u, p) -> {
            throw new java.sql.SQLException("not reached on start");
        }, DirectFixture.config(2000, 60), java.util.Map.of("link.ntax.frontEnd", "amqp://guest@127.0.0.1:5672",
                "link.lss.frontEnd", "jdbc:h2:file:/tmp/x"));
        assertEquals(LinkEntity.QUEUE, f.store.link("ntax").orElseThrow().transport);
        assertTrue(f.store.link("lss").isEmpty(), "not a front-end processor's URL");
    }
}
