package io.herokuelk.shipper.ingest.syslog;

import io.herokuelk.shipper.config.ConfigurationException;
import io.herokuelk.shipper.config.PemBlock;
import io.herokuelk.shipper.config.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS listener's {@link SSLContext}, built with the JDK alone from PEM text in the environment: a certificate
 * chain ({@code SYSLOG_TLS_CERT}, leaf first) and an unencrypted PKCS#8 private key ({@code SYSLOG_TLS_KEY}, RSA,
 * EC or EdDSA). Bad material fails with a message naming the variable; the key's text never appears in a message.
 */
final class PemServerContext {

    static final String CERTIFICATE_VARIABLE = "SYSLOG_TLS_CERT";
    static final String KEY_VARIABLE = "SYSLOG_TLS_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(PemServerContext.class);
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA", "RSASSA-PSS"};
    /** The key store lives in memory only; its password protects nothing and is never written anywhere. */
    private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

    private PemServerContext() {}

    static SSLContext create(Secret certificatePem, Secret keyPem) {
        List<String> problems = new ArrayList<>();
        List<X509Certificate> chain = certificates(certificatePem.reveal(), problems);
        PrivateKey key = privateKey(keyPem.reveal(), problems);
        if (!chain.isEmpty()
                && key != null
                && !belongTogether(key, chain.getFirst().getPublicKey())) {
            problems.add(KEY_VARIABLE + " is not the private key of the first certificate in " + CERTIFICATE_VARIABLE
                    + " (the server's own certificate must come first, then its issuers)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        warnIfNotValidNow(chain.getFirst());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("syslog", key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigurationException(List.of("The TLS listener could not be set up from " + CERTIFICATE_VARIABLE
                    + " and " + KEY_VARIABLE + ": " + e.getClass().getSimpleName()));
        }
    }

    /** Every {@code CERTIFICATE} block, in order; problems name {@link #CERTIFICATE_VARIABLE}. */
    static List<X509Certificate> certificates(String pem, List<String> problems) {
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
        int index = 0;
        for (PemBlock block : PemBlock.all(pem)) {
            index++;
            if (!block.label().equals("CERTIFICATE")) {
                problems.add(
                        CERTIFICATE_VARIABLE + " block " + index + " is a " + block.label() + ", not a CERTIFICATE");
                continue;
            }
            try {
                byte[] der = block.der();
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | CertificateException e) {
                problems.add(CERTIFICATE_VARIABLE + " block " + index + " is not a readable X.509 certificate");
            }
        }
        if (index == 0) {
            problems.add(CERTIFICATE_VARIABLE + " holds no PEM block (-----BEGIN CERTIFICATE-----)");
        }
        return problems.isEmpty() ? chain : List.of();
    }

    /** The one {@code PRIVATE KEY} block, or null with a problem naming {@link #KEY_VARIABLE}. */
    static PrivateKey privateKey(String pem, List<String> problems) {
        List<PemBlock> blocks = PemBlock.all(pem);
        if (blocks.size() != 1) {
            problems.add(KEY_VARIABLE + " must hold exactly one PEM block (-----BEGIN PRIVATE KEY-----), it holds "
                    + blocks.size());
            return null;
        }
        PemBlock block = blocks.getFirst();
        switch (block.label()) {
            case "PRIVATE KEY" -> {
                // the supported form
            }
            case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> {
                problems.add(KEY_VARIABLE + " is a " + block.label() + " (PKCS#1 or SEC1); convert it to PKCS#8 with"
                        + " `openssl pkcs8 -topk8 -nocrypt -in key.pem`");
                return null;
            }
            case "ENCRYPTED PRIVATE KEY" -> {
                problems.add(KEY_VARIABLE + " is encrypted; give it unencrypted (PKCS#8, BEGIN PRIVATE KEY)");
                return null;
            }
            default -> {
                problems.add(KEY_VARIABLE + " is a " + block.label() + " block, not a PRIVATE KEY");
                return null;
            }
        }
        byte[] der;
        try {
            der = block.der();
        } catch (IllegalArgumentException e) {
            problems.add(KEY_VARIABLE + " is not valid base64 inside its PEM block");
            return null;
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
                // not this algorithm; try the next
            }
        }
        problems.add(KEY_VARIABLE + " is not a PKCS#8 RSA, EC or EdDSA private key");
        return null;
    }

    /** Signs a sample with the key and checks it with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true; // RSASSA-PSS needs parameters; the TLS handshake will tell
        }
        try {
            byte[] sample = "heroku-elk syslog key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(sample);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(sample);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a key of another algorithm than the certificate's
        }
    }

    private static void warnIfNotValidNow(X509Certificate certificate) {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException e) {
            LOG.warn(
                    "The syslog TLS certificate ({}) expired on {}; senders that check it will refuse to connect.",
                    CERTIFICATE_VARIABLE,
                    certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            LOG.warn(
                    "The syslog TLS certificate ({}) is valid only from {}; senders that check it will refuse to"
                            + " connect until then.",
                    CERTIFICATE_VARIABLE,
                    certificate.getNotBefore().toInstant());
        }
    }
}
