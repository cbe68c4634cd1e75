package org.tanghulu.core.internal.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An applicant's access key is the HMAC-SHA256 of the tracking number under a secret the
 * platform made for itself: nothing to store per case, the same key on a replayed
 * submission, and no way to derive it from the tracking number alone.
 */
final class AccessKeys {

    private final byte[] secret;

    AccessKeys(byte[] secret) {
        this.secret = secret.clone();
    }

    String keyFor(String trackingNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(trackingNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares in constant time. */
    boolean matches(String trackingNumber, String key) {
        return key != null && MessageDigest.isEqual(keyFor(trackingNumber).getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8));
    }
}
