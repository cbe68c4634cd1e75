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
 * results from ({@code fe_result}); the platform makes the tables. And, given an AMQP URI, a consumer of
 * the RabbitMQ queues {@code tanghulu.fe.<department>.requests} that publishes to
 * {@code tanghulu.fe.<department>.results}. Every 300 ms it answers the requests it has not answered
 * yet, as the {@link DepartmentSystem} it belongs to would, under the same switches: failing answers nothing, slow waits before each answer, duplicating writes each result
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
    /** Holds the database open while the server is up, so that its WRITE_DELAY 0 stays in force; guarded by this. */
    private Connection keeper;
    private long cursor;
    private final String amqp;
    private com.rabbitmq.client.Connection broker; // for the queue transport; made when first needed

    /**
     * @param port the exchange tables' database port, or -1 for none
     * @param amqp the broker's URI for the queue transport, or {@code null} for none
     */
    FrontEndProcessor(DepartmentSystem system, int port, String amqp, Path directory, List<String> departments) {
        this.system = system;
        this.amqp = amqp;
        this.port = port;
        this.directory = directory;
        this.departments = List.copyOf(departments);
    }

    synchronized FrontEndProcessor start() {
        if (port >= 0) {
            up();
            poller.scheduleWithFixedDelay(this::answerNew, 300, 300, TimeUnit.MILLISECONDS);
        }
        if (amqp != null) {
            poller.scheduleWithFixedDelay(this::answerQueued, 300, 300, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void up() {
        try {
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", directory.toString())
                    .start();
            // a front-end processor keeps what it acknowledged: every commit on disk at once (H2 waits 500 ms by
            // default, so a killed machine would lose the platform's last requests). H2 2.2 stores the setting but a
            // database opened again runs with the default (a request the platform had committed was lost to a kill in
            // CI), so this connection holds the database open, with the setting in force, while the server is up
            keeper = DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/fe;USER=sa");
            try (java.sql.Statement s = keeper.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("the front-end processor cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The URL the platform links ({@code tanghulu:exchange-link --front-end}): the JDBC URL, or the AMQP URI without tables. */
    synchronized String url() {
        return port < 0 ? amqp : "jdbc:h2:tcp://127.0.0.1:" + (server == null ? port : server.getPort()) + "/fe;USER=sa";
    }

    /** Stops the database server (connections refused), or starts it again on the same port with the same data. */
    synchronized void down(boolean on) {
        if (on && server != null) {
            release();
            server.stop();
            server = null;
        } else if (!on && server == null) {
            up();
        }
    }

    synchronized void stop() {
        poller.shutdownNow();
        if (broker != null) {
            try {
                broker.close();
            } catch (Exception e) {
                broker.abort();
            }
        }
        if (server != null) {
            release();
            server.stop();
            server = null;
        }
    }

    private void release() {
        try {
            if (keeper != null) {
                keeper.close();
            }
        } catch (SQLException e) {
            DepartmentSystem.log("front-end processor: " + e);
        }
        keeper = null;
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
                            answer((id, d, answer) -> write(c, id, d, answer), r.getString(2), department, r.getString(4));
                        }
                        cursor = seq;
                    }
                }
            }
        } catch (Exception | LinkageError e) { // an error would end the schedule silently
            DepartmentSystem.log("front-end processor: " + e);
        }
    }

    /** Where the results go: a table or a queue. */
    @FunctionalInterface
    private interface Out {
        void write(String messageId, String department, JsonNode answer) throws Exception;
    }

    private void answer(Out out, String messageId, String department, String body) throws Exception {
        JsonNode request = DepartmentSystem.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (request == null || !request.path("task").canConvertToLong()) {
            DepartmentSystem.log(department + ": front-end request " + messageId + " is not JSON with a task");
            return;
        }
        system.received(request);
        system.pause();
        // the same message again (the platform sends at least once over a broker) gets the same answer
        ObjectNode answer = answers.computeIfAbsent(messageId, id -> system.decide(department, request, system.decision(), null));
        if (system.lying()) {
            answer = answer.deepCopy().put("task", request.path("task").asLong() + 1_000_000);
        }
        out.write("res-" + messageId, department, answer);
        if (system.duplicating()) {
            out.write("res-" + messageId + "-again", department, answer);
            ObjectNode second = answer.deepCopy();
            second.put("answerId", answer.path("answerId").asText() + "-2");
            out.write("res-" + messageId + "-second", department, second);
        }
        DepartmentSystem.log(department + ": front-end task " + request.path("task").asLong() + " -> " + answer.path("kind").asText());
    }

    private final java.util.Map<String, ObjectNode> answers = new java.util.concurrent.ConcurrentHashMap<>();

    private void answerQueued() {
        try {
            com.rabbitmq.client.Channel channel;
            synchronized (this) {
                if (broker == null || !broker.isOpen()) {
                    com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
                    factory.setUri(amqp);
                    broker = factory.newConnection("department-system-front-end");
                }
                channel = broker.createChannel();
            }
            try {
                for (String department : departments) {
                    String requests = "tanghulu.fe." + department + ".requests";
                    String results = "tanghulu.fe." + department + ".results";
                    channel.queueDeclare(requests, true, false, false, null);
                    channel.queueDeclare(results, true, false, false, null);
                    com.rabbitmq.client.GetResponse got;
                    while (!system.failing() && (got = channel.basicGet(requests, false)) != null) {
                        com.rabbitmq.client.Channel c = channel;
                        answer((messageId, d, answer) -> c.basicPublish("", results, new com.rabbitmq.client.AMQP.BasicProperties
                                .Builder().messageId(messageId).deliveryMode(2).contentType("application/json").build(),
                                answer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                                got.getProps().getMessageId(), department,
                                new String(got.getBody(), java.nio.charset.StandardCharsets.UTF_8));
                        channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
                    }
                }
            } finally {
                channel.close();
            }
        } catch (Exception | LinkageError e) { // an error would end the schedule silently
            DepartmentSystem.log("front-end processor (queues): " + e);
        }
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
