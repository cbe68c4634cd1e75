package org.tanghulu.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tanghulu.api.exchange.ExchangeMode;
import org.tanghulu.core.Refusal;
import org.tanghulu.exchange.DiskBatch;
import org.tanghulu.exchange.DiskImport;
import org.tanghulu.exchange.LinkStatus;
import org.tanghulu.exchange.TaskExchange.State;
import org.tanghulu.kernel.json.Json;

/**
 * Offline media (DISK) outside OSGi, on in-memory H2 with the real store, decider and dossier: the signed
 * files (written, read, and refused as a whole when forged, unsigned, truncated, incomplete or another
 * department's), and an export and import of department {@code stats} whose results decide their tasks once,
 * with each bad line reported by its number.
 */
class DiskExchangeTest {

    private DirectFixture f;
    private final SigningKey department = SigningKey.generate();

    @BeforeEach
    void start() {
        f = new DirectFixture(1000, 60);
        f.mode = ExchangeMode.DISK;
        f.sender.linkDisk("stats", department.publicHex());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static byte[] line(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] results(String batch, String... lines) {
        List<byte[]> records = new ArrayList<>();
        for (String l : lines) {
            records.add(line(l));
        }
        return DiskFile.write(DiskFile.RESULT, "stats", batch, Instant.now(), records, department);
    }

    private static String approved(String id, long task, String regNo) {
        return "{\"answerId\":\"" + id + "\",\"task\":" + task + ",\"trackingNumber\":\"" + DirectFixture.TN
                + "\",\"kind\":\"APPROVED\",\"outputs\":{\"reg-no\":\"" + regNo + "\"}}";
    }

    private String refusal(byte[] file) {
        return assertThrows(IllegalArgumentException.class, () -> DiskFile.read(file, DiskFile.RESULT, "stats",
                SigningKey.publicOnly(department.publicHex()))).getMessage();
    }

    @Test
    void aSignedFileReadsBackWithItsLineNumbers() {
        byte[] file = results("b-1", approved("r1", 1, "X") + "\n", approved("r2", 2, "Y")); // a blank line 3
        DiskFile.Signed signed = DiskFile.read(file, DiskFile.RESULT, "stats", SigningKey.publicOnly(department.publicHex()));
        assertEquals("b-1", signed.header().path("batch").asText());
        assertEquals(List.of(2, 4), signed.records().stream().map(DiskFile.Line::number).toList(), "the blank line 3 is no record");
    }

    @Test
    void aForgedUnsignedTruncatedIncompleteOrMisdirectedFileIsRefusedAsAWhole() {
        byte[] good = results("b-1", approved("r1", 1, "X"), approved("r2", 2, "Y"));
        String text = new String(good, StandardCharsets.UTF_8);

        byte[] changed = text.replace("\"X\"", "\"Z\"").getBytes(StandardCharsets.UTF_8);
        assertTrue(refusal(changed).contains("does not verify"), refusal(changed));
        byte[] otherKey = DiskFile.write(DiskFile.RESULT, "stats", "b-1", Instant.now(), List.of(line(approved("r1", 1, "X"))),
                SigningKey.generate());
        assertTrue(refusal(otherKey).contains("does not verify"), refusal(otherKey));

        String unsigned = text.substring(0, text.lastIndexOf("{\"signature\""));
        assertTrue(refusal(unsigned.getBytes(StandardCharsets.UTF_8)).contains("not signed"), refusal(unsigned.getBytes(StandardCharsets.UTF_8)));
        byte[] cut = Arrays.copyOf(good, good.length - 20);
        assertTrue(refusal(cut).contains("truncated"), refusal(cut));
        byte[] cutInRecord = Arrays.copyOf(good, text.indexOf("\"r2\""));
        assertTrue(refusal(cutInRecord).contains("truncated"), refusal(cutInRecord));

        // signed, but one record short of what its header announces
        String header = text.substring(0, text.indexOf('\n')).replace("\"count\":2", "\"count\":3");
        String body = text.substring(text.indexOf('\n') + 1, text.lastIndexOf("{\"signature\""));
        byte[] signedShort = (header + "\n" + body).getBytes(StandardCharsets.UTF_8);
        byte[] resigned = (header + "\n" + body + "{\"signature\":\"" + java.util.HexFormat.of().formatHex(department.sign(signedShort))
                + "\"}\n").getBytes(StandardCharsets.UTF_8);
        assertTrue(refusal(resigned).contains("announces 3 records, it has 2"), refusal(resigned));

        byte[] ntax = DiskFile.write(DiskFile.RESULT, "ntax", "b-1", Instant.now(), List.of(line(approved("r1", 1, "X"))), department);
        assertTrue(refusal(ntax).contains("department ntax's, not stats's"), refusal(ntax));
        assertTrue(refusal(new byte[0]).contains("empty"));
        assertTrue(refusal(line("hello\n")).contains("no Tanghulu"));
    }

    @Test
    void anExportIsSignedByThePlatformAndRecordedThenAResultFileDecidesEachTaskOnce() throws Exception {
        long t1 = f.cases.add();
        long t2 = f.cases.add();
        long t3 = f.cases.add();
        long notExported = f.cases.add();
        for (long t : List.of(t1, t2, t3)) {
            assertEquals(DossierRelay.DISK, f.sender.route("stats", ExchangeMode.DISK));
            f.sender.enqueue(DirectFixture.TN, t, "stats", "registration", DossierRelay.DISK);
        }
        assertEquals(3, f.sender.links().get(0).queued(), "waiting for export");

        DiskBatch batch = f.sender.exportDisk("stats", false);
        assertEquals(List.of(t1, t2, t3), batch.tasks());
        DiskFile.Signed out = DiskFile.read(batch.file(), DiskFile.BATCH, "stats", SigningKey.publicOnly(f.dossiers.publicKey()));
        assertEquals(batch.batch(), out.header().path("batch").asText());
        JsonNode first = Json.stored().readTree(out.records().get(0).bytes());
        assertEquals(t1, first.path("task").asLong());
        assertEquals("某某科技有限公司", first.path("values").path("company-name").asText(), "the values as the adapter maps them");
        assertTrue(first.path("values").path("other").isMissingNode(), "only the matter's data elements");
        assertEquals(State.WAITING, f.row(t1).state);
        LinkStatus status = f.sender.links().get(0);
        assertEquals(0, status.queued());
        assertEquals(3, status.waiting(), "exported, unanswered");
        assertEquals(Refusal.Kind.CONFLICT, assertThrows(Refusal.class, () -> f.sender.exportDisk("stats", false)).kind(),
                "nothing waits for export any more");
        assertEquals(List.of(t1, t2, t3), f.sender.exportDisk("stats", true).tasks(), "--again: the unanswered ones");

        byte[] file = results(batch.batch(),
                approved("r1", t1, "REG-1"),                                                              // line 2
                "{\"answerId\":\"r2\",\"task\":" + t2 + ",\"kind\":\"REJECTED\",\"message\":\"no\"}",   // line 3
                "not json",                                                                               // line 4
                approved("r9", notExported, "REG-9"),                                                    // line 5
                "{\"answerId\":\"r3\",\"task\":" + t3 + ",\"kind\":\"APPROVED\",\"outputs\":{}}",       // line 6: no reg-no
                approved("r1b", t1, "REG-1b"));                                                          // line 7: t1 again
        DiskImport report = f.sender.importDisk("stats", file);
        assertEquals(List.of(t1, t2), report.decided());
        assertEquals(List.of(4, 5, 6), report.refused().stream().map(DiskImport.Line::line).toList(), report.toString());
        assertTrue(report.refused().get(1).reason().contains("never exported"), report.toString());
        assertEquals(List.of(7), report.duplicates().stream().map(DiskImport.Line::line).toList(), report.toString());
        assertEquals(2, f.cases.decisions.get());
        assertEquals(State.DONE, f.row(t1).state);
        assertEquals(State.DESK, f.row(t3).state, "the engine refused it: the desk takes it");
        assertEquals("REG-1", f.cases.tasks.get(t1).outputs().get("reg-no"));

        DiskImport replay = f.sender.importDisk("stats", file);
        assertTrue(replay.nothingNew(), replay.toString());
        assertEquals(List.of(2, 3, 6, 7), replay.duplicates().stream().map(DiskImport.Line::line).toList(), replay.toString());
        assertTrue(replay.duplicates().get(0).reason().contains("imported before"), replay.toString());
        assertTrue(replay.summary().startsWith("nothing new was decided, 4 duplicate(s)"), replay.summary());
        assertEquals(2, f.cases.decisions.get(), "nothing decided twice");

        List<String> dossier = f.dossiers.entries(DirectFixture.TN).stream().map(e -> e.mode() + " " + e.direction() + " "
                + e.kind()).toList();
        assertEquals(6, dossier.stream().filter("DISK OUT REQUEST"::equals).count(), "each export of each task: " + dossier);
        assertEquals(4, dossier.stream().filter("DISK IN RESULT"::equals).count(), "each result once (r1, r2, r3, r1b; r9 not): "
                + dossier);

        byte[] forged = results(batch.batch(), approved("r3x", t3, "REG-3"));
        forged[forged.length - 5] ^= 1;
        Refusal refused = assertThrows(Refusal.class, () -> f.sender.importDisk("stats", forged));
        assertEquals(Refusal.Kind.INVALID, refused.kind());
        assertEquals(2, f.cases.decisions.get());
    }

    @Test
    void theSimulatorsResultFilesAreReadAsTheAdminGuideSaysAndItsFaultsAreRefused() {
        String[] pair = org.tanghulu.simulator.DiskResults.keyPair();
        f.sender.linkDisk("stats", pair[1]);
        long t = f.cases.add();
        f.sender.enqueue(DirectFixture.TN, t, "stats", "registration", DossierRelay.DISK);
        byte[] batch = f.sender.exportDisk("stats", false).file();
        byte[] good = org.tanghulu.simulator.DiskResults.write(batch, pair[0], "APPROVED", null,
                org.tanghulu.simulator.DiskResults.Fault.DUPLICATE);
        for (var fault : List.of(org.tanghulu.simulator.DiskResults.Fault.FORGE, org.tanghulu.simulator.DiskResults.Fault.TRUNCATE,
                org.tanghulu.simulator.DiskResults.Fault.UNSIGNED)) {
            byte[] bad = org.tanghulu.simulator.DiskResults.write(batch, pair[0], "APPROVED", null, fault);
            assertEquals(Refusal.Kind.INVALID, assertThrows(Refusal.class, () -> f.sender.importDisk("stats", bad)).kind(), fault.name());
        }
        assertEquals(0, f.cases.decisions.get());
        DiskImport report = f.sender.importDisk("stats", good);
        assertEquals(List.of(t), report.decided());
        assertEquals(List.of(3), report.duplicates().stream().map(DiskImport.Line::line).toList(), report.toString());
        assertEquals("SIM-" + t, f.cases.tasks.get(t).outputs().get("reg-no"));
    }

    @Test
    void aBadKeyIsRefusedAndWithoutOneNothingIsExportedOrImported() {
        assertEquals(Refusal.Kind.INVALID, assertThrows(Refusal.class, () -> f.sender.linkDisk("stats", "04abcd")).kind());
        f.sender.unlink("stats");
        assertEquals(DossierRelay.MANUAL, f.sender.route("stats", ExchangeMode.DISK));
        assertEquals(Refusal.Kind.CONFLICT, assertThrows(Refusal.class, () -> f.sender.exportDisk("stats", false)).kind());
        assertEquals(Refusal.Kind.CONFLICT, assertThrows(Refusal.class, () -> f.sender.importDisk("stats", results("b"))).kind());
    }
}
