package org.tanghulu.exchange.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.tanghulu.exchange.DossierEntry;

/**
 * The SM3 chain of a case's dossier and its SM2-signed head. Entry n's hash is SM3 of entry n-1's
 * hash and entry n's content (every field, length-prefixed, so that no two contents read alike);
 * the chain of a case starts from SM3 of its tracking number. The head (the number of entries and
 * the last hash) is signed each time the chain grows: a changed entry breaks its own hash, a
 * dropped or reordered one the next, a dropped last one the head's count, and a chain recomputed
 * after a change the head's signature, which needs the platform's private key.
 */
final class DossierChain {

    private static final HexFormat HEX = HexFormat.of();

    private DossierChain() {
    }

    /** @return the chain value before the case's first entry */
    static String start(String trackingNumber) {
        return sm3(field("tanghulu-dossier"), field(trackingNumber));
    }

    /** @return the chain value after an entry with this content, following {@code previous} */
    static String next(String previous, DossierEntry e) {
        return sm3(field(previous), field(Integer.toString(e.sequence())), field(e.at().toString()), field(e.mode()),
                field(e.direction().name()), field(e.department()), field(e.kind()), field(e.payload()));
    }

    /** @return what the head's signature covers: the case, the number of entries and the last hash */
    static byte[] head(String trackingNumber, int entries, String lastHash) {
        return ("tanghulu-dossier-head\n" + trackingNumber + "\n" + entries + "\n" + lastHash).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param entries the stored entries, ordered by sequence
     * @param signedEntries the number of entries the stored head counts
     * @param lastHash the last hash the stored head names
     * @param signature the head's SM2 signature; {@code null} if there is no head
     * @param key the platform's key, which checks the signature
     * @return the first broken link in words, or {@code null} if the dossier verifies
     */
    static String verify(String trackingNumber, List<DossierEntry> entries, int signedEntries, String lastHash,
            byte[] signature, SigningKey key) {
        String previous = start(trackingNumber);
        for (int i = 0; i < entries.size(); i++) {
            DossierEntry e = entries.get(i);
            if (e.sequence() != i + 1) {
                return "entry " + (i + 1) + " is missing (deleted or moved): the next stored entry is number " + e.sequence();
            }
            if (!next(previous, e).equals(e.hash())) {
                return "entry " + e.sequence() + " (" + e.kind() + ", " + e.department() + ") does not give its stored hash:"
                        + " it was changed after it was recorded";
            }
            previous = e.hash();
        }
        if (signature == null) {
            return entries.isEmpty() ? null : "the dossier has entries but no signed head: the head was deleted";
        }
        if (signedEntries > entries.size()) {
            return "entries " + (entries.size() + 1) + " to " + signedEntries + " were deleted: the signed head counts "
                    + signedEntries + " entries, " + entries.size() + " are stored";
        }
        if (signedEntries < entries.size()) {
            return "entries " + (signedEntries + 1) + " to " + entries.size() + " were added without the platform's key:"
                    + " the signed head counts " + signedEntries;
        }
        if (!previous.equals(lastHash)) {
            return "the signed head does not name the last entry's hash: the chain or the head was changed";
        }
        if (!key.verifies(head(trackingNumber, signedEntries, lastHash), signature)) {
            return "the head's SM2 signature does not verify: the head was rewritten (the chain recomputed) without"
                    + " the platform's key";
        }
        return null;
    }

    private static byte[] field(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }

    private static String sm3(byte[]... parts) {
        SM3Digest digest = new SM3Digest();
        for (byte[] p : parts) {
            digest.update(p, 0, p.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HEX.formatHex(out);
    }
}
