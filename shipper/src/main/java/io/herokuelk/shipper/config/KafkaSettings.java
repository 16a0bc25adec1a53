package io.herokuelk.shipper.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Where Kafka is and how to talk to it: {@code KAFKA_BOOTSTRAP_SERVERS}, or Heroku Kafka's own variables
 * ({@code KAFKA_URL} with {@code kafka+ssl://} addresses, {@code KAFKA_TRUSTED_CERT}, {@code KAFKA_CLIENT_CERT},
 * {@code KAFKA_CLIENT_CERT_KEY}, {@code KAFKA_PREFIX}) so the shipper runs on Heroku unchanged.
 *
 * @param bootstrapServers  {@code host:port,...}
 * @param security          client properties for TLS (PEM material inline); empty for plaintext
 * @param prefix            {@code KAFKA_PREFIX}: Heroku's multi-tenant plans require it on topic and group names
 * @param eventsTopic       {@code KAFKA_EVENTS_TOPIC}, default {@code heroku-logs}: every parsed event
 * @param deadLetterTopic   {@code KAFKA_DEAD_LETTER_TOPIC}, default {@code heroku-logs-dead-letters}
 * @param alertsTopic       {@code KAFKA_ALERTS_TOPIC}, default {@code heroku-alerts}: alert decisions, read by the
 *                          notifier and indexed as alert history
 */
public record KafkaSettings(String bootstrapServers, Map<String, Object> security, String prefix,
                            String eventsTopic, String deadLetterTopic, String alertsTopic) {

    public static KafkaSettings from(Environment env) {
        Optional<String> herokuUrl = env.optional("KAFKA_URL");
        String bootstrap = env.optional("KAFKA_BOOTSTRAP_SERVERS")
                .or(() -> herokuUrl.map(KafkaSettings::stripSchemes))
                .orElse("127.0.0.1:9092");
        Map<String, Object> security = new LinkedHashMap<>();
        boolean tls = herokuUrl.map(url -> url.contains("kafka+ssl://")).orElse(false)
                || env.flag("KAFKA_SSL", false);
        if (tls) {
            security.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
            // Heroku Kafka's broker certificates are issued for no host name; trust comes from its own CA.
            security.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
            env.secret("KAFKA_TRUSTED_CERT").ifPresent(ca -> {
                security.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
                security.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, ca.reveal());
            });
            Optional<Secret> certificate = env.secret("KAFKA_CLIENT_CERT");
            Optional<Secret> key = env.secret("KAFKA_CLIENT_CERT_KEY");
            if (certificate.isPresent() != key.isPresent()) {
                env.problem("KAFKA_CLIENT_CERT and KAFKA_CLIENT_CERT_KEY must be set together");
            } else if (certificate.isPresent()) {
                security.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
                security.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, certificate.get().reveal());
                security.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, key.get().reveal());
            }
        }
        String prefix = env.string("KAFKA_PREFIX", "");
        return new KafkaSettings(bootstrap, Map.copyOf(security), prefix,
                prefix + env.string("KAFKA_EVENTS_TOPIC", "heroku-logs"),
                prefix + env.string("KAFKA_DEAD_LETTER_TOPIC", "heroku-logs-dead-letters"),
                prefix + env.string("KAFKA_ALERTS_TOPIC", "heroku-alerts"));
    }

    /** {@code kafka+ssl://a:9096,kafka+ssl://b:9096} into {@code a:9096,b:9096}. */
    static String stripSchemes(String urls) {
        return Arrays.stream(urls.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(url -> url.contains("://") ? url.substring(url.indexOf("://") + 3) : url)
                .collect(Collectors.joining(","));
    }

    /** Client properties common to producers, consumers and admin clients. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>(security);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    @Override
    public String toString() {
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", tls=" + !security.isEmpty() + ", prefix="
                + prefix + ", eventsTopic=" + eventsTopic + ", deadLetterTopic=" + deadLetterTopic + ", alertsTopic="
                + alertsTopic + "]";
    }
}
