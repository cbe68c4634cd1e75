package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tanghulu.simulator.DiskResults;
import org.tanghulu.simulator.DiskResults.Fault;

/**
 * Offline media (DISK) on a booted distribution, on H2 or PostgreSQL: psb declares its seal engraving DISK, an
 * admin registers psb's SM2 key on the console, psb's ready tasks are exported on the console and downloaded on
 * the desk by psb's officer (and by no one else), and the simulator writes psb's signed result files. A forged,
 * unsigned, truncated or another department's file is refused as a whole and decides nothing; a good file decides
 * both tasks (the cases move on to completion), reports its bad line by number, and replayed decides nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("long") // once, in .ci/run's PostgreSQL step: keeps the README's test command under 10 minutes
class DiskIT {

    private static final String MATTER = "psb/seal-engraving";
    private Distribution karaf;
    private ObjectNode application;
    private JsonNode outputs;
    private final String[] psbKey = DiskResults.keyPair();
    private final String[] ntaxKey = DiskResults.keyPair();
    private Path files;
    private ExchangeCases.Receipt first;
    private ExchangeCases.Receipt second;
    private ExchangeCases cases;
    private byte[] batch;
    private final HttpClient officer = session();

    @BeforeAll
    void boot() throws Exception {
        karaf = new Distribution("disk-" + ItDatabase.kind(), ItDatabase.datasource("tanghulu_it_disk"));
        for (String d : List.of("aic", "zgc", "psb", "qts", "ltax", "ntax", "stats", "lss")) {
            karaf.staff("officer-" + d, "officer-" + d);
        }
        karaf.start();
        application = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
        outputs = karaf.demo("enterprise-establishment-outputs.json");
        cases = new ExchangeCases(karaf, application, outputs, java.util.Set.of("psb"));
        files = Files.createTempDirectory("disk-it");
        AuthorizationIT.deskLogin(karaf, officer, "officer-psb");
    }

    @AfterAll
    void shutdown() throws InterruptedException {
        if (karaf != null) {
            karaf.close();
        }
    }

    private static HttpClient session() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    @Order(1)
    void anAdminRegistersPsbsKeyAndItsReadyTasksAreExportedOnTheConsoleAndTheDesk() throws Exception {
        String bad = karaf.consoleError("tanghulu:exchange-link --disk --public-key 04abcdef psb");
        assertTrue(bad.contains("SM2 public key"), bad);
        String linked = karaf.console("tanghulu:exchange-link --disk --public-key " + psbKey[1] + " psb");
        assertTrue(linked.contains("offline media"), linked);

        first = cases.submit();
        cases.driveUntil(first, v -> "READY".equals(ExchangeCases.state(v, MATTER)), Duration.ofSeconds(90));
        Path exported = files.resolve("first.jsonl");
        Distribution.await(Duration.ofSeconds(30), "the task to wait for export", () -> Distribution.is(true,
                () -> karaf.console("tanghulu:exchange").contains("seal-engraving")
                        && !karaf.consoleAny("tanghulu:exchange-export --file " + exported + " psb").contains("no task")));
        List<String> lines = Files.readAllLines(exported);
        long firstTask = ExchangeCases.task(cases.view(first), MATTER).get("id").asLong();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"format\":\"tanghulu-disk-batch/1\"") && lines.get(0).contains("\"count\":1"), lines.get(0));
        assertEquals(firstTask, Distribution.JSON.readTree(lines.get(1)).get("task").asLong());
        assertTrue(lines.get(2).startsWith("{\"signature\":\""), lines.get(2));
        String status = karaf.console("tanghulu:exchange");
        assertTrue(status.contains("offline media, key " + psbKey[1].substring(0, 16)), status);
        assertEquals(List.of(0L, 1L), counts(status), "waiting for export, exported and unanswered: " + status);

        String work = officer.send(HttpRequest.newBuilder(URI.create(karaf.desk("/"))).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(work.contains("id=\"disk-link-psb\""), "psb's work list links its offline media");

        second = cases.submit();
        cases.driveUntil(second, v -> "READY".equals(ExchangeCases.state(v, MATTER)), Duration.ofSeconds(90));
        long secondTask = ExchangeCases.task(cases.view(second), MATTER).get("id").asLong();
        List<byte[]> got = new ArrayList<>();
        Distribution.await(Duration.ofSeconds(30), "the desk download of the second task", () -> Distribution.is(true, () -> {
            HttpResponse<byte[]> r = deskPost("/disk/psb/export", "application/x-www-form-urlencoded", "_csrf=" + csrf());
            if (r.statusCode() == 200) {
                got.add(r.body());
            }
            return r.statusCode() == 200;
        }));
        String desk = new String(got.get(0), StandardCharsets.UTF_8);
        assertTrue(desk.contains("\"task\":" + secondTask) && !desk.contains("\"task\":" + firstTask + ","), desk);

        HttpResponse<byte[]> none = deskPost("/disk/psb/export", "application/x-www-form-urlencoded", "_csrf=" + csrf());
        assertEquals(409, none.statusCode());
        assertTrue(new String(none.body(), StandardCharsets.UTF_8).contains("waits for export"));
        HttpResponse<byte[]> again = deskPost("/disk/psb/export", "application/x-www-form-urlencoded", "_csrf=" + csrf() + "&again=1");
        assertEquals(200, again.statusCode());
        batch = again.body();
        String both = new String(batch, StandardCharsets.UTF_8);
        assertTrue(both.contains("\"task\":" + firstTask) && both.contains("\"task\":" + secondTask) && both.contains("\"count\":2"), both);

        HttpClient other = session();
        AuthorizationIT.deskLogin(karaf, other, "officer-ntax");
        String otherCsrf = AuthorizationIT.csrf(other, karaf.desk("/"));
        assertEquals(403, post(other, "/disk/psb/export", "application/x-www-form-urlencoded", ("_csrf=" + otherCsrf)
                .getBytes(StandardCharsets.UTF_8)).statusCode(), "an officer of another department");
        HttpClient anonymous = session();
        assertEquals(303, anonymous.send(HttpRequest.newBuilder(URI.create(karaf.desk("/disk/psb"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "anonymous: to the login");
        assertEquals(403, post(anonymous, "/disk/psb/export", "application/x-www-form-urlencoded", new byte[0]).statusCode(),
                "anonymous: no session, no CSRF token");
    }

    @Test
    @Order(2)
    void forgedUnsignedTruncatedAndMisdirectedFilesAreRefusedAndDecideNothing() throws Exception {
        Path forged = files.resolve("forged.jsonl");
        Files.write(forged, DiskResults.write(batch, psbKey[0], "APPROVED", outputs, Fault.FORGE));
        String refused = karaf.consoleError("tanghulu:exchange-import psb " + forged);
        assertTrue(refused.contains("does not verify"), refused);

        HttpResponse<byte[]> unsigned = deskPost("/disk/psb/import?_csrf=" + csrf(), "application/octet-stream",
                DiskResults.write(batch, psbKey[0], "APPROVED", outputs, Fault.UNSIGNED));
        assertEquals(422, unsigned.statusCode());
        assertTrue(text(unsigned).contains("not signed"), text(unsigned));

        String boundary = "----disk" + UUID.randomUUID();
        byte[] truncated = DiskResults.write(batch, psbKey[0], "APPROVED", outputs, Fault.TRUNCATE);
        HttpResponse<byte[]> cut = deskPost("/disk/psb/import?_csrf=" + csrf(), "multipart/form-data; boundary=" + boundary,
                multipart(boundary, truncated));
        assertEquals(422, cut.statusCode());
        assertTrue(text(cut).contains("truncated"), text(cut));

        String ntaxBatch = new String(batch, StandardCharsets.UTF_8).replace("\"department\":\"psb\"", "\"department\":\"ntax\"");
        byte[] ntax = DiskResults.write(ntaxBatch.getBytes(StandardCharsets.UTF_8), ntaxKey[0], "APPROVED", outputs, Fault.NONE);
        HttpResponse<byte[]> misdirected = deskPost("/disk/psb/import?_csrf=" + csrf(), "application/octet-stream", ntax);
        assertEquals(422, misdirected.statusCode());
        assertTrue(text(misdirected).contains("this file is department ntax&#39;s, not psb&#39;s"), text(misdirected));

        HttpResponse<byte[]> empty = deskPost("/disk/psb/import?_csrf=" + csrf(), "application/octet-stream", new byte[0]);
        assertEquals(400, empty.statusCode());

        for (ExchangeCases.Receipt r : List.of(first, second)) {
            assertEquals("READY", ExchangeCases.state(cases.view(r), MATTER), "nothing was decided");
        }
    }

    @Test
    @Order(3)
    void aGoodFileDecidesBothTasksAndTheCasesMoveOnAndReplayedItDecidesNothingTwice() throws Exception {
        Path good = files.resolve("good.jsonl");
        Files.write(good, DiskResults.write(batch, psbKey[0], "APPROVED", outputs, Fault.LIE));
        String imported = karaf.console("tanghulu:exchange-import psb " + good);
        assertTrue(imported.contains("2 task(s) decided, 0 duplicate(s), 1 result(s) refused"), imported);
        assertTrue(imported.contains("Line 4: refused: task ") && imported.contains("never exported to department psb"), imported);

        for (ExchangeCases.Receipt r : List.of(first, second)) {
            JsonNode done = cases.driveUntil(r, v -> "COMPLETED".equals(v.get("state").asText()), Duration.ofSeconds(120));
            JsonNode t = ExchangeCases.task(done, MATTER);
            assertEquals("APPROVED", t.get("state").asText());
            assertEquals("exchange:psb", t.get("assignee").asText());
            assertEquals(outputs.get(MATTER), t.get("outputs"), "the outputs psb's result gave");
        }

        assertEquals(List.of(0L, 0L), counts(karaf.console("tanghulu:exchange")), "nothing waits any more");

        HttpResponse<byte[]> replay = deskPost("/disk/psb/import?_csrf=" + csrf(), "application/octet-stream", Files.readAllBytes(good));
        assertEquals(200, replay.statusCode(), text(replay));
        assertTrue(text(replay).contains("nothing new was decided, 2 duplicate(s)"), text(replay));
        for (ExchangeCases.Receipt r : List.of(first, second)) {
            long task = ExchangeCases.task(cases.view(r), MATTER).get("id").asLong();
            assertEquals(1, cases.approvals(r, task), "decided once");
            List<String> dossier = cases.dossier(r);
            assertTrue(ExchangeCases.count(dossier, "DISK OUT psb REQUEST") >= 1, dossier.toString());
            assertEquals(1, ExchangeCases.count(dossier, "DISK IN psb RESULT"), dossier.toString());
            assertEquals(1, ExchangeCases.count(dossier, "DISK IN psb APPROVED"), dossier.toString());
        }
        String verify = karaf.console("tanghulu:dossier --verify " + first.trackingNumber());
        assertTrue(verify.contains("verifies"), verify);
    }

    /** @return psb's columns Queued (waiting for export) and Waiting (exported, unanswered) of {@code tanghulu:exchange} */
    private static List<Long> counts(String status) {
        Matcher m = Pattern.compile("(?m)^\\s*psb\\s*\\|[^|]*\\|[^|]*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|").matcher(status);
        assertTrue(m.find(), status);
        return List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static byte[] multipart(String boundary, byte[] file) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"results.jsonl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private String csrf() throws Exception {
        return AuthorizationIT.csrf(officer, karaf.desk("/disk/psb"));
    }

    private HttpResponse<byte[]> deskPost(String path, String type, String body) throws IOException {
        return deskPost(path, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> deskPost(String path, String type, byte[] body) throws IOException {
        return post(officer, path, type, body);
    }

    private HttpResponse<byte[]> post(HttpClient session, String path, String type, byte[] body) throws IOException {
        try {
            return session.send(HttpRequest.newBuilder(URI.create(karaf.desk(path))).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
