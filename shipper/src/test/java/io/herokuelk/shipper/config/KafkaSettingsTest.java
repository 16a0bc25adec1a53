package io.herokuelk.shipper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokuelk.shipper.alert.AlerterSettings;
import io.herokuelk.shipper.index.IndexerService;
import io.herokuelk.shipper.index.IndexerSettings;
import io.herokuelk.shipper.ingest.syslog.TestCertificates;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    private static final String HEROKU_URL =
            "kafka+ssl://ec2-1.compute-1.amazonaws.com:9096, kafka+ssl://ec2-2.compute-1.amazonaws.com:9096";

    @Test
    void herokuKafkaUrlGivesTheBrokersAndTlsWithThePemMaterialInline() {
        TestCertificates.Pem client = TestCertificates.rsa();
        KafkaSettings kafka = read(Map.of(
                "KAFKA_URL", HEROKU_URL,
                "KAFKA_TRUSTED_CERT", client.certificate(),
                "KAFKA_CLIENT_CERT", client.certificate(),
                "KAFKA_CLIENT_CERT_KEY", client.key()));

        assertThat(kafka.bootstrapServers())
                .isEqualTo("ec2-1.compute-1.amazonaws.com:9096,ec2-2.compute-1.amazonaws.com:9096");
        assertThat(kafka.clientProperties())
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.endpoint.identification.algorithm", "")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.keystore.type", "PEM");
        assertThat(revealed(kafka, "ssl.truststore.certificates"))
                .isEqualTo(client.certificate().trim());
        assertThat(revealed(kafka, "ssl.keystore.certificate.chain"))
                .isEqualTo(client.certificate().trim());
        assertThat(revealed(kafka, "ssl.keystore.key")).isEqualTo(client.key().trim());
        assertThat(kafka.toString()).doesNotContain("BEGIN");
        assertThat(kafka.clientProperties().toString()).doesNotContain("BEGIN");
    }

    @Test
    void herokusPkcs1ClientKeyIsRewrappedIntoTheFormKafkaLoads() {
        TestCertificates.Pem client = TestCertificates.rsa();
        byte[] pkcs8 = der(client.key());
        String pkcs1 = TestCertificates.pem("RSA PRIVATE KEY", pkcs1Inside(pkcs8));

        KafkaSettings kafka = read(Map.of(
                "KAFKA_URL",
                "kafka+ssl://127.0.0.1:9096", // resolvable, so that the client gets as far as TLS
                "KAFKA_TRUSTED_CERT",
                client.certificate(),
                "KAFKA_CLIENT_CERT",
                client.certificate(),
                "KAFKA_CLIENT_CERT_KEY",
                pkcs1));

        Password key = (Password) kafka.clientProperties().get("ssl.keystore.key");
        assertThat(key.value()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(der(key.value())).isEqualTo(pkcs8);
        // A client builds its TLS key store when it is made: this fails if Kafka cannot read the key.
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.close(Duration.ZERO);
        }
    }

    @Test
    void plainKafkaUrlsNeedNoTls() {
        KafkaSettings kafka = read(Map.of("KAFKA_URL", "kafka://10.0.0.5:9092,kafka://10.0.0.6:9092"));

        assertThat(kafka.bootstrapServers()).isEqualTo("10.0.0.5:9092,10.0.0.6:9092");
        assertThat(kafka.security()).isEmpty();
    }

    @Test
    void kafkaBootstrapServersWinOverKafkaUrl() {
        KafkaSettings kafka = read(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker.internal:9092", "KAFKA_URL", HEROKU_URL));

        assertThat(kafka.bootstrapServers()).isEqualTo("broker.internal:9092");
        assertThat(kafka.security())
                .as("TLS follows KAFKA_SSL, not the ignored KAFKA_URL")
                .isEmpty();
    }

    @Test
    void aBadKafkaUrlIsNamedWithoutAnyPasswordInIt() {
        assertThatThrownBy(() -> read(Map.of(
                        "KAFKA_URL",
                        "https://broker:9096,kafka+ssl://broker-without-port,kafka+ssl://user:s3cret@broker:9096")))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining(
                        "KAFKA_URL item 1 is not kafka+ssl://host:port or kafka://host:port: https://broker:9096")
                .hasMessageContaining("KAFKA_URL item 2")
                .hasMessageContaining("KAFKA_URL item 3")
                .message()
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> read(Map.of("KAFKA_URL", "kafka://a:9092,kafka+ssl://b:9096")))
                .hasMessageContaining("KAFKA_URL mixes kafka:// and kafka+ssl://");
        assertThatThrownBy(() -> read(Map.of("KAFKA_URL", " , ")))
                .hasMessageContaining("KAFKA_URL holds no broker address");
    }

    @Test
    void badClientKeysAreNamedWithoutTheirText() {
        TestCertificates.Pem client = TestCertificates.rsa();
        assertThatThrownBy(() -> read(Map.of("KAFKA_URL", HEROKU_URL, "KAFKA_CLIENT_CERT", client.certificate())))
                .hasMessageContaining("KAFKA_CLIENT_CERT and KAFKA_CLIENT_CERT_KEY must be set together");
        assertThatThrownBy(() -> read(Map.of(
                        "KAFKA_URL",
                        HEROKU_URL,
                        "KAFKA_CLIENT_CERT",
                        client.certificate(),
                        "KAFKA_CLIENT_CERT_KEY",
                        "-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0a2V5\n-----END RSA PRIVATE KEY-----")))
                .hasMessageContaining("KAFKA_CLIENT_CERT_KEY is not a readable RSA private key")
                .message()
                .doesNotContain("c2VjcmV0a2V5");
    }

    @Test
    void kafkaPrefixStartsEveryTopicGroupAndTransactionalId() {
        Map<String, String> variables =
                Map.of("KAFKA_URL", HEROKU_URL, "KAFKA_PREFIX", "columbia-12345.", "INDEXER_GROUP_ID", "my-indexers");
        Environment env = new Environment(variables);
        KafkaSettings kafka = KafkaSettings.from(env);
        IndexerSettings indexer = IndexerSettings.from(env, kafka);
        AlerterSettings alerter = AlerterSettings.from(env, kafka);
        env.validate();

        assertThat(new String[] {
                    kafka.eventsTopic(),
                    kafka.deadLetterTopic(),
                    kafka.alertsTopic(),
                    indexer.topic(),
                    indexer.alertsTopic(),
                    indexer.groupId(),
                    alerter.eventsTopic(),
                    alerter.alertsTopic(),
                    alerter.groupId(),
                    alerter.notifierGroupId(),
                    kafka.names().alerterTransactions()
                })
                .allSatisfy(name -> assertThat(name).startsWith("columbia-12345."));
        assertThat(indexer.groupId()).isEqualTo("columbia-12345.my-indexers");
        assertThat(kafka.eventsTopic()).isEqualTo("columbia-12345.heroku-logs");
    }

    @Test
    void theIndexersFetchesHoldAboutOneBatchNotKafkasFiftyMegabytes() {
        Map<String, Object> defaults = fetchBounds(Map.of());
        assertThat(defaults.get(ConsumerConfig.FETCH_MAX_BYTES_CONFIG)).isEqualTo(5 * 1024 * 1024);
        assertThat(defaults.get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG))
                .isEqualTo(1024 * 1024);
        assertThat(fetchBounds(Map.of("INDEXER_BATCH_BYTES", "104857600")).get(ConsumerConfig.FETCH_MAX_BYTES_CONFIG))
                .as("capped however large the batch")
                .isEqualTo(16 * 1024 * 1024);
        assertThat(fetchBounds(Map.of("INDEXER_BATCH_BYTES", "65536")))
                .as("never below one partition's fetch")
                .containsEntry(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1024 * 1024)
                .containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
    }

    private static Map<String, Object> fetchBounds(Map<String, String> variables) {
        Environment env = new Environment(variables);
        IndexerSettings indexer = IndexerSettings.from(env, KafkaSettings.from(env));
        env.validate();
        return IndexerService.consumerProperties(KafkaSettings.from(new Environment(Map.of())), indexer);
    }

    @Test
    void withoutAPrefixTheNamesAreTheDefaults() {
        KafkaNames names = read(Map.of()).names();

        assertThat(names)
                .isEqualTo(new KafkaNames(
                        "",
                        "heroku-logs",
                        "heroku-logs-dead-letters",
                        "heroku-alerts",
                        "heroku-elk-indexer",
                        "heroku-elk-alerter",
                        "heroku-elk-notifier",
                        "heroku-elk-alerter-"));
    }

    private static KafkaSettings read(Map<String, String> variables) {
        Environment env = new Environment(new HashMap<>(variables));
        KafkaSettings settings = KafkaSettings.from(env);
        env.validate();
        return settings;
    }

    /** PEM material is held as Kafka passwords, which print as hidden. */
    private static String revealed(KafkaSettings kafka, String property) {
        return ((Password) kafka.clientProperties().get(property)).value();
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** The PKCS#1 key inside a PKCS#8 one: the content of the OCTET STRING after the version and algorithm. */
    private static byte[] pkcs1Inside(byte[] pkcs8) {
        int[] at = {0};
        enter(pkcs8, at);
        for (int skipped = 0; skipped < 2; skipped++) { // the version, then the algorithm
            int length = enter(pkcs8, at);
            at[0] += length;
        }
        int length = enter(pkcs8, at);
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
    }

    /** Reads a DER tag and length at {@code at}, leaves {@code at} on the content, returns the content's length. */
    private static int enter(byte[] der, int[] at) {
        at[0]++;
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }
}
