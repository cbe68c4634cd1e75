package org.tanghulu.window.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tanghulu.core.cases.WindowAct;
import org.tanghulu.window.HandOverRequest;
import org.tanghulu.window.OriginalCheck;
import org.tanghulu.window.Phase;
import org.tanghulu.window.Verdict;
import org.tanghulu.window.WindowRefusal;
import org.tanghulu.window.WindowRefusal.Reason;

class RulesTest {

    private static final Set<String> DECLARED = Set.of("id-card", "lease");

    @Test
    void everyDeclaredMaterialGetsOneFinding() {
        var found = Rules.checks(DECLARED, List.of(new OriginalCheck("id-card", Verdict.MATCHES, "ignored"),
                new OriginalCheck("lease", Verdict.MISMATCH, "  address differs  ")));
        assertNull(found.get("id-card").reason());
        assertEquals("address differs", found.get("lease").reason());
        assertEquals(Reason.MATERIALS_WRONG, refused(() -> Rules.checks(DECLARED,
                List.of(new OriginalCheck("id-card", Verdict.MATCHES, null)))));
        assertEquals(Reason.MATERIALS_WRONG, refused(() -> Rules.checks(DECLARED, List.of(
                new OriginalCheck("id-card", Verdict.MATCHES, null), new OriginalCheck("lease", Verdict.MATCHES, null),
                new OriginalCheck("other", Verdict.MATCHES, null)))));
        assertEquals(Reason.MATERIALS_WRONG, refused(() -> Rules.checks(DECLARED, List.of(
                new OriginalCheck("id-card", Verdict.MATCHES, null), new OriginalCheck("id-card", Verdict.NOT_PRESENTED, null)))));
    }

    @Test
    void aMismatchNeedsAReason() {
        assertEquals(Reason.REASON_MISSING, refused(() -> Rules.checks(DECLARED, List.of(
                new OriginalCheck("id-card", Verdict.MATCHES, null), new OriginalCheck("lease", Verdict.MISMATCH, " ")))));
    }

    @Test
    void aHandOverNamesTheRecipientAndTheirIdNumber() {
        var ok = Rules.handOver(new HandOverRequest(" 张三 ", " 11010519491231002x ", true));
        assertEquals("张三", ok.recipient());
        assertEquals("11010519491231002X", ok.idNumber());
        assertEquals(Reason.RECIPIENT_MISSING, refused(() -> Rules.handOver(new HandOverRequest(" ", "110105194912310021", false))));
        assertEquals(Reason.ID_NUMBER_WRONG, refused(() -> Rules.handOver(new HandOverRequest("张三", null, false))));
        assertEquals(Reason.ID_NUMBER_WRONG, refused(() -> Rules.handOver(new HandOverRequest("张三", "12-34", false))));
    }

    @Test
    void masksAllButTheLastFour() {
        assertEquals("**************002X", Rules.mask("11010519491231002X"));
        assertEquals("HJ-TH123", Rules.receiptNumber("TH123"));
    }

    @Test
    void phases() {
        Instant t = Instant.parse("2026-01-05T02:00:00Z");
        assertEquals(Phase.ACCEPTANCE, Rules.phase(null, null, null, false, null));
        assertEquals(Phase.IN_PROGRESS, Rules.phase(null, t, null, false, null));
        assertEquals(Phase.READY, Rules.phase("COMPLETED", t, null, false, null));
        assertEquals(Phase.REJECTED, Rules.phase("REJECTED", null, null, false, null));
        assertEquals(Phase.HANDED_OVER, Rules.phase("COMPLETED", t, t, false, null));
        assertEquals(Phase.CONFIRMED, Rules.phase("COMPLETED", t, t, true, null));
        assertEquals(Phase.CONFIRMED, Rules.phase("COMPLETED", t, t, false, t));
    }

    private static Reason refused(Runnable r) {
        return assertThrows(WindowRefusal.class, r::run).reason();
    }

    @Test
    void everyActNotYetRecordedBecomesACaseEventOnceItsPositionIsNoted() {
        WindowCaseEntity c = new WindowCaseEntity();
        c.trackingNumber = "TH1";
        assertEquals(List.of(), Rules.unrecorded(c, List.of()));
        c.checkedAt = Instant.EPOCH;
        c.checkedBy = "clerk";
        List<CheckEntity> checks = List.of(check("lease", Verdict.MISMATCH, "address differs"),
                check("id-card", Verdict.MATCHES, null), check("seal", Verdict.NOT_PRESENTED, null));
        List<WindowAct> acts = Rules.unrecorded(c, checks);
        assertEquals(List.of(new WindowAct.OriginalsChecked("clerk", List.of("id-card"), Map.of("lease", "address differs"),
                List.of("seal"))), acts);
        Rules.recorded(c, acts.get(0), 7);
        assertEquals(List.of(), Rules.unrecorded(c, checks), "recorded: never again");
        c.handedAt = Instant.EPOCH;
        c.handedBy = "clerk2";
        c.receiptNumber = "HJ-TH1";
        c.recipient = "张三";
        c.confirmedAt = Instant.EPOCH;
        acts = Rules.unrecorded(c, checks);
        assertEquals(List.of(new WindowAct.CertificatesHandedOver("clerk2", "HJ-TH1", "张三", false),
                new WindowAct.ReceiptConfirmed("HJ-TH1")), acts);
        Rules.recorded(c, acts.get(0), 9);
        assertEquals(List.of(new WindowAct.ReceiptConfirmed("HJ-TH1")), Rules.unrecorded(c, checks));
        Rules.recorded(c, acts.get(1), 10);
        assertEquals(List.of(), Rules.unrecorded(c, checks));
        assertEquals(List.of(7L, 9L, 10L), List.of(c.checkedEvent, c.handedEvent, c.confirmedEvent));
    }

    private static CheckEntity check(String material, Verdict verdict, String reason) {
        CheckEntity k = new CheckEntity();
        k.trackingNumber = "TH1";
        k.material = material;
        k.verdict = verdict;
        k.reason = reason;
        return k;
    }
}
