package io.herokuelk.standin.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** Requests the server saw, by the status it answered. */
    private final Map<Integer, AtomicLong> answered = new ConcurrentHashMap<>();

    private final Map<String, AtomicLong> paths = new ConcurrentHashMap<>();
    private final AtomicInteger fixedStatus = new AtomicInteger();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    /** 404 for searches and 500 for text statistics, 200 for the rest; or one status for all when fixed. */
    private URI server() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        int status = fixedStatus.get() != 0
                ? fixedStatus.get()
                : path.equals("/api/notes/search") ? 404 : path.equals("/api/text/stats") ? 500 : 200;
        paths.computeIfAbsent(exchange.getRequestMethod() + " " + path, p -> new AtomicLong())
                .incrementAndGet();
        answered.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private long seen(int status) {
        return answered.getOrDefault(status, new AtomicLong()).get();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
        executor.close();
    }

    @Test
    void countsWhatWasSentAndHowItWasAnswered() throws Exception {
        try (LoadGenerator load = new LoadGenerator(server())) {
            load.start(50);
            await().atMost(WAIT).until(() -> load.totals().sent() >= 50);
            load.stop();
            await().atMost(WAIT)
                    .until(() -> load.totals().answered() == load.totals().sent());

            LoadGenerator.Totals totals = load.totals();
            assertThat(totals.sent()).isGreaterThanOrEqualTo(50);
            assertThat(totals.failed()).isZero();
            // Each count is what the server answered, request for request.
            assertThat(totals.succeeded()).isEqualTo(seen(200));
            assertThat(totals.clientErrors()).isEqualTo(seen(404));
            assertThat(totals.serverErrors()).isEqualTo(seen(500));
            assertThat(totals.answered()).isEqualTo(totals.sent());
            assertThat(totals.succeeded()).isPositive();
            assertThat(totals.p99Ms()).isGreaterThanOrEqualTo(totals.p50Ms()).isGreaterThanOrEqualTo(0);
        }
        // The mix is made of the app's real endpoints only.
        assertThat(paths.keySet())
                .isSubsetOf(
                        "GET /api/notes",
                        "GET /api/notes/search",
                        "POST /api/notes",
                        "POST /api/text/stats",
                        "GET /health",
                        "GET /");
    }

    @Test
    void fiftyASecondForAboutASecondSendsAPlausibleNumberAllAnswered() throws Exception {
        fixedStatus.set(200);
        try (LoadGenerator load = new LoadGenerator(server())) {
            load.start(50);
            Thread.sleep(1_000);
            load.stop();
            long sent = load.totals().sent();
            await().atMost(WAIT)
                    .until(() -> load.totals().answered() == load.totals().sent());

            // Loose bounds: a busy machine may run late, but an open loop never sends far more than asked.
            assertThat(sent).isGreaterThan(10).isLessThan(150);
            assertThat(load.totals().succeeded()).isEqualTo(load.totals().sent());
            assertThat(seen(200)).isEqualTo(load.totals().sent());
        }
    }

    @Test
    void every5xxIsAServerError() throws Exception {
        fixedStatus.set(503);
        try (LoadGenerator load = new LoadGenerator(server())) {
            load.start(100);
            await().atMost(WAIT).until(() -> load.totals().sent() >= 10);
            load.stop();
            await().atMost(WAIT)
                    .until(() -> load.totals().answered() == load.totals().sent());

            LoadGenerator.Totals totals = load.totals();
            assertThat(totals.serverErrors()).isEqualTo(totals.sent()).isEqualTo(seen(503));
            assertThat(totals.succeeded()).isZero();
            assertThat(totals.clientErrors()).isZero();
        }
    }

    @Test
    void requestsNobodyAnswersAreCountedAsFailedAndTheScheduleGoesOn() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort(); // free again once closed: connections are refused
        }
        try (LoadGenerator load = new LoadGenerator(URI.create("http://127.0.0.1:" + closedPort + "/"))) {
            load.start(50);
            // More failures than one tick: a failed send does not end the schedule.
            await().atMost(WAIT).until(() -> load.totals().failed() >= 5);
            load.stop();
            await().atMost(WAIT)
                    .until(() -> load.totals().failed() == load.totals().sent());

            assertThat(load.totals().answered()).isZero();
        }
    }

    @Test
    void stopEndsTheSending() throws Exception {
        fixedStatus.set(200);
        try (LoadGenerator load = new LoadGenerator(server())) {
            load.start(100);
            await().atMost(WAIT).until(() -> load.totals().sent() >= 5);
            load.stop();
            Thread.sleep(100); // a tick that was running as stop() returned may still count itself
            long afterStop = load.totals().sent();
            Thread.sleep(500);

            assertThat(load.totals().sent()).isEqualTo(afterStop);
        }
    }

    @Test
    void aRateMustBePositive() throws Exception {
        try (LoadGenerator load = new LoadGenerator(URI.create("http://127.0.0.1:1/"))) {
            assertThatThrownBy(() -> load.start(0)).isInstanceOf(IllegalArgumentException.class);
            assertThat(load.totals().sent()).isZero();
        }
    }

    @Test
    void percentilesComeFromTheHistogram() {
        long[] counts = new long[100];
        counts[3] = 50; // half the requests took 3 ms
        counts[10] = 49;
        counts[90] = 1; // one in a hundred took 90 ms

        assertThat(LoadGenerator.percentile(counts, 0.50)).isEqualTo(3);
        assertThat(LoadGenerator.percentile(counts, 0.99)).isEqualTo(10);
        assertThat(LoadGenerator.percentile(counts, 1.0)).isEqualTo(90);
        assertThat(LoadGenerator.percentile(new long[100], 0.99)).isZero();
    }
}
