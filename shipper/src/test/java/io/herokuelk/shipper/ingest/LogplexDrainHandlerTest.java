package io.herokuelk.shipper.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.herokuelk.shipper.config.BasicAuthenticator;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.shipper.publish.DeadLetter;
import io.herokuelk.shipper.publish.EventPublisher;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
        CompletableFuture<HttpResponse<String>> first =
                client.sendAsync(post(big), HttpResponse.BodyHandlers.ofString());
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

        HttpResponse<String> response =
                HttpClient.newHttpClient().send(post(BODY), HttpResponse.BodyHandlers.ofString());

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
            assertThat(client.send(post(new byte[20 * 1024]), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .as("request %d: 503, not 429 from a leaked budget", i)
                    .isEqualTo(503);
        }
    }

    @Test
    void aStalledUploadIsCutAtTheReadDeadlineAndGivesItsBudgetBack() throws Exception {
        start(new ControlledPublisher(), 64 * 1024, Duration.ofSeconds(5), Duration.ofMillis(500));
        try (Socket stalled = new Socket("127.0.0.1", port())) {
            // Declares 20 KiB (60 KiB of the 64 KiB budget reserved), sends 10 bytes, then nothing.
            write(
                    stalled,
                    "POST /logs HTTP/1.1\r\nHost: x\r\nContent-Type: application/logplex-1\r\n"
                            + "Content-Length: 20480\r\n\r\n0123456789");
            stalled.setSoTimeout(5_000);
            long started = System.nanoTime();
            assertThat(stalled.getInputStream().read())
                    .as("the connection is closed, not answered")
                    .isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
        HttpResponse<String> honest =
                HttpClient.newHttpClient().send(post(new byte[20 * 1024]), HttpResponse.BodyHandlers.ofString());
        awaitPublishes(1);
        publishes.getFirst().complete(null);
        assertThat(honest.statusCode()).isNotEqualTo(429);
    }

    @Test
    void bodiesOfUnknownLengthReserveWhatHasArrivedNotTheLargestBodyAllowed() throws Exception {
        start(new ControlledPublisher(), 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(5));
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket("127.0.0.1", port());
                write(
                        socket,
                        "POST /logs HTTP/1.1\r\nHost: x\r\nContent-Type: application/logplex-1\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n400\r\n" + "x".repeat(1024) + "\r\n");
                stalled.add(socket);
            }
            // Twenty chunked uploads that stall after 1 KiB each: with 3 MiB reserved for each as before, the
            // 1 MiB budget would be spent; reserving 64 KiB steps as bytes arrive, an honest batch still fits.
            CompletableFuture<HttpResponse<String>> honest =
                    HttpClient.newHttpClient().sendAsync(post(BODY), HttpResponse.BodyHandlers.ofString());
            awaitPublishes(1);
            publishes.getFirst().complete(null);
            assertThat(honest.get().statusCode()).isEqualTo(204);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void a429SentBeforeTheBodyKeepsTheConnectionUsableForTheNextRequest() throws Exception {
        start(new ControlledPublisher(), 64 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(5));
        CompletableFuture<HttpResponse<String>> holder =
                HttpClient.newHttpClient().sendAsync(post(new byte[20 * 1024]), HttpResponse.BodyHandlers.ofString());
        awaitPublishes(1); // the budget is held
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5_000);
            // 100 KiB, a usual Logplex batch: larger than what the JDK's server drains by itself (64 KiB).
            String body = "x".repeat(100 * 1024);
            String request = "POST /logs HTTP/1.1\r\nHost: x\r\nContent-Type: application/logplex-1\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body;
            write(socket, request + request);
            String answers = readAnswers(socket, 2);
            assertThat(answers)
                    .as("both requests on the connection are answered, with Retry-After")
                    .startsWith("HTTP/1.1 429")
                    .containsIgnoringCase("Retry-After: 1")
                    .doesNotContainIgnoringCase("Connection: close");
            assertThat(answers.split("HTTP/1.1 429", -1)).hasSize(3);
        }
        publishes.getFirst().complete(null);
        assertThat(holder.get().statusCode()).isEqualTo(204);
    }

    @Test
    void aRefusalWhoseBodyIsTooLargeToReadSaysConnectionClose() throws Exception {
        start(new ControlledPublisher(), 64 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(5));
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5_000);
            write(
                    socket,
                    "POST /logs HTTP/1.1\r\nHost: x\r\nContent-Type: application/logplex-1\r\n"
                            + "Content-Length: 5000000\r\n\r\n");
            String answer = readAnswers(socket, 1);
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Connection: close");
        }
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Reads until {@code count} status lines have arrived (or the connection ends). */
    private static String readAnswers(Socket socket, int count) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (text.toString().split("HTTP/1.1 ", -1).length - 1 < count
                || !text.toString().endsWith("\r\n\r\n")) {
            int read = socket.getInputStream().read(buffer);
            if (read < 0) {
                break;
            }
            text.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void start(ControlledPublisher publisher, long budgetBytes, Duration timeout) throws IOException {
        start(publisher, budgetBytes, timeout, Duration.ofSeconds(10));
    }

    private void start(ControlledPublisher publisher, long budgetBytes, Duration timeout, Duration readTimeout)
            throws IOException {
        IngestMetrics metrics = new IngestMetrics(new PrometheusRegistry());
        LogplexDrainHandler handler = new LogplexDrainHandler(
                new DrainBodyParser(ParserSettings.defaults()),
                new BatchIngestor(publisher, metrics),
                new BasicAuthenticator(Map.of(), false),
                new AppNames(Map.of()),
                new InFlightBudget(budgetBytes),
                metrics,
                1024 * 1024,
                timeout,
                readTimeout,
                Clock.systemUTC());
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
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/logs"))
                .header("Content-Type", "application/logplex-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
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
        public void close() {}
    }
}
