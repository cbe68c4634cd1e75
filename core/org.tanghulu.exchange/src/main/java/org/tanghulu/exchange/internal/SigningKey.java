package org.tanghulu.exchange.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

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
 * The platform's SM2 key pair (curve {@code sm2p256v1}) that signs dossier heads. Kept in the
 * database so that every node signs with it; {@link #toString()} never shows the private part.
 */
final class SigningKey {

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
            CURVE.getH());
    private static final HexFormat HEX = HexFormat.of();

    private final ECPrivateKeyParameters secret;
    private final ECPublicKeyParameters open;
    private final SecureRandom random = new SecureRandom();
    private SM2Signer signer;

    private SigningKey(ECPrivateKeyParameters secret, ECPublicKeyParameters open) {
        this.secret = secret;
        this.open = open;
    }

    /** @return a new random key pair */
    static SigningKey generate() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, new SecureRandom()));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new SigningKey((ECPrivateKeyParameters) pair.getPrivate(), (ECPublicKeyParameters) pair.getPublic());
    }

    /** @return the key pair as {@link #privateHex()} and {@link #publicHex()} stored it */
    static SigningKey stored(String privateHex, String publicHex) {
        return new SigningKey(new ECPrivateKeyParameters(new BigInteger(privateHex, 16), DOMAIN), publicOnly(publicHex).open);
    }

    /** @return a key that only verifies */
    static SigningKey publicOnly(String publicHex) {
        return new SigningKey(null, new ECPublicKeyParameters(CURVE.getCurve().decodePoint(HEX.parseHex(publicHex)), DOMAIN));
    }

    String privateHex() {
        return secret.getD().toString(16);
    }

    /** @return the public point, uncompressed, in hex: what verifies a signed head offline */
    String publicHex() {
        return HEX.formatHex(open.getQ().getEncoded(false));
    }

    /**
     * @return the SM2 signature (DER) of the message. One signer serves every call: its set-up derives the
     *         public point and the signer's Z value (a scalar multiplication as costly as the signature
     *         itself), and a signer is ready again after each signature.
     */
    synchronized byte[] sign(byte[] message) {
        if (signer == null) {
            signer = new SM2Signer();
            signer.init(true, new ParametersWithRandom(secret, random));
        }
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed: " + e.getMessage(), e);
        }
    }

    /** @return whether the signature is this key's over the message */
    boolean verifies(byte[] message, byte[] signature) {
        SM2Signer signer = new SM2Signer();
        signer.init(false, open);
        signer.update(message, 0, message.length);
        try {
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false; // not a signature at all (bad DER)
        }
    }

    @Override
    public String toString() {
        return "SM2 key " + publicHex().substring(0, 16) + "...";
    }
}
