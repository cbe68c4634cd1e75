package org.tanghulu.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.core.cases.events.Applicant;
import org.tanghulu.core.cases.events.CaseEventLog;
import org.tanghulu.core.cases.events.CaseRef;
import org.tanghulu.core.cases.events.RecordedCaseEvent;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskApproved;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCreated;
import org.tanghulu.core.cases.events.TaskRef;
import org.tanghulu.exchange.DossierEntry;
import org.tanghulu.exchange.Verification;

/** Dossiers made from case events on H2, read twice without doubling, and tampered with in the tables. */
class DossierStoreTest {

    private static final Instant T = Instant.parse("2026-12-02T08:00:00.123456Z");
    private static final CaseRef CASE = new CaseRef(7, "TH20261202000007", "establishment", 1,
            new Applicant(ApplicantType.ENTERPRISE, "某公司", null, null));
    private static final TaskRef AIC = new TaskRef(11, new MatterKey("aic", "business-licence"));

    private ExchangeTestDatabase db;
    private DossierStore store;
    private final List<RecordedCaseEvent> log = new ArrayList<>();
    private DossierRelay relay;

    @BeforeEach
    void start() {
        db = new ExchangeTestDatabase();
        store = new DossierStore(db.database);
        DirectFixture.FakeCases cases = new DirectFixture.FakeCases();
        Adapters adapters = new Adapters(null);
        DirectStore rows = new DirectStore(db.database);
        Decider decider = new Decider(cases, store);
        ExchangeConfig config = DirectFixture.config(1000, 60);
        SystemTasks tasks = new SystemTasks(rows, decider, adapters, null, config);
        DirectSender direct = new DirectSender(rows, decider, tasks, new FrontEndExchange(rows, decider, tasks, (u, p) -> {
            throw new java.sql.SQLException("no front-end processor here");
        }, config, Map.of()), new DiskExchange(rows, decider, tasks, store), config, Map.of());
        relay = new DossierRelay(db.database, store, new CaseEventLog() {
            @Override
            public List<RecordedCaseEvent> after(long position, int max) {
                return log.stream().filter(e -> e.position() > position).limit(max).toList();
            }

            @Override
            public long head() {
                return log.isEmpty() ? 0 : log.get(log.size() - 1).position();
            }
        }, adapters, direct);
        log.add(new RecordedCaseEvent.Submitted(1, T, "applicant", CASE));
        log.add(new TaskCreated(2, T, "platform", CASE, AIC, LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 16)));
        log.add(new RecordedCaseEvent.TaskClaimed(3, T, "wang", CASE, AIC));
        log.add(new TaskApproved(4, T.plusSeconds(60), "wang", CASE, AIC, Map.of("licence-no", "L-1"), "齐全"));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private void sql(String statement) {
        db.tx(TransactionType.Required, em -> {
            em.createNativeQuery(statement).executeUpdate();
        });
    }

    @Test
    void eventsBecomeASignedDossierOnceEvenWhenReadAgain() {
        assertEquals(2, relay.relay(T.plusSeconds(600)));
        List<DossierEntry> entries = store.entries(CASE.trackingNumber());
        assertEquals(List.of("OUT TASK aic", "IN APPROVED aic"), entries.stream()
                .map(e -> e.direction() + " " + e.kind() + " " + e.department()).toList());
        assertTrue(entries.get(1).payload().contains("\"licence-no\":\"L-1\""), entries.get(1).payload());
        assertEquals(T.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), entries.get(1).at());
        assertEquals(new Verification(CASE.trackingNumber(), 2, 2, null), store.verify(CASE.trackingNumber()));

