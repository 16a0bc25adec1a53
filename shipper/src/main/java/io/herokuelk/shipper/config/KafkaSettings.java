package io.herokuelk.shipper.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;

/**
 * Where Kafka is and how to talk to it: {@code KAFKA_BOOTSTRAP_SERVERS} (with {@code KAFKA_SSL}), or the variables
 * of the Apache Kafka on Heroku add-on ({@code KAFKA_URL} with {@code kafka+ssl://} addresses,
 * {@code KAFKA_TRUSTED_CERT}, {@code KAFKA_CLIENT_CERT}, {@code KAFKA_CLIENT_CERT_KEY}, {@code KAFKA_PREFIX}) so the
 * shipper runs on Heroku unchanged.
 *
 * <p>When both are set, {@code KAFKA_BOOTSTRAP_SERVERS} wins and {@code KAFKA_URL} is ignored, TLS then following
 * {@code KAFKA_SSL}: an app with the add-on attached can still be pointed at another cluster without detaching it.
 *
 * @param bootstrapServers  {@code host:port,...}
 * @param security          client properties for TLS (PEM material inline, as Kafka {@link Password}s, which print
 *                          as hidden); empty for plaintext
 * @param names             every topic, group and transactional id, {@code KAFKA_PREFIX} applied ({@link KafkaNames})
 */
public record KafkaSettings(String bootstrapServers, Map<String, Object> security, KafkaNames names) {

    public static KafkaSettings from(Environment env) {
        Optional<String> servers = env.optional("KAFKA_BOOTSTRAP_SERVERS");
        boolean sslFlag = env.flag("KAFKA_SSL", false);
        Optional<KafkaUrl> heroku = servers.isPresent()
                ? Optional.empty()
                : env.optional(KafkaUrl.VARIABLE).flatMap(url -> KafkaUrl.parse(url, env));
        String bootstrap =
                servers.or(() -> heroku.map(KafkaUrl::bootstrapServers)).orElse("127.0.0.1:9092");
        boolean tls = heroku.map(KafkaUrl::tls).orElse(sslFlag);
        return new KafkaSettings(bootstrap, tls ? tlsProperties(env) : Map.of(), KafkaNames.from(env));
    }

    private static Map<String, Object> tlsProperties(Environment env) {
        Map<String, Object> security = new LinkedHashMap<>();
        security.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        // Heroku Kafka's broker certificates do not name the brokers' hosts, so host name checking would refuse
        // every broker; trust comes from KAFKA_TRUSTED_CERT, Heroku's own CA for the cluster, instead.
        security.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
        env.secret("KAFKA_TRUSTED_CERT").ifPresent(ca -> {
            security.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            security.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, new Password(ca.reveal()));
        });
        Optional<Secret> certificate = env.secret("KAFKA_CLIENT_CERT");
        Optional<Secret> key = env.secret("KAFKA_CLIENT_CERT_KEY");
        if (certificate.isPresent() != key.isPresent()) {
            env.problem("KAFKA_CLIENT_CERT and KAFKA_CLIENT_CERT_KEY must be set together");
        } else if (certificate.isPresent()) {
            Pkcs8Keys.pkcs8(key.get(), "KAFKA_CLIENT_CERT_KEY", env).ifPresent(pkcs8 -> {
                security.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
                security.put(
                        SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG,
                        new Password(certificate.get().reveal()));
                security.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, new Password(pkcs8.reveal()));
            });
        }
        return Map.copyOf(security);
    }

    /** {@link KafkaNames#eventsTopic()}. */
    public String eventsTopic() {
        return names.eventsTopic();
    }

    /** {@link KafkaNames#deadLetterTopic()}. */
    public String deadLetterTopic() {
        return names.deadLetterTopic();
    }

    /** {@link KafkaNames#alertsTopic()}. */
    public String alertsTopic() {
        return names.alertsTopic();
    }

    /** Client properties common to producers, consumers and admin clients. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>(security);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    /** For logs: the brokers, TLS or not, and the prefix; never the TLS material. */
    public String summary() {
        return bootstrapServers
                + (security.isEmpty() ? "" : " over TLS")
                + (names.prefix().isEmpty() ? "" : ", prefix " + names.prefix());
    }

    @Override
    public String toString() {
        return summary();
    }
}
