package org.tanghulu.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC both sides put on a request, an answer's callback and the platform's requests:
 * {@code X-Tanghulu-Signature = hex(HMAC-SHA256(secret, timestamp + "\n" + body))} with
 * {@code X-Tanghulu-Timestamp} the epoch seconds; a timestamp more than {@link #WINDOW} away is stale.
 */
final class Signatures {

    static final String TIMESTAMP = "X-Tanghulu-Timestamp";
    static final String SIGNATURE = "X-Tanghulu-Signature";
    static final Duration WINDOW = Duration.ofMinutes(5);

    private Signatures() {
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** @return why the signature is not acceptable, or {@code null} if it is */
    static String check(String secret, String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null) {
            return "the " + TIMESTAMP + " and " + SIGNATURE + " headers are required";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return TIMESTAMP + " is not a number of seconds";
        }
        if (Math.abs(now.getEpochSecond() - seconds) > WINDOW.toSeconds()) {
            return "the timestamp is more than " + WINDOW.toMinutes() + " minutes away from the platform's clock (a replay?)";
        }
        byte[] expected = sign(secret, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII)) ? null
                : "the signature does not match the department's secret";
    }
}
