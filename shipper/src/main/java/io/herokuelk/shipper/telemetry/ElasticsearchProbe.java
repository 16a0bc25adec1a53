package io.herokuelk.shipper.telemetry;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.index.ElasticsearchClients;
import java.time.Duration;

/**
 * Elasticsearch is usable when it answers the cluster's health with our credentials within 3 s and the cluster is
 * not red (cluster health, because the minimal distribution has no {@code GET /}). A hung node fails the check.
 */
public final class ElasticsearchProbe implements Readiness.Probe, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ElasticsearchClient client;

    /** A client of its own, with a short deadline, so that a hung cluster cannot hold the other checks. */
    public ElasticsearchProbe(ElasticsearchSettings settings) {
        this.client = ElasticsearchClients.create(settings, TIMEOUT);
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public void check() throws Exception {
        HealthResponse health = client.cluster().health();
        if (health.status() == HealthStatus.Red) {
            throw new IllegalStateException("the cluster " + health.clusterName() + " is red");
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
