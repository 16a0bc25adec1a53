package io.herokuelk.shipper.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokuelk.shipper.config.ConfigurationException;
import io.herokuelk.shipper.config.Secret;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

class PemServerContextTest {

    @Test
    void anRsaCertificateAndItsPkcs8KeyMakeAServerContext() {
        TestCertificates.Pem pem = TestCertificates.rsa();

        SSLContext context = PemServerContext.create(new Secret(pem.certificate()), new Secret(pem.key()));

        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        assertThat(engine.getSupportedProtocols()).contains("TLSv1.2", "TLSv1.3");
    }

    @Test
    void anEcCertificateAndItsPkcs8KeyMakeAServerContext() {
        TestCertificates.Pem pem = TestCertificates.ec();

        assertThat(PemServerContext.create(new Secret(pem.certificate()), new Secret(pem.key())))
                .isNotNull();
    }

    @Test
    void pemPastedWithLiteralBackslashNAsLineBreaksIsRead() {
        TestCertificates.Pem pem = TestCertificates.rsa();

        assertThat(PemServerContext.create(
                        new Secret(pem.certificate().replace("\n", "\\n")),
                        new Secret(pem.key().replace("\n", "\\n"))))
                .isNotNull();
    }

    @Test
    void aKeyOfAnotherCertificateFailsNamingTheKeyVariable() {
        assertThatThrownBy(() -> PemServerContext.create(
                        new Secret(TestCertificates.rsa().certificate()),
                        new Secret(TestCertificates.otherRsa().key())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "SYSLOG_TLS_KEY is not the private key of the first certificate in" + " SYSLOG_TLS_CERT");
    }

    @Test
    void anEcKeyForAnRsaCertificateFailsNamingTheKeyVariable() {
        assertThatThrownBy(() -> PemServerContext.create(
                        new Secret(TestCertificates.rsa().certificate()),
                        new Secret(TestCertificates.ec().key())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SYSLOG_TLS_KEY is not the private key");
    }

    @Test
    void textThatIsNoCertificateFailsNamingTheCertificateVariable() {
        assertThatThrownBy(() -> PemServerContext.create(
                        new Secret("not a certificate"),
                        new Secret(TestCertificates.rsa().key())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SYSLOG_TLS_CERT holds no PEM block");
    }

    @Test
    void aCorruptCertificateBlockFailsNamingTheCertificateVariableAndBlock() {
        String corrupt = TestCertificates.pem("CERTIFICATE", new byte[] {1, 2, 3, 4});

        assertThatThrownBy(() -> PemServerContext.create(
                        new Secret(corrupt), new Secret(TestCertificates.rsa().key())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SYSLOG_TLS_CERT block 1 is not a readable X.509 certificate");
    }

    @Test
    void aKeyThatIsNoKeyFailsWithoutPrintingItsText() {
        byte[] secretBytes = "this is the secret key material 0123456789".getBytes();
        String notAKey = TestCertificates.pem("PRIVATE KEY", secretBytes);
        String body = Base64.getEncoder().encodeToString(secretBytes);

        assertThatThrownBy(() -> PemServerContext.create(
                        new Secret(TestCertificates.rsa().certificate()), new Secret(notAKey)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SYSLOG_TLS_KEY is not a PKCS#8 RSA, EC or EdDSA private key")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(body.substring(0, 20))
                        .doesNotContain("secret key material"));
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() {
        String pkcs1 = TestCertificates.rsa().key().replace("PRIVATE KEY", "RSA PRIVATE KEY");

        assertThatThrownBy(() -> PemServerContext.create(
                        new Secret(TestCertificates.rsa().certificate()), new Secret(pkcs1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SYSLOG_TLS_KEY is a RSA PRIVATE KEY (PKCS#1 or SEC1)")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void anEncryptedKeyIsRefused() {
        String encrypted = TestCertificates.rsa().key().replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY");

        assertThatThrownBy(() -> PemServerContext.create(
                        new Secret(TestCertificates.rsa().certificate()), new Secret(encrypted)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SYSLOG_TLS_KEY is encrypted");
    }

    @Test
    void aKeyInTheCertificateVariableIsNamedAsTheWrongBlock() {
        TestCertificates.Pem pem = TestCertificates.rsa();

        assertThatThrownBy(() -> PemServerContext.create(new Secret(pem.key()), new Secret(pem.key())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SYSLOG_TLS_CERT block 1 is a PRIVATE KEY, not a CERTIFICATE")
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain(pem.key().substring(28, 60)));
    }
}
