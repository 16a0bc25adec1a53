package io.herokuelk.shipper.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Environments the shipper's readers are run over to learn which variables they read, without the process's own
 * environment: the defaults, TLS to brokers named directly, and the Apache Kafka on Heroku add-on, whose TLS material
 * is read only once TLS is on. Values are placeholders: the readers take PEM text as it is and connect nowhere.
 * Together they reach every branch that reads a variable.
 */
public final class SampleEnvironments {

    private static final String CERTIFICATE = "-----BEGIN CERTIFICATE-----\nc2FtcGxl\n-----END CERTIFICATE-----\n";
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nc2FtcGxl\n-----END PRIVATE KEY-----\n";

    private SampleEnvironments() {}

    public static List<Map<String, String>> all() {
        return List.of(defaults(), tlsByFlag(), herokuKafka());
    }

    /**
     * Every variable {@code reader} asks for over {@link #all()}.
     *
     * @throws ConfigurationException when a sample is refused: samples must be valid so that readers run to their end
     */
    public static Set<String> readBy(Function<Map<String, String>, ?> reader) {
        Set<String> names = new TreeSet<>();
        for (Map<String, String> sample : all()) {
            RecordingEnvironment environment = new RecordingEnvironment(sample);
            reader.apply(environment);
            names.addAll(environment.asked());
        }
        return names;
    }

    /** What a drain needs and nothing more. */
    static Map<String, String> defaults() {
        return Map.of("DRAIN_CREDENTIALS", "logplex:sample-password-0123456789");
    }

    /** {@code KAFKA_SSL=true} with a client certificate. */
    static Map<String, String> tlsByFlag() {
        Map<String, String> sample = new HashMap<>(defaults());
        sample.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9093", "KAFKA_SSL", "true"));
        sample.putAll(tlsMaterial());
        return sample;
    }

    /** The add-on's own variables: {@code kafka+ssl://} brokers, PEM material and the multi-tenant prefix. */
    static Map<String, String> herokuKafka() {
        Map<String, String> sample = new HashMap<>(defaults());
        sample.putAll(Map.of(
                "KAFKA_URL",
                "kafka+ssl://kafka-1.example:9096,kafka+ssl://kafka-2.example:9096",
                "KAFKA_PREFIX",
                "sample-"));
        sample.putAll(tlsMaterial());
        return sample;
    }

    private static Map<String, String> tlsMaterial() {
        return Map.of(
                "KAFKA_TRUSTED_CERT", CERTIFICATE, "KAFKA_CLIENT_CERT", CERTIFICATE, "KAFKA_CLIENT_CERT_KEY", KEY);
    }
}
