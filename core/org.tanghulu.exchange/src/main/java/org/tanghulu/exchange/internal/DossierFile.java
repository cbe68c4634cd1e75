package org.tanghulu.exchange.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.tanghulu.exchange.DossierEntry;

/**
 * A case's dossier as a signed text file, and its offline verifier. The file carries the entries,
 * the signed head and the platform's public key; the verifier needs only this bundle's jar and
 * Bouncy Castle, and checks the key against the one the platform publishes when given it:
 *
 * <pre>java -cp org.tanghulu.exchange.jar:bcprov-jdk18on.jar org.tanghulu.exchange.internal.DossierFile FILE [PUBLIC_KEY]</pre>
 *
 * One line each: {@code TANGHULU-DOSSIER 1}, {@code case TN}, {@code key HEX}, one {@code entry} per
 * message (sequence, time, mode, direction, department, kind, hash, payload in Base64), and
 * {@code head ENTRIES HASH SIGNATURE}. Exit status 0: verifies; 1: does not; 2: not a dossier file.
 */
public final class DossierFile {

    static final String MAGIC = "TANGHULU-DOSSIER 1";
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final HexFormat HEX = HexFormat.of();

    private DossierFile() {
    }

    /** @return the file's text */
    static String write(String trackingNumber, String publicKey, List<DossierEntry> entries, int headEntries, String headHash,
            String signature) {
        StringBuilder out = new StringBuilder(MAGIC).append('\n');
        out.append("case ").append(trackingNumber).append('\n');
        out.append("key ").append(publicKey).append('\n');
        for (DossierEntry e : entries) {
            out.append(String.join(" ", "entry", Integer.toString(e.sequence()), e.at().toString(), e.mode(),
                    e.direction().name(), e.department(), e.kind(), e.hash(),
                    B64.encodeToString(e.payload().getBytes(StandardCharsets.UTF_8)))).append('\n');
        }
        if (signature != null) {
            out.append("head ").append(headEntries).append(' ').append(headHash).append(' ').append(signature).append('\n');
        }
        return out.toString();
    }

    /** What a file holds, and what checking it found. */
    record Checked(String trackingNumber, String publicKey, int entries, String problem) {
    }

    /**
     * @return what the file says, checked with the key it carries
     * @throws IllegalArgumentException if the text is not a dossier file, naming the line
     */
    static Checked check(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new IllegalArgumentException("line 1: not a Tanghulu dossier file (it must begin with '" + MAGIC + "')");
        }
        String trackingNumber = null;
        String key = null;
        List<DossierEntry> entries = new ArrayList<>();
        int headEntries = 0;
        String headHash = null;
        byte[] signature = null;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ");
            try {
                switch (f[0]) {
                    case "case" -> trackingNumber = f[1];
                    case "key" -> key = f[1];
                    case "entry" -> entries.add(new DossierEntry(Integer.parseInt(f[1]), Instant.parse(f[2]), f[3],
                            DossierEntry.Direction.valueOf(f[4]), f[5], f[6],
                            new String(Base64.getDecoder().decode(f[8]), StandardCharsets.UTF_8), f[7]));
                    case "head" -> {
                        headEntries = Integer.parseInt(f[1]);
                        headHash = f[2];
                        signature = HEX.parseHex(f[3]);
                    }
                    default -> throw new IllegalArgumentException("unknown line");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        if (trackingNumber == null || key == null) {
            throw new IllegalArgumentException("the file names no case or no key");
        }
        SigningKey signing;
        try {
            signing = SigningKey.publicOnly(key);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the key line is not an SM2 public key", e);
        }
        return new Checked(trackingNumber, key, entries.size(),
                DossierChain.verify(trackingNumber, entries, headEntries, headHash, signature, signing));
    }

    /** The offline verifier; see the class documentation. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DossierFile FILE [PLATFORM_PUBLIC_KEY_HEX]");
            System.exit(2);
        }
        Checked c;
        try {
            c = check(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            System.out.println(args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length == 2 && !args[1].equalsIgnoreCase(c.publicKey())) {
            System.out.println("The dossier of " + c.trackingNumber() + " was NOT signed by the key given: it names key "
                    + c.publicKey().substring(0, 16) + "...");
            System.exit(1);
        }
        if (c.problem() == null) {
            System.out.println("The dossier of " + c.trackingNumber() + " verifies: " + c.entries() + " entries, chain and"
                    + " signed head intact (key " + c.publicKey().substring(0, 16) + "...).");
        } else {
            System.out.println("The dossier of " + c.trackingNumber() + " does NOT verify: " + c.problem() + ".");
            System.exit(1);
        }
    }
}
