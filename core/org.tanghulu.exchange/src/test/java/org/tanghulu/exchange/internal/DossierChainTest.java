package org.tanghulu.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tanghulu.exchange.DossierEntry;
import org.tanghulu.exchange.DossierEntry.Direction;

/** Every kind of tampering with a stored dossier is detected and named. */
class DossierChainTest {

    private static final String TN = "TH20261202000042";
    private static final SigningKey KEY = SigningKey.generate();

    /** A dossier as the store keeps it: entries with their chain values, and the signed head. */
    private record Stored(List<DossierEntry> entries, int signed, String last, byte[] signature) {
        String verify(SigningKey key) {
            return DossierChain.verify(TN, entries, signed, last, signature, key);
        }
    }

    private static List<DossierEntry> chain(List<DossierEntry> contents) {
        List<DossierEntry> out = new ArrayList<>();
        String previous = DossierChain.start(TN);
        for (DossierEntry e : contents) {
            DossierEntry withSeq = new DossierEntry(out.size() + 1, e.at(), e.mode(), e.direction(), e.department(), e.kind(),
                    e.payload(), null);
            previous = DossierChain.next(previous, withSeq);
            out.add(new DossierEntry(withSeq.sequence(), e.at(), e.mode(), e.direction(), e.department(), e.kind(), e.payload(),
                    previous));
        }
        return out;
    }

    private static Stored signed(List<DossierEntry> entries) {
        String last = entries.isEmpty() ? DossierChain.start(TN) : entries.get(entries.size() - 1).hash();
        return new Stored(entries, entries.size(), last, KEY.sign(DossierChain.head(TN, entries.size(), last)));
    }

    private static DossierEntry entry(String department, Direction direction, String kind, String payload) {
        return new DossierEntry(0, Instant.parse("2026-12-02T08:00:00.123Z"), "MANUAL", direction, department, kind, payload,
                null);
    }

    private static List<DossierEntry> four() {
        return chain(List.of(entry("aic", Direction.OUT, "TASK", "{\"task\":1}"),
                entry("aic", Direction.IN, "APPROVED", "{\"task\":1,\"outputs\":{\"licence-no\":\"L-1\"}}"),
                entry("psb", Direction.OUT, "TASK", "{\"task\":2}"),
                entry("psb", Direction.IN, "APPROVED", "{\"task\":2,\"outputs\":{}}")));
    }

    private static DossierEntry changed(DossierEntry e, String payload) {
        return new DossierEntry(e.sequence(), e.at(), e.mode(), e.direction(), e.department(), e.kind(), payload, e.hash());
    }

    @Test
    void anUntouchedDossierVerifies() {
        assertNull(signed(four()).verify(KEY));
        assertNull(signed(List.of()).verify(KEY));
        assertNull(new Stored(List.of(), 0, null, null).verify(KEY), "a case without messages has nothing to verify");
    }

    @Test
    void aChangedPayloadIsNamed() {
        List<DossierEntry> entries = new ArrayList<>(four());
        Stored honest = signed(entries);
        entries.set(1, changed(entries.get(1), "{\"task\":1,\"outputs\":{\"licence-no\":\"FORGED\"}}"));
        String problem = new Stored(entries, honest.signed(), honest.last(), honest.signature()).verify(KEY);
        assertTrue(problem.startsWith("entry 2 (APPROVED, aic) does not give its stored hash"), problem);
    }

    @Test
    void aDeletedMiddleEntryIsNamed() {
        List<DossierEntry> entries = new ArrayList<>(four());
        Stored honest = signed(entries);
        entries.remove(1);
        String problem = new Stored(entries, honest.signed(), honest.last(), honest.signature()).verify(KEY);
        assertEquals("entry 2 is missing (deleted or moved): the next stored entry is number 3", problem);
    }

    @Test
    void reorderedEntriesAreNamed() {
        List<DossierEntry> entries = new ArrayList<>(four());
        Stored honest = signed(entries);
        DossierEntry second = entries.get(1);
        DossierEntry third = entries.get(2);
        // the sequence numbers swapped with the contents, hashes kept
        entries.set(1, new DossierEntry(2, third.at(), third.mode(), third.direction(), third.department(), third.kind(),
                third.payload(), second.hash()));
        entries.set(2, new DossierEntry(3, second.at(), second.mode(), second.direction(), second.department(), second.kind(),
                second.payload(), third.hash()));
        String problem = new Stored(entries, honest.signed(), honest.last(), honest.signature()).verify(KEY);
        assertTrue(problem.startsWith("entry 2 (TASK, psb) does not give its stored hash"), problem);
    }

    @Test
    void aDeletedLastEntryIsNamed() {
        List<DossierEntry> entries = new ArrayList<>(four());
        Stored honest = signed(entries);
        entries.remove(3);
        String problem = new Stored(entries, honest.signed(), honest.last(), honest.signature()).verify(KEY);
        assertEquals("entries 4 to 4 were deleted: the signed head counts 4 entries, 3 are stored", problem);
    }

    @Test
    void aRecomputedChainIsNamed() {
        Stored honest = signed(four());
        List<DossierEntry> contents = new ArrayList<>(four());
        contents.set(1, changed(contents.get(1), "{\"task\":1,\"outputs\":{\"licence-no\":\"FORGED\"}}"));
        List<DossierEntry> recomputed = chain(contents);
        String last = recomputed.get(3).hash();
        // the forger rewrites the head's count and hash but cannot sign: the old signature stays
        String problem = new Stored(recomputed, 4, last, honest.signature()).verify(KEY);
        assertTrue(problem.startsWith("the head's SM2 signature does not verify"), problem);
        // nor does a signature of another key pass
        SigningKey forger = SigningKey.generate();
        problem = new Stored(recomputed, 4, last, forger.sign(DossierChain.head(TN, 4, last))).verify(KEY);
        assertTrue(problem.startsWith("the head's SM2 signature does not verify"), problem);
        // dropping the last entry and re-counting the head is the same forgery
        problem = new Stored(four().subList(0, 3), 3, four().get(2).hash(), honest.signature()).verify(KEY);
        assertTrue(problem.startsWith("the head's SM2 signature does not verify"), problem);
    }

    @Test
    void aDeletedHeadIsNamed() {
        assertEquals("the dossier has entries but no signed head: the head was deleted",
                new Stored(four(), 0, null, null).verify(KEY));
    }

    @Test
    void theKeyRoundTripsAndNeverShowsItsPrivatePart() {
        SigningKey again = SigningKey.stored(KEY.privateHex(), KEY.publicHex());
        byte[] message = DossierChain.head(TN, 1, "ab");
        assertTrue(SigningKey.publicOnly(KEY.publicHex()).verifies(message, again.sign(message)));
        assertFalse(KEY.toString().contains(KEY.privateHex()));
        assertFalse(KEY.verifies(message, new byte[] {1, 2, 3}), "garbage is not a signature");
    }
}
