package org.tanghulu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepartmentSystemTest {

    private static final String SECRET = "5f2b9c0e7a1d4e8f9a3b6c2d1e0f4a5b";
    private static final String NUMBER = "京统登字110108-2026-0456";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private DepartmentSystem system;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        Path outputs = dir.resolve("outputs.json");
        JSON.writeValue(outputs.toFile(), Map.of("stats/statistical-registration",
                Map.of("statistical-registration-number", NUMBER)));
        Path secret = dir.resolve("stats.secret");
        Files.writeString(secret, SECRET + "\n");
        system = DepartmentSystem.start("--port", "0", "--department", "stats=" + secret,
                "--outputs", outputs.toString(), "--callback-delay", "50");
    }

    @AfterEach
    void stop() {
        system.stop();
    }

    @Test
    void approvesWithTheOutputFromTheFileAndAnswersARepeatTheSame() throws Exception {
        HttpResponse<String> first = post(request(45, "http://127.0.0.1:1/unused"), now(), SECRET);
        assertEquals(200, first.statusCode(), first.body());
        JsonNode answer = JSON.readTree(first.body());
        assertEquals("APPROVED", answer.path("kind").asText());
        assertEquals(45, answer.path("task").asLong());
        assertEquals(NUMBER, answer.path("outputs").path("statistical-registration-number").asText());
        assertTrue(answer.path("message").isNull());
        assertTrue(answer.path("answerId").asText().startsWith("stats-45-"));

        HttpResponse<String> again = post(request(45, "http://127.0.0.1:1/unused"), now(), SECRET);
        assertEquals(200, again.statusCode());
        assertEquals(answer, JSON.readTree(again.body()));
        assertEquals(2, system.requests(45));
        assertEquals(2, system.received().size());
    }

    @Test
    void anOutputMissingFromTheFileGetsASimulatedValueAndCorrectionNamesAField() throws Exception {
        ObjectNode request = request(46, "http://127.0.0.1:1/unused");
        request.withArray("outputs").add("other-number");
        JsonNode approved = JSON.readTree(post(request, now(), SECRET).body());
        assertEquals("SIM-46", approved.path("outputs").path("other-number").asText());

        system.decision("CORRECTION");
        JsonNode correction = JSON.readTree(post(request(47, "http://127.0.0.1:1/unused"), now(), SECRET).body());
        assertEquals("CORRECTION", correction.path("kind").asText());
        assertEquals(DepartmentSystem.CORRECTION, correction.path("message").asText());
        assertEquals("enterprise-name", correction.path("fields").path(0).asText());
    }

    @Test
    void refusesABadSignatureAStaleTimestampAndAnUnknownDepartment() throws Exception {
        HttpResponse<String> forged = post(request(45, "http://127.0.0.1:1/unused"), now(), "wrong");
        assertEquals(401, forged.statusCode());
        assertEquals("bad signature", JSON.readTree(forged.body()).path("error").asText());

        String stale = Long.toString(System.currentTimeMillis() / 1000 - 301);
        HttpResponse<String> old = post(request(45, "http://127.0.0.1:1/unused"), stale, SECRET);
        assertEquals(401, old.statusCode());
        assertEquals("stale timestamp", JSON.readTree(old.body()).path("error").asText());

        byte[] body = JSON.writeValueAsBytes(request(45, "http://127.0.0.1:1/unused"));
        String ts = now();
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base() + "/tax"))
                .header("X-Tanghulu-Timestamp", ts)
                .header("X-Tanghulu-Signature", DepartmentSystem.sign(SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        assertEquals(3, system.requests(45));
    }

    @Test
    void inCallbackModeAcceptsAndSendsTheSignedDecisionOnce() throws Exception {
        BlockingQueue<String[]> callbacks = new LinkedBlockingQueue<>();
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/exchange/callback/stats", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                callbacks.add(new String[] {exchange.getRequestHeaders().getFirst("X-Tanghulu-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Tanghulu-Signature"), body});
                exchange.sendResponseHeaders(204, -1);
            }
        });
        platform.start();
        try {
            system.callbackMode(true);
            String url = "http://127.0.0.1:" + platform.getAddress().getPort() + "/exchange/callback/stats";
            JsonNode accepted = JSON.readTree(post(request(45, url), now(), SECRET).body());
            assertEquals("ACCEPTED", accepted.path("kind").asText());
            assertTrue(accepted.path("outputs").isEmpty());
            assertEquals(accepted, JSON.readTree(post(request(45, url), now(), SECRET).body()));

            String[] callback = callbacks.poll(5, TimeUnit.SECONDS);
            assertNotNull(callback, "no callback");
            assertEquals(DepartmentSystem.sign(SECRET, callback[0], callback[2].getBytes(StandardCharsets.UTF_8)),
                    callback[1]);
            JsonNode decision = JSON.readTree(callback[2]);
            assertEquals("APPROVED", decision.path("kind").asText());
            assertEquals(45, decision.path("task").asLong());
            assertEquals(NUMBER, decision.path("outputs").path("statistical-registration-number").asText());
            assertNotEquals(accepted.path("answerId"), decision.path("answerId"));

            assertEquals(null, callbacks.poll(700, TimeUnit.MILLISECONDS), "a repeat must not call back again");
            assertEquals(1, system.callbacksSent());
            assertEquals(List.of(204), system.callbackStatuses());
        } finally {
            platform.stop(0);
        }
    }

    @Test
    void failingAnswers503() throws Exception {
        system.failing(true);
        HttpResponse<String> outage = post(request(45, "http://127.0.0.1:1/unused"), now(), SECRET);
        assertEquals(503, outage.statusCode());
        assertEquals("simulated outage", JSON.readTree(outage.body()).path("error").asText());
        system.failing(false);
        assertEquals(200, post(request(45, "http://127.0.0.1:1/unused"), now(), SECRET).statusCode());
    }

    @Test
    void downRefusesConnectionsUntilItIsUpAgain() throws Exception {
        int port = system.port();
        system.down(true);
        assertThrows(ConnectException.class, () -> post(request(45, "http://127.0.0.1:1/unused"), now(), SECRET));
        system.down(false);
        assertEquals(port, system.port());
        assertEquals(200, post(request(45, "http://127.0.0.1:1/unused"), now(), SECRET).statusCode());
    }

    private static ObjectNode request(long task, String callback) {
        ObjectNode request = JSON.createObjectNode();
        request.put("task", task);
        request.put("trackingNumber", "TH20261202000001");
        request.put("department", "stats");
        request.put("matter", "statistical-registration");
        request.putObject("values").put("enterprise-name", "糖葫芦科技有限公司").put("industry", "I65");
        request.putArray("outputs").add("statistical-registration-number");
        request.put("callback", callback);
        return request;
    }

    private HttpResponse<String> post(JsonNode request, String timestamp, String secret) throws Exception {
        byte[] body = JSON.writeValueAsBytes(request);
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/stats"))
                .header("Content-Type", "application/json")
                .header("X-Tanghulu-Department", "stats")
                .header("X-Tanghulu-Timestamp", timestamp)
                .header("X-Tanghulu-Signature", DepartmentSystem.sign(secret, timestamp, body))
                .header("Idempotency-Key", "task-" + request.path("task").asLong())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + system.port();
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis() / 1000);
    }
}
