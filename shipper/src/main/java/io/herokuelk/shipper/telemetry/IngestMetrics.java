package io.herokuelk.shipper.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * What the ingest side counts, served on {@code /metrics}. Names follow {@code shipper_<name>_<unit>_total}; labels
 * take values from fixed sets only (transport, status, dataset, stage), never from input.
 */
public final class IngestMetrics {

    private final Counter requests;
    private final Counter bytes;
    private final Counter frames;
    private final Counter messages;
    private final Counter headerFailures;
    private final Counter deadLetters;
    private final Counter logplexDropped;
    private final Histogram publishSeconds;

    public IngestMetrics(PrometheusRegistry registry) {
        requests = Counter.builder()
                .name("shipper_drain_requests_total")
                .help("Drain requests by transport and the status answered")
                .labelNames("transport", "status")
                .register(registry);
        bytes = Counter.builder()
                .name("shipper_drain_bytes_total")
                .help("Bytes received from drains")
                .labelNames("transport")
                .register(registry);
        frames = Counter.builder()
                .name("shipper_drain_frames_total")
                .help("Octet-counted frames found in drain input")
                .labelNames("transport")
                .register(registry);
        messages = Counter.builder()
                .name("shipper_parse_messages_total")
                .help("Messages published to Kafka as documents, by event.dataset")
                .labelNames("dataset")
                .register(registry);
        headerFailures = Counter.builder()
                .name("shipper_parse_header_failures_total")
                .help("Published messages whose syslog header could not be read (indexed with fewer fields)")
                .register(registry);
        deadLetters = Counter.builder()
                .name("shipper_dead_letters_total")
                .help("Records sent to the dead-letter topic, by stage")
                .labelNames("stage")
                .register(registry);
        logplexDropped = Counter.builder()
                .name("shipper_logplex_dropped_messages_total")
                .help("Messages Logplex reported dropping for a drain (L10), once per published batch")
                .register(registry);
        publishSeconds = Histogram.builder()
                .name("shipper_kafka_publish_seconds")
                .help("Time from a batch's first send to Kafka's last acknowledgement")
                .register(registry);
    }

    public void request(String transport, int status) {
        requests.labelValues(transport, String.valueOf(status)).inc();
    }

    public void received(String transport, long byteCount, int frameCount) {
        bytes.labelValues(transport).inc(byteCount);
        frames.labelValues(transport).inc(frameCount);
    }

    public void parsed(String dataset, int count) {
        messages.labelValues(dataset).inc(count);
    }

    public void headerUnparsed(int count) {
        headerFailures.inc(count);
    }

    public void deadLettered(String stage, int count) {
        deadLetters.labelValues(stage).inc(count);
    }

    public void logplexDropped(long count) {
        logplexDropped.inc(count);
    }

    public void published(double seconds) {
        publishSeconds.observe(seconds);
    }
}
