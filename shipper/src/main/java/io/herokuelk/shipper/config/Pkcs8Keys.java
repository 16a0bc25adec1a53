package io.herokuelk.shipper.config;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A PEM private key in the one form Kafka's PEM key store reads, PKCS#8 ({@code BEGIN PRIVATE KEY}). Heroku Kafka
 * hands out its client key as PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), which Kafka refuses, so that form is rewrapped
 * here with the JDK alone. Problems name the variable, never the key's text.
 */
final class Pkcs8Keys {

    /** DER of the PKCS#8 header parts for RSA: version 0 and AlgorithmIdentifier{rsaEncryption, NULL}. */
    private static final byte[] VERSION = {0x02, 0x01, 0x00};

    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private Pkcs8Keys() {}

    /** The key as PKCS#8 PEM text, or empty with a problem recorded in {@code env}. */
    static Optional<Secret> pkcs8(Secret pem, String variable, Environment env) {
        List<PemBlock> blocks = PemBlock.all(pem.reveal());
        if (blocks.isEmpty()) {
            env.problem(
                    variable + " holds no PEM block (-----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----)");
            return Optional.empty();
        }
        PemBlock block = blocks.getFirst();
        String label = block.label();
        switch (label) {
            case "PRIVATE KEY" -> {
                return Optional.of(pem);
            }
            case "RSA PRIVATE KEY" -> {
                return rewrapped(block, variable, env);
            }
            case "ENCRYPTED PRIVATE KEY" -> env.problem(variable + " is encrypted; give it unencrypted");
            default -> env.problem(variable + " is a " + label + " block, not a private key");
        }
        return Optional.empty();
    }

    private static Optional<Secret> rewrapped(PemBlock block, String variable, Environment env) {
        try {
            byte[] pkcs8 = der(0x30, concat(VERSION, RSA_ALGORITHM, der(0x04, block.der())));
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return Optional.of(new Secret("-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n"));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            env.problem(variable + " is not a readable RSA private key (an encrypted PKCS#1 key is not supported)");
            return Optional.empty();
        }
    }

    /** One DER element: tag, definite length, content. */
    static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        if (content.length < 0x80) {
            out.write(content.length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(content.length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write(content.length >>> shift);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