        // the cursor moved: nothing is read again; with the cursor put back, nothing is doubled
        assertEquals(0, relay.relay(T.plusSeconds(600)));
        sql("UPDATE exchange_cursor SET last_event_id = 0");
        assertEquals(0, relay.relay(T.plusSeconds(600)));
        assertEquals(2, store.entries(CASE.trackingNumber()).size());
        assertNull(store.verify(CASE.trackingNumber()).problem());
        assertEquals(new Verification("TH-NONE", 0, 0, null), store.verify("TH-NONE"));
    }

    @Test
    void aCorrectionGoesBothWays() {
        log.add(new RecordedCaseEvent.CorrectionRequested(5, T.plusSeconds(70), "wang", CASE, AIC, "请补正名称",
                List.of("enterprise-name"), LocalDate.of(2026, 12, 2), List.of("lease")));
        log.add(new RecordedCaseEvent.CorrectionAnswered(6, T.plusSeconds(80), "applicant", CASE, AIC, java.util.Set.of("enterprise-name"),
                java.util.Set.of(), 1, LocalDate.of(2026, 12, 10), null));
        assertEquals(4, relay.relay(T.plusSeconds(600)));
        List<DossierEntry> entries = store.entries(CASE.trackingNumber());
        assertEquals("IN CORRECTION_REQUESTED", entries.get(2).direction() + " " + entries.get(2).kind());
        assertTrue(entries.get(2).payload().contains("\"materials\":[\"lease\"]"), entries.get(2).payload());
        assertEquals("OUT CORRECTED", entries.get(3).direction() + " " + entries.get(3).kind());
        assertTrue(entries.get(3).payload().contains("\"corrected\":[\"enterprise-name\"]"), entries.get(3).payload());
        assertNull(store.verify(CASE.trackingNumber()).problem());
    }

    @Test
    void aYoungGapHoldsTheCursorButNotTheMessages() {
        log.remove(2); // position 3 not committed yet, and position 4 is young
        assertEquals(2, relay.relay(T.plusSeconds(61)));
        assertEquals(2L, (long) db.txExpr(TransactionType.Supports, em -> em.find(CursorEntity.class, CursorEntity.ID).lastEventId));
        assertEquals(0, relay.relay(T.plusSeconds(600)));
        assertEquals(4L, (long) db.txExpr(TransactionType.Supports, em -> em.find(CursorEntity.class, CursorEntity.ID).lastEventId));
    }

    @Test
    void tamperingInTheTablesIsDetectedAndNamed() {
        relay.relay(T.plusSeconds(600));
        String tn = CASE.trackingNumber();
        sql("UPDATE dossier_entry SET payload = REPLACE(payload, 'L-1', 'L-9') WHERE sequence_no = 2");
        assertTrue(store.verify(tn).problem().startsWith("entry 2 (APPROVED, aic) does not give its stored hash"));
        sql("UPDATE dossier_entry SET payload = REPLACE(payload, 'L-9', 'L-1') WHERE sequence_no = 2");
        assertNull(store.verify(tn).problem());

        sql("DELETE FROM dossier_entry WHERE sequence_no = 2");
        Verification v = store.verify(tn);
        assertEquals("entries 2 to 2 were deleted: the signed head counts 2 entries, 1 are stored", v.problem());
        assertEquals(1, v.entries());
        sql("UPDATE dossier_head SET entries = 1, hash = (SELECT hash FROM dossier_entry WHERE sequence_no = 1)");
        assertTrue(store.verify(tn).problem().startsWith("the head's SM2 signature does not verify"));
        sql("UPDATE dossier_head SET signature = 'zz'");
        assertTrue(store.verify(tn).problem().startsWith("the head's SM2 signature does not verify"));
    }

    @Test
    void theKeyIsMadeOnceAndSharedThroughTheDatabase() {
        String key = store.publicKey();
        assertEquals(key, new DossierStore(db.database).publicKey(), "a second node reads the same key");
        assertEquals(1L, (long) db.txExpr(TransactionType.Supports,
                em -> em.createQuery("select count(k) from KeyEntity k", Long.class).getSingleResult()));
    }

    @Test
    void theSignedFileVerifiesOfflineAndNamesTampering() {
        relay.relay(T.plusSeconds(600));
        String file = store.signedFile(CASE.trackingNumber());
        DossierFile.Checked ok = DossierFile.check(file);
        assertNull(ok.problem());
        assertEquals(2, ok.entries());
        assertEquals(store.publicKey(), ok.publicKey());

        // a payload changed in the file (the Base64 of entry 2 replaced by another's)
        String[] lines = file.split("\n");
        String[] second = lines[4].split(" ");
        second[8] = java.util.Base64.getEncoder().encodeToString("{\"forged\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        lines[4] = String.join(" ", second);
        assertTrue(DossierFile.check(String.join("\n", lines)).problem().startsWith("entry 2 (APPROVED, aic)"));
        // the last entry dropped
        String dropped = file.lines().filter(l -> !l.startsWith("entry 2 ")).collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(DossierFile.check(dropped).problem().startsWith("entries 2 to 2 were deleted"));
        // not a dossier at all
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DossierFile.check("hello"));
        assertTrue(e.getMessage().startsWith("line 1: not a Tanghulu dossier file"), e.getMessage());
        // a case without messages: a file without entries, which verifies
        assertNull(DossierFile.check(store.signedFile("TH-NONE")).problem());
    }
}
