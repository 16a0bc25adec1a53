package io.herokuelk.shipper.telemetry;

import io.herokuelk.shipper.config.KafkaSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Kafka is usable when a broker answers who is in the cluster within a few seconds. */
public final class KafkaProbe implements Readiness.Probe, AutoCloseable {

    private static final int TIMEOUT_MS = 3_000;

    private final Admin admin;
    private final String where;

    public KafkaProbe(KafkaSettings kafka, String clientId) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.admin = Admin.create(properties);
        this.where = kafka.summary();
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void check() throws Exception {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes()
                    .get(TIMEOUT_MS + 1_000L, TimeUnit.MILLISECONDS)
                    .size();
            if (brokers == 0) {
                throw new IllegalStateException("Kafka at " + where + " lists no brokers");
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + where + " did not answer: "
                            + (e.getCause() == null
                                    ? e.toString()
                                    : e.getCause().getMessage()),
                    e);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
