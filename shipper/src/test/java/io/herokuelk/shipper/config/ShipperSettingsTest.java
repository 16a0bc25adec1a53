package io.herokuelk.shipper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipperSettingsTest {

    private static final Map<String, String> MINIMAL =
            Map.of("DRAIN_CREDENTIALS", "logplex:s3cret-long-enough-for-a-drain");

    @Test
    void defaultsNeedOnlyDrainCredentials() {
        ShipperSettings settings = ShipperSettings.fromEnvironment(MINIMAL);

        assertThat(settings.drain().port()).isEqualTo(5000);
        assertThat(settings.drain().authRequired()).isTrue();
        assertThat(settings.drain().maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.kafka().eventsTopic()).isEqualTo("heroku-logs");
        assertThat(settings.kafka().security()).isEmpty();
        assertThat(settings.parser().includeOriginal()).isTrue();
        assertThat(settings.publishTimeout().toMillis()).isLessThan(5_000);
    }

    @Test
    void drainsWithoutCredentialsNeedAnExplicitOptOut() {
        assertThatThrownBy(() -> ShipperSettings.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DRAIN_CREDENTIALS")
                .hasMessageContaining("DRAIN_AUTH=none");
        assertThat(ShipperSettings.fromEnvironment(Map.of("DRAIN_AUTH", "none"))
                        .drain()
                        .authRequired())
                .isFalse();
    }

    @Test
    void everyBadVariableIsNamedAndNoSecretIsPrinted() {
        assertThatThrownBy(() -> ShipperSettings.fromEnvironment(Map.of(
                        "DRAIN_CREDENTIALS", "logplex:s3cret-long-enough-for-a-drain,broken-without-password",
                        "PORT", "http",
                        "DRAIN_MAX_BODY_BYTES", "10",
                        "EVENT_ORIGINAL", "maybe",
                        "SYSLOG_TLS_PORT", "6514")))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.problems()).hasSize(5))
                .hasMessageContaining("PORT=http")
                .hasMessageContaining("DRAIN_MAX_BODY_BYTES=10")
                .hasMessageContaining("EVENT_ORIGINAL=maybe")
                .hasMessageContaining("SYSLOG_TLS_CERT")
                .hasMessageContaining("DRAIN_CREDENTIALS item 2")
                .message()
                .doesNotContain("s3cret")
                .doesNotContain("broken-without-password");
    }

    @Test
    void herokuKafkaVariablesGiveTlsWithPemMaterialAndThePrefix() {
        Map<String, String> env = Map.of(
                "DRAIN_AUTH", "none",
                "KAFKA_URL",
                        "kafka+ssl://ec2-1.compute.amazonaws.com:9096,kafka+ssl://ec2-2.compute.amazonaws.com:9096",
                "KAFKA_TRUSTED_CERT", "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
                "KAFKA_CLIENT_CERT", "-----BEGIN CERTIFICATE-----\nME\n-----END CERTIFICATE-----",
                "KAFKA_CLIENT_CERT_KEY", "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----",
                "KAFKA_PREFIX", "columbia-12345.");

        KafkaSettings kafka = ShipperSettings.fromEnvironment(env).kafka();

        assertThat(kafka.bootstrapServers())
                .isEqualTo("ec2-1.compute.amazonaws.com:9096,ec2-2.compute.amazonaws.com:9096");
        assertThat(kafka.clientProperties())
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.keystore.type", "PEM")
                .containsEntry("ssl.endpoint.identification.algorithm", "");
        assertThat(kafka.eventsTopic()).isEqualTo("columbia-12345.heroku-logs");
        assertThat(kafka.deadLetterTopic()).isEqualTo("columbia-12345.heroku-logs-dead-letters");
        assertThat(kafka.toString()).doesNotContain("KEY").doesNotContain("BEGIN");
    }

    @Test
    void aSecretNeverPrintsItsValue() {
        Secret secret = new Secret("hunter2");

        assertThat(secret.toString()).doesNotContain("hunter2");
        assertThat(secret.matches("hunter2")).isTrue();
        assertThat(secret.matches("hunter3")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }
}
