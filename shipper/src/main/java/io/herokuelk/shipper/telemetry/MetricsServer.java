package io.herokuelk.shipper.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.herokuelk.shipper.config.BasicAuthenticator;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipper's own endpoints: {@code /metrics} (Prometheus text), {@code /healthz} (liveness: the process answers)
 * and {@code /readyz} (readiness: its downstreams are usable, {@link Readiness}), either on a port of their own
 * ({@code METRICS_PORT}) or added to the drain's server.
 */
public final class MetricsServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public MetricsServer(int port, PrometheusRegistry registry, Readiness readiness, BasicAuthenticator metricsAccess)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 64);
        addMetrics(server, registry, metricsAccess);
        addProbes(server, readiness);
        server.setExecutor(executor);
        server.start();
    }

    /** Adds {@code /metrics}, behind {@code access} when it requires credentials. */
    public static void addMetrics(HttpServer server, PrometheusRegistry registry, BasicAuthenticator access) {
        HttpHandler metrics = new MetricsHandler(registry);
        server.createContext("/metrics", exchange -> {
            if (access.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                metrics.handle(exchange);
                return;
            }
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"heroku-elk metrics\"");
            try (exchange) {
                exchange.sendResponseHeaders(401, -1);
            }
        });
    }

    /** Adds {@code /healthz} and {@code /readyz}. */
    public static void addProbes(HttpServer server, Readiness readiness) {
        server.createContext(
                "/healthz",
                exchange -> answer(exchange, 200, JSON.createObjectNode().put("status", "ok")));
        server.createContext("/readyz", exchange -> {
            boolean ready = readiness.ready();
            ObjectNode body = JSON.createObjectNode().put("status", ready ? "ready" : "unready");
            ObjectNode checks = body.putObject("checks");
            for (Map.Entry<String, Readiness.Status> check : new java.util.TreeMap<>(readiness.statuses()).entrySet()) {
                checks.putObject(check.getKey())
                        .put("status", check.getValue().up() ? "up" : "down")
                        .put("detail", check.getValue().detail());
            }
            answer(exchange, ready ? 200 : 503, body);
        });
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        try (exchange;
                OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
