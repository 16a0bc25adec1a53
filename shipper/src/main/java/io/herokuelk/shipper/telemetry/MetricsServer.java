package io.herokuelk.shipper.telemetry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** {@code /metrics} (Prometheus text) and {@code /healthz} for the commands that have no HTTP server of their own. */
public final class MetricsServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public MetricsServer(int port, PrometheusRegistry registry) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 64);
        addTo(server, registry);
        server.setExecutor(executor);
        server.start();
    }

    /** Adds the two endpoints to a server that exists already. */
    public static void addTo(HttpServer server, PrometheusRegistry registry) {
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/healthz", MetricsServer::health);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange exchange) throws IOException {
        byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
