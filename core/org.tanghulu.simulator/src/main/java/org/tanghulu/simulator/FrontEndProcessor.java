package org.tanghulu.simulator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.h2.tools.Server;

/**
 * The front-end processor (前置机) of some departments, for FRONT_END mode: an H2 database server on a
 * TCP port that the platform writes its batches of requests into ({@code fe_request}) and reads the
 * results from ({@code fe_result}); the platform makes the tables. Every 300 ms it answers the requests
 * it has not answered yet, as the {@link DepartmentSystem} it belongs to would, under the same
 * switches: failing answers nothing, slow waits before each answer, duplicating writes each result
 * again under another message id (same answerId: a replay) and then with a new answerId (a second
 * decision), lying writes the result for a task that was never sent.
 */
final class FrontEndProcessor {

    private final DepartmentSystem system;
    private final List<String> departments;
    private final Path directory;
    private final int port;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "front-end-processor");
        t.setDaemon(true);
        return t;
    });
    private Server server; // null while down; guarded by this
    private long cursor;

    FrontEndProcessor(DepartmentSystem system, int port, Path directory, List<String> departments) {
        this.system = system;
        this.port = port;
        this.directory = directory;
        this.departments = List.copyOf(departments);
    }

    synchronized FrontEndProcessor start() {
        up();
        poller.scheduleWithFixedDelay(this::answerNew, 300, 300, TimeUnit.MILLISECONDS);
        return this;
    }

    private void up() {
        try {
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", directory.toString())
                    .start();
        } catch (SQLException e) {
            throw new IllegalArgumentException("the front-end processor cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL the platform links ({@code tanghulu:exchange-link --front-end}). */
    synchronized String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + (server == null ? port : server.getPort()) + "/fe;USER=sa";
    }

    /** Stops the database server (connections refused), or starts it again on the same port with the same data. */
    synchronized void down(boolean on) {
        if (on && server != null) {
            server.stop();
            server = null;
        } else if (!on && server == null) {
            up();
        }
    }

    synchronized void stop() {
        poller.shutdownNow();
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private void answerNew() {
        String url;
        synchronized (this) {
            if (server == null) {
                return;
            }
            url = url();
        }
        try (Connection c = DriverManager.getConnection(url)) {
            if (!c.getMetaData().getTables(null, null, "FE_REQUEST", null).next()) {
                return; // the platform has not linked this front-end processor yet
            }
            try (PreparedStatement q = c.prepareStatement("SELECT seq, message_id, department, body FROM fe_request WHERE seq > ?"
                    + " ORDER BY seq")) {
                q.setLong(1, cursor);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        if (system.failing()) {
                            return; // the department's side is down: the requests wait in the tables
                        }
                        long seq = r.getLong(1);
                        String department = r.getString(3);
                        if (departments.contains(department)) {
                            answer(c, r.getString(2), department, r.getString(4));
                        }
                        cursor = seq;
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            DepartmentSystem.log("front-end processor: " + e.getMessage());
        }
    }

    private void answer(Connection c, String messageId, String department, String body) throws SQLException {
        JsonNode request = DepartmentSystem.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (request == null || !request.path("task").canConvertToLong()) {
            DepartmentSystem.log(department + ": front-end request " + messageId + " is not JSON with a task");
            return;
        }
        system.received(request);
        system.pause();
        ObjectNode answer = system.decide(department, request, system.decision(), null);
        if (system.lying()) {
            answer.put("task", request.path("task").asLong() + 1_000_000);
        }
        write(c, "res-" + messageId, department, answer);
        if (system.duplicating()) {
            write(c, "res-" + messageId + "-again", department, answer);
            ObjectNode second = answer.deepCopy();
            second.put("answerId", answer.path("answerId").asText() + "-2");
            write(c, "res-" + messageId + "-second", department, second);
        }
        DepartmentSystem.log(department + ": front-end task " + request.path("task").asLong() + " -> " + answer.path("kind").asText());
    }

    private static void write(Connection c, String messageId, String department, JsonNode answer) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO fe_result (message_id, department, body, created_at)"
                + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM fe_result WHERE message_id = ?)")) {
            p.setString(1, messageId);
            p.setString(2, department);
            p.setString(3, answer.toString());
            p.setTimestamp(4, Timestamp.from(Instant.now()));
            p.setString(5, messageId);
            p.executeUpdate();
        }
    }
}
