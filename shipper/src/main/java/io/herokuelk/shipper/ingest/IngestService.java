package io.herokuelk.shipper.ingest;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;

import io.herokuelk.shipper.config.ShipperSettings;
import io.herokuelk.shipper.ingest.syslog.SyslogServer;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.publish.KafkaEventPublisher;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The drain receivers, wired and listening: the HTTPS drain (with {@code /metrics}), the syslog listeners that are
 * configured, one parser and one Kafka publisher behind them. What the {@code ingest} command runs, one per process.
 */
public final class IngestService implements AutoCloseable {

    private final KafkaEventPublisher publisher;
    private final DrainServer drain;
    private final SyslogServer syslog;

    public IngestService(ShipperSettings settings, PrometheusRegistry registry) throws IOException {
        IngestMetrics metrics = new IngestMetrics(registry);
        publisher = new KafkaEventPublisher(settings.kafka(), Map.of());
        BatchIngestor ingestor = new BatchIngestor(publisher, metrics);
        DrainBodyParser parser = new DrainBodyParser(settings.parser());
        drain = new DrainServer(settings.drain(), parser, ingestor, metrics, registry, settings.publishTimeout())
                .start();
        syslog = new SyslogServer(settings.drain(), parser, ingestor, metrics);
        syslog.start();
    }

    /** The HTTPS drain's port. */
    public int port() {
        return drain.port();
    }

    public OptionalInt syslogTcpPort() {
        return syslog.tcpPort();
    }

    public OptionalInt syslogTlsPort() {
        return syslog.tlsPort();
    }

    /** Stops taking drains, then flushes what Kafka has not acknowledged yet. */
    @Override
    public void close() {
        drain.close();
        syslog.close();
        publisher.close();
    }
}
