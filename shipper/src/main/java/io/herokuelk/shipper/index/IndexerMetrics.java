package io.herokuelk.shipper.index;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** What the indexer counts; names follow {@code indexer_<name>_<unit>_total}, labels from fixed sets only. */
public final class IndexerMetrics {

    private final Counter documents;
    private final Counter retries;
    private final Counter unavailable;
    private final Counter refused;
    private final Counter assignments;
    private final Gauge available;
    private final Histogram bulkSeconds;

    public IndexerMetrics(PrometheusRegistry registry) {
        documents = Counter.builder()
                .name("indexer_documents_total")
                .help("Documents by final outcome: stored, already_stored (409), dead_lettered")
                .labelNames("outcome")
                .register(registry);
        retries = Counter.builder()
                .name("indexer_item_retries_total")
                .help("Documents sent again after a 429 or 5xx answer")
                .register(registry);
        unavailable = Counter.builder()
                .name("indexer_elasticsearch_unavailable_total")
                .help("Bulk requests that failed whole; consumption pauses until one succeeds")
                .register(registry);
        refused = Counter.builder()
                .name("indexer_elasticsearch_refused_total")
                .help("Bulk requests refused whole by the cluster (401, 403, another 4xx): indexing waits for a fix")
                .labelNames("status")
                .register(registry);
        assignments = Counter.builder()
                .name("indexer_partition_assignments_total")
                .help("Times this indexer was given partitions by the group: more than one means rebalances")
                .register(registry);
        available = Gauge.builder()
                .name("indexer_elasticsearch_available")
                .help("1 while bulk requests succeed, 0 while the indexer is paused waiting for Elasticsearch")
                .register(registry);
        bulkSeconds = Histogram.builder()
                .name("indexer_batch_seconds")
                .help("Time to give every document of a batch its final outcome")
                .register(registry);
        available.set(1);
    }

    void batch(BulkResult result, double seconds) {
        documents.labelValues("stored").inc(result.stored());
        documents.labelValues("already_stored").inc(result.alreadyStored());
        documents.labelValues("dead_lettered").inc(result.rejected().size());
        retries.inc(result.retried());
        bulkSeconds.observe(seconds);
        available.set(1);
    }

    void unavailable() {
        unavailable.inc();
        available.set(0);
    }

    void assigned() {
        assignments.inc();
    }

    void refused(int status) {
        refused.labelValues(Integer.toString(status)).inc();
        available.set(0);
    }
}
