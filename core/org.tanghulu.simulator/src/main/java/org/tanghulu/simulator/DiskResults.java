package org.tanghulu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * A department on offline media (DISK): reads a batch file the platform exported and writes the department's
 * signed result file, one decision per task under the same rules as the simulator's other modes (APPROVED with
 * the outputs file's values, else {@code SIM-<task>}; {@code REJECTED}; {@code CORRECTION}), with faults on request.
 * The file format is in docs/admin-guide.md ("Offline media"); SM2 over curve sm2p256v1 with the default user id.
 */
public final class DiskResults {

    /** What may go wrong with a result file, on purpose. */
    public enum Fault {
        /** None: a good file. */
        NONE,
        /** A byte of a result changed after signing. */
        FORGE,
        /** Cut off in the middle of its last result line (the signature is lost). */
        TRUNCATE,
        /** No signature line. */
        UNSIGNED,
        /** Each result twice (same answerId). */
        DUPLICATE,
        /** One more result, for a task never exported. */
        LIE
    }

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
            CURVE.getH());
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiskResults() {
    }

    /** @return a new SM2 key pair: {private hex, public hex (uncompressed point, what the admin registers)} */
    public static String[] keyPair() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, new SecureRandom()));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new String[] {((ECPrivateKeyParameters) pair.getPrivate()).getD().toString(16),
                HexFormat.of().formatHex(((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false))};
    }

    /**
     * @param batch the platform's batch file
     * @param privateKeyHex the department's SM2 private key, hex
     * @param decision APPROVED, REJECTED or CORRECTION
     * @param outputs {@code {"department/matter": {"element-id": "value"}}}, or {@code null}
     * @return the department's result file
     * @throws IllegalArgumentException if the batch is no batch file
     */
    public static byte[] write(byte[] batch, String privateKeyHex, String decision, JsonNode outputs, Fault fault) {
        List<String> lines = Arrays.stream(new String(batch, StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank()).toList();
        JsonNode header;
        try {
            header = lines.isEmpty() ? null : JSON.readTree(lines.get(0));
        } catch (IOException e) {
            header = null;
        }
        if (header == null || !"tanghulu-disk-batch/1".equals(header.path("format").asText())) {
            throw new IllegalArgumentException("not a Tanghulu batch file (its first line must have format tanghulu-disk-batch/1)");
        }
        String department = header.path("department").asText();
        DepartmentSystem decider = DepartmentSystem.deciding(outputs);
        List<byte[]> results = new ArrayList<>();
        long lastTask = 0;
        for (String line : lines.subList(1, lines.size())) {
            JsonNode request;
            try {
                request = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("a line of the batch is not JSON: " + e.getMessage());
            }
            if (request.has("signature")) {
                continue;
            }
            ObjectNode answer = decider.decide(department, request, decision, null);
            results.add(bytes(answer));
            if (fault == Fault.DUPLICATE) {
                results.add(bytes(answer));
            }
            lastTask = Math.max(lastTask, request.path("task").asLong());
        }
        if (fault == Fault.LIE) {
            ObjectNode never = JSON.createObjectNode();
            never.put("task", lastTask + 1_000_000);
            results.add(bytes(decider.decide(department, never, decision, null)));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("format", "tanghulu-disk-result/1");
        out.put("department", department);
        out.put("batch", header.path("batch").asText());
        out.put("created", java.time.Instant.now().toString());
        out.put("count", results.size());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(bytes(out));
        file.write('\n');
        for (byte[] r : results) {
            file.writeBytes(r);
            file.write('\n');
        }
        byte[] signed = file.toByteArray();
        if (fault == Fault.UNSIGNED) {
            return signed;
        }
        file.writeBytes(("{\"signature\":\"" + HexFormat.of().formatHex(sign(signed, privateKeyHex)) + "\"}\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] all = file.toByteArray();
        if (fault == Fault.FORGE) {
            String text = new String(all, StandardCharsets.UTF_8);
            int at = text.indexOf("\"kind\":\"") + 8; // APPROVED -> BPPROVED, REJECTED -> SEJECTED: still one line each
            all[at] = (byte) (all[at] + 1);
        } else if (fault == Fault.TRUNCATE) {
            return Arrays.copyOf(all, signed.length - Math.min(10, results.isEmpty() ? 0 : results.get(results.size() - 1).length / 2));
        }
        return all;
    }

    /** @return the SM2 signature (DER) of the message with the private key (hex), as a department signs its result file */
    public static byte[] sign(byte[] message, String privateKeyHex) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(new BigInteger(privateKeyHex.strip(), 16), DOMAIN),
                new SecureRandom()));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
