package io.herokuelk.shipper.ingest;

import io.herokuelk.shipper.config.ShipperSettings;
import io.herokuelk.shipper.config.TelemetrySettings;
import io.herokuelk.shipper.ingest.syslog.SyslogLimits;
import io.herokuelk.shipper.ingest.syslog.SyslogServer;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.publish.KafkaEventPublisher;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import io.herokuelk.shipper.telemetry.KafkaProbe;
import io.herokuelk.shipper.telemetry.MetricsServer;
import io.herokuelk.shipper.telemetry.Readiness;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The drain receivers, wired and listening: the HTTPS drain (with the probes, and {@code /metrics} when credentials
 * protect it), the syslog listeners that are configured, one parser and one Kafka publisher behind them, and the
 * metrics port when one is set. What the {@code ingest} command runs, one per process.
 */
public final class IngestService implements AutoCloseable {

    private final KafkaEventPublisher publisher;
    private final Readiness readiness = new Readiness();
    private final DrainServer drain;
    private final SyslogServer syslog;
    private final Optional<MetricsServer> metricsServer;

    public IngestService(ShipperSettings settings, PrometheusRegistry registry) throws IOException {
        IngestMetrics metrics = new IngestMetrics(registry);
        publisher = new KafkaEventPublisher(settings.kafka(), Map.of());
        readiness.add(new KafkaProbe(settings.kafka(), "heroku-elk-ingest-readiness"));
        BatchIngestor ingestor = new BatchIngestor(publisher, metrics);
        DrainBodyParser parser = new DrainBodyParser(settings.parser());
        TelemetrySettings telemetry = settings.telemetry();
        // One budget for both drains: the process's memory is bounded whichever way the logs arrive.
        InFlightBudget budget = new InFlightBudget(settings.drain().maxInFlightBytes());
        drain = new DrainServer(settings.drain(), parser, ingestor, metrics, settings.publishTimeout(), budget)
                .withProbes(readiness);
        if (telemetry.metricsOnPublicPort()) {
            drain.withMetrics(registry, telemetry.metricsAuthenticator());
        }
        drain.start();
        metricsServer = telemetry.metricsPort().isEmpty()
                ? Optional.empty()
                : Optional.of(new MetricsServer(
                        telemetry.metricsPort().get(), registry, readiness, telemetry.metricsAuthenticator()));
        syslog = new SyslogServer(settings.drain(), parser, ingestor, metrics, SyslogLimits.defaults(), budget);
        syslog.start();
    }

    /** Where {@code /metrics} is served, for the start line. */
    public String metricsWhere() {
        List<String> where = new ArrayList<>();
        metricsServer.ifPresent(server -> where.add("port " + server.port()));
        if (drain.servesMetrics()) {
            where.add("the drain's port, with METRICS_CREDENTIALS");
        }
        return where.isEmpty() ? "not served (set METRICS_PORT or METRICS_CREDENTIALS)" : String.join(" and ", where);
    }

    /** The port of {@code METRICS_PORT}'s server, when there is one. */
    public OptionalInt metricsPort() {
        return metricsServer.map(server -> OptionalInt.of(server.port())).orElse(OptionalInt.empty());
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
        metricsServer.ifPresent(MetricsServer::close);
        readiness.close();
        publisher.close();
    }
}
