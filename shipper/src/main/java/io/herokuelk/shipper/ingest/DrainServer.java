package io.herokuelk.shipper.ingest;

import com.sun.net.httpserver.HttpServer;
import io.herokuelk.shipper.config.BasicAuthenticator;
import io.herokuelk.shipper.config.DrainSettings;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import io.herokuelk.shipper.telemetry.MetricsServer;
import io.herokuelk.shipper.telemetry.Readiness;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side of the shipper on {@code $PORT}: the HTTPS drain ({@code /logs}, TLS ends at Heroku's router), the
 * probes ({@code /healthz}, {@code /readyz}) and, only behind credentials, Prometheus metrics ({@code /metrics}). The
 * JDK's own server on virtual threads: no framework, little memory; the in-flight budget, not a thread pool, bounds
 * the work at once.
 */
public final class DrainServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final LogplexDrainHandler drain;
    private boolean servesMetrics;

    public DrainServer(
            DrainSettings settings,
            DrainBodyParser parser,
            BatchIngestor ingestor,
            IngestMetrics metrics,
            Duration publishTimeout)
            throws IOException {
        this(settings, parser, ingestor, metrics, publishTimeout, new InFlightBudget(settings.maxInFlightBytes()));
    }

    /** With a budget shared with the syslog listeners. */
    public DrainServer(
            DrainSettings settings,
            DrainBodyParser parser,
            BatchIngestor ingestor,
            IngestMetrics metrics,
            Duration publishTimeout,
            InFlightBudget budget)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(settings.port()), 1024);
        drain = new LogplexDrainHandler(
                parser,
                ingestor,
                new BasicAuthenticator(settings.credentials(), settings.authRequired()),
                new AppNames(settings.drainTokens()),
                budget,
                metrics,
                settings.maxBodyBytes(),
                publishTimeout,
                settings.readTimeout(),
                Clock.systemUTC());
        server.createContext("/logs", drain);
        server.setExecutor(executor);
    }

    /** Adds {@code /healthz} and {@code /readyz}. */
    public DrainServer withProbes(Readiness readiness) {
        MetricsServer.addProbes(server, readiness);
        return this;
    }

    /** Adds {@code /metrics} behind {@code access}: only with credentials, as this port is public. */
    public DrainServer withMetrics(PrometheusRegistry registry, BasicAuthenticator access) {
        if (!access.required()) {
            throw new IllegalArgumentException("/metrics on the public drain port needs credentials");
        }
        MetricsServer.addMetrics(server, registry, access);
        servesMetrics = true;
        return this;
    }

    boolean servesMetrics() {
        return servesMetrics;
    }

    public DrainServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops taking requests, giving those under way a moment to finish. */
    @Override
    public void close() {
        server.stop(2);
        executor.close();
        drain.close();
    }
}
