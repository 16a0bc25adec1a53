package io.herokuelk.shipper.ingest.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Self-signed certificates made by the JDK's keytool, exported as the PEM text the environment would hold. */
public final class TestCertificates {

    /** PEM text of a certificate and its PKCS#8 key. */
    public record Pem(String certificate, String key, X509Certificate x509) {

        /** A client context that trusts exactly this certificate. */
        SSLContext trustingClient() throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", x509);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        }
    }

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final ConcurrentHashMap<String, Pem> MADE = new ConcurrentHashMap<>();

    private TestCertificates() {}

    public static Pem rsa() {
        return MADE.computeIfAbsent("rsa", name -> make(name, List.of("-keyalg", "RSA", "-keysize", "2048")));
    }

    static Pem ec() {
        return MADE.computeIfAbsent("ec", name -> make(name, List.of("-keyalg", "EC", "-groupname", "secp256r1")));
    }

    /** Another RSA pair, for a key that belongs to a different certificate. */
    static Pem otherRsa() {
        return MADE.computeIfAbsent("other", name -> make(name, List.of("-keyalg", "RSA", "-keysize", "2048")));
    }

    private static Pem make(String name, List<String> algorithm) {
        try {
            Path dir = Files.createTempDirectory("syslog-tls-");
            Path store = dir.resolve(name + ".p12");
            String keytool =
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            List<String> command = new java.util.ArrayList<>(List.of(
                    keytool,
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    store.toString(),
                    "-storepass",
                    new String(PASSWORD)));
            command.addAll(algorithm);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            PrivateKey key = (PrivateKey) keys.getKey("server", PASSWORD);
            X509Certificate certificate = (X509Certificate) keys.getCertificate("server");
            return new Pem(
                    pem("CERTIFICATE", certificate.getEncoded()), pem("PRIVATE KEY", key.getEncoded()), certificate);
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not make a test certificate", e);
        }
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
