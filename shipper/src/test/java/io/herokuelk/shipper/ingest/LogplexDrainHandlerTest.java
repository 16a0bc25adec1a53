package io.herokuelk.shipper.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.herokuelk.shipper.config.BasicAuthenticator;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserOptions;
import io.herokuelk.shipper.publish.DeadLetter;
import io.herokuelk.shipper.publish.EventPublisher;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The handler's decisions with a publisher under the test's control (the real broker is covered by
 * {@code LogplexDrainIT}): overload, slow and failing publishes.
 */
class LogplexDrainHandlerTest {

    private static final byte[] BODY = frame("<190>1 2026-11-26T10:00:00+00:00 host app web.1 - hello\n");

    private final List<CompletableFuture<Void>> publishes = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        publishes.forEach(f -> f.complete(null));
        server.stop(0);
    }

    @Test
    void aRequestBeyondTheInFlightBudgetGets429AtOnceWithRetryAfter() throws Exception {
        start(new ControlledPublisher(), 64 * 1024, Duration.ofSeconds(30));
        byte[] big = new byte[20 * 1024];
        HttpClient client = HttpClient.newHttpClient();
        // The first request holds the whole budget while its publish is pending.
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(post(big), HttpResponse.BodyHandlers.ofString());
        awaitPublishes(1);

        HttpResponse<String> second = client.send(post(big), HttpResponse.BodyHandlers.ofString());

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).contains("1");
        publishes.getFirst().complete(null);
        assertThat(first.get().statusCode()).isEqualTo(204);
    }

    @Test
    void aPublishThatDoesNotFinishInTimeGets503() throws Exception {
        start(new ControlledPublisher(), 1024 * 1024, Duration.ofMillis(300));

        HttpResponse<String> response = HttpClient.newHttpClient().send(post(BODY), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aRefusedPublishGets503AndTheBudgetIsReturned() throws Exception {
        ControlledPublisher publisher = new ControlledPublisher();
        publisher.failAll = true;
        start(publisher, 64 * 1024, Duration.ofSeconds(5));
        HttpClient client = HttpClient.newHttpClient();

        for (int i = 0; i < 5; i++) {
            assertThat(client.send(post(new byte[20 * 1024]), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("request %d: 503, not 429 from a leaked budget", i).isEqualTo(503);
        }
    }

    private void start(ControlledPublisher publisher, long budgetBytes, Duration timeout) throws IOException {
        IngestMetrics metrics = new IngestMetrics(new PrometheusRegistry());
        LogplexDrainHandler handler = new LogplexDrainHandler(new DrainBodyParser(ParserOptions.defaults()),
                new BatchIngestor(publisher, metrics), new BasicAuthenticator(Map.of(), false), new AppNames(Map.of()),
                new InFlightBudget(budgetBytes), metrics, 1024 * 1024, timeout, Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/logs", handler);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    private void awaitPublishes(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (publishCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(publishCount()).isEqualTo(count);
    }

    private synchronized int publishCount() {
        return publishes.size();
    }

    private HttpRequest post(byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/logs"))
                .header("Content-Type", "application/logplex-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static byte[] frame(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return (bytes.length + " " + message).getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes complete only when the test says so, or fail at once. */
    private final class ControlledPublisher implements EventPublisher {
        volatile boolean failAll;

        @Override
        public CompletableFuture<Void> publish(List<ParsedEvent> events, List<DeadLetter> deadLetters) {
            if (failAll) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            synchronized (LogplexDrainHandlerTest.this) {
                publishes.add(future);
            }
            return future;
        }

        @Override
        public void close() {
        }
    }
}
