package io.herokuelk.standin.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's alert destination: a local webhook receiver the alerter posts to ({@code ALERT_WEBHOOK_URL}), which
 * keeps every notification and hands it to the console. A body that is not an alert document gets 400.
 */
final class AlertReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final HttpServer server;
    private final Clock clock;
    private final List<ReceivedAlert> received = new CopyOnWriteArrayList<>();
    private final List<Consumer<ReceivedAlert>> listeners = new CopyOnWriteArrayList<>();

    AlertReceiver(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }

    void onAlert(Consumer<ReceivedAlert> listener) {
        listeners.add(listener);
    }

    List<ReceivedAlert> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ReceivedAlert alert;
            try {
                alert = ReceivedAlert.from(MAPPER.readTree(body), clock.instant());
            } catch (JacksonException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (alert.rule().isEmpty() || alert.state().isEmpty()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            received.add(alert);
            listeners.forEach(listener -> listener.accept(alert));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
