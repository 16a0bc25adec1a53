package io.herokuelk.shipper.telemetry;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;

/**
 * Elasticsearch is usable when it answers the cluster's health with our credentials and the cluster is not red
 * (cluster health, because the minimal distribution has no {@code GET /}).
 */
public final class ElasticsearchProbe implements Readiness.Probe {

    private final ElasticsearchClient client;

    public ElasticsearchProbe(ElasticsearchClient client) {
        this.client = client;
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
}
