package io.herokuelk.standin.logplex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herokuelk.standin.LogLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogplexDrainTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Instant T = Instant.parse("2026-11-26T10:00:00.123456789Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:59:00.750Z"), ZoneOffset.UTC);

    private DrainPeer peer;
    private LogplexDrain drain;

    @BeforeEach
    void startPeer() throws IOException {
        peer = new DrainPeer();
    }

    @AfterEach
    void stop() {
        if (drain != null) {
            drain.close();
        }
        peer.close();
    }

    private LogplexSettings settings() {
        return LogplexSettings.defaults(peer.url("logplex:secret", "/logs/myapp"))
                .withFlushInterval(Duration.ofMillis(50))
                .withRetries(3, Duration.ofMillis(20))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    private LogplexDrain start(LogplexSettings settings) {
        drain = LogplexDrain.start(settings, CLOCK);
        return drain;
    }

    @Test
    void framesCountTheExactUtf8BytesOfEachMessageIncludingItsNewline() throws Exception {
        // A long flush interval: the whole lot goes out as one batch when the drain closes.
        start(settings().withFlushInterval(Duration.ofSeconds(30)));
        drain.accept(LogLine.app(T, "web.1", "héllo wörld ✓ 日本語 🚀"));
        drain.accept(LogLine.heroku(T.plusMillis(1), "router", "at=info method=GET path=\"/\" status=200"));
        drain.accept(LogLine.heroku(T.plusSeconds(1), "web.1", "State changed from starting to up"));
        drain.accept(LogLine.app(T.plusSeconds(2), "worker.2", "ends with a newline\n"));
        drain.close();

        DrainPeer.Received r = peer.next(WAIT);
        assertThat(Frames.split(r.body()))
                .containsExactly(
                        "<190>1 2026-11-26T10:00:00.123456+00:00 host app web.1 - héllo wörld ✓ 日本語 🚀\n",
                        "<158>1 2026-11-26T10:00:00.124456+00:00 host heroku router - at=info method=GET path=\"/\" "
                                + "status=200\n",
                        "<45>1 2026-11-26T10:00:01.123456+00:00 host heroku web.1 - State changed from starting to up\n",
                        "<190>1 2026-11-26T10:00:02.123456+00:00 host app worker.2 - ends with a newline\n");
        String first = "<190>1 2026-11-26T10:00:00.123456+00:00 host app web.1 - héllo wörld ✓ 日本語 🚀\n";
        int bytes = first.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isGreaterThan(first.length());
        assertThat(r.text()).startsWith(bytes + " <190>1 ");
        assertThat(r.header("Logplex-Msg-Count")).isEqualTo("4");
    }

    @Test
    void aPieceSplitInsideACharacterGoesOutByteForByte() throws Exception {
        start(settings().withFlushInterval(Duration.ofSeconds(30)));
        byte[] piece = Arrays.copyOf("ab€".getBytes(StandardCharsets.UTF_8), 4); // '€' cut after 2 of its 3 bytes
        drain.accept(LogLine.app(T, "web.1", piece));
        drain.close();

        byte[] header = "<190>1 2026-11-26T10:00:00.123456+00:00 host app web.1 - ".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes((header.length + piece.length + 1 + " ").getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(header);
        expected.writeBytes(piece);
        expected.write('\n');
        assertThat(peer.next(WAIT).body()).isEqualTo(expected.toByteArray());
    }

    @Test
    void requestsCarryLogplexHeadersAndTheUrlsCredentialsAsBasicAuth() throws Exception {
        LogplexSettings settings = LogplexSettings.defaults(peer.url("logplex:s%3Acr%C3%A9t", "/logs/myapp?app=x"))
                .withFlushInterval(Duration.ofMillis(50));
        start(settings);
        drain.accept(LogLine.app(T, "web.1", "one"));
        drain.accept(LogLine.app(T, "web.1", "two"));

        DrainPeer.Received r = peer.next(WAIT);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/logs/myapp");
        assertThat(r.query()).isEqualTo("app=x");
        assertThat(r.header("Content-Type")).isEqualTo("application/logplex-1");
        assertThat(r.header("Logplex-Frame-Id")).matches("[0-9A-F]{32}");
        assertThat(r.header("Logplex-Drain-Token"))
                .isEqualTo(settings.drainToken())
                .matches("d\\.[0-9a-f-]{36}");
        assertThat(r.header("User-Agent")).isEqualTo("Logplex/v72");
        assertThat(r.header("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("logplex:s:crét".getBytes(StandardCharsets.UTF_8)));
        int messages = Integer.parseInt(r.header("Logplex-Msg-Count"));
        assertThat(Frames.split(r.body())).hasSize(messages);

        await().atMost(WAIT).until(() -> drain.stats().messagesDelivered() == 2);
        LogplexStats stats = drain.stats();
        assertThat(stats.lastStatus()).isEqualTo(204);
        assertThat(stats.lastError()).isNull();
        assertThat(stats.retries()).isZero();
        assertThat(stats.batchesDropped()).isZero();
    }

    @Test
    void everyTryOfABatchCarriesTheSameFrameIdAndBody() throws Exception {
        peer.answer(503, 429);
        start(settings());
        drain.accept(LogLine.app(T, "web.1", "retry me"));

        DrainPeer.Received first = peer.next(WAIT);
        DrainPeer.Received second = peer.next(WAIT);
        DrainPeer.Received third = peer.next(WAIT);
        assertThat(List.of(second, third)).allSatisfy(r -> {
            assertThat(r.header("Logplex-Frame-Id")).isEqualTo(first.header("Logplex-Frame-Id"));
            assertThat(r.body()).isEqualTo(first.body());
        });
        await().atMost(WAIT).until(() -> drain.stats().batchesDelivered() == 1);
        assertThat(drain.stats().retries()).isEqualTo(2);
        assertThat(drain.stats().messagesDropped()).isZero();
    }

    @Test
    void aBatchIsDroppedAfterThreeTriesAndTheNextBatchOpensWithL10() throws Exception {
        peer.answerFromNowOn(503);
        start(settings());
        drain.accept(LogLine.app(T, "web.1", "lost one"));
        drain.accept(LogLine.app(T, "web.1", "lost two"));

        String frameId = peer.next(WAIT).header("Logplex-Frame-Id");
        assertThat(peer.next(WAIT).header("Logplex-Frame-Id")).isEqualTo(frameId);
        assertThat(peer.next(WAIT).header("Logplex-Frame-Id")).isEqualTo(frameId);
        await().atMost(WAIT).until(() -> drain.stats().batchesDropped() == 1);
        LogplexStats dropped = drain.stats();
        assertThat(dropped.messagesDropped()).isEqualTo(2);
        assertThat(dropped.retries()).isEqualTo(2);
        assertThat(dropped.lastStatus()).isEqualTo(503);
        assertThat(dropped.lastError()).isEqualTo("HTTP 503");

        peer.answerFromNowOn(204);
        drain.accept(LogLine.app(T, "web.1", "after"));
        DrainPeer.Received next = nextWithOtherFrameId(frameId);
        String l10 = "<172>1 2026-11-26T09:59:00+00:00 host heroku logplex - Error L10 (output buffer overflow): "
                + "2 messages dropped since 2026-11-26T09:59:00+00:00.";
        String after = "<190>1 2026-11-26T10:00:00.123456+00:00 host app web.1 - after\n";
        assertThat(Frames.split(next.body())).containsExactly(l10, after);
        // No newline after the dot: the next frame's length follows it directly.
        assertThat(next.text()).isEqualTo(l10.length() + " " + l10 + after.length() + " " + after);
        assertThat(next.header("Logplex-Msg-Count")).isEqualTo("2");
        await().atMost(WAIT).until(() -> drain.stats().messagesDelivered() == 1);
        assertThat(drain.stats().lastError()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 413})
    void aClientErrorDropsTheBatchAtOnce(int status) throws Exception {
        peer.answer(status);
        start(settings());
        drain.accept(LogLine.app(T, "web.1", "refused"));

        String frameId = peer.next(WAIT).header("Logplex-Frame-Id");
        await().atMost(WAIT).until(() -> drain.stats().batchesDropped() == 1);
        drain.accept(LogLine.app(T, "web.1", "next"));
        DrainPeer.Received next = peer.next(WAIT);
        assertThat(next.header("Logplex-Frame-Id")).as("no retry").isNotEqualTo(frameId);
        assertThat(Frames.split(next.body()).getFirst()).contains("Error L10 (output buffer overflow): 1 messages");
        assertThat(drain.stats().retries()).isZero();
        assertThat(drain.stats().messagesDropped()).isEqualTo(1);
    }

    @Test
    void aTimeoutIsRetried() throws Exception {
        peer.answer(new DrainPeer.Answer(204, Duration.ofMillis(1500)));
        start(settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
        drain.accept(LogLine.app(T, "web.1", "slow"));

        String frameId = peer.next(WAIT).header("Logplex-Frame-Id");
        assertThat(peer.next(WAIT).header("Logplex-Frame-Id")).isEqualTo(frameId);
        await().atMost(WAIT).until(() -> drain.stats().batchesDelivered() == 1);
        assertThat(drain.stats().retries()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsTriedThreeTimesThenTheBatchIsDropped() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        start(LogplexSettings.defaults(URI.create("http://u:p@127.0.0.1:" + closedPort + "/logs"))
                .withFlushInterval(Duration.ofMillis(50))
                .withRetries(3, Duration.ofMillis(10)));
        drain.accept(LogLine.app(T, "web.1", "nowhere"));

        await().atMost(WAIT).until(() -> drain.stats().batchesDropped() == 1);
        LogplexStats stats = drain.stats();
        assertThat(stats.retries()).isEqualTo(2);
        assertThat(stats.messagesDropped()).isEqualTo(1);
        assertThat(stats.lastStatus()).isZero();
        assertThat(stats.lastError()).isEqualTo("connection refused");
    }

    @Test
    void aFullBufferDropsNewLinesAndCountsThem() throws Exception {
        CountDownLatch release = peer.holdAnswers();
        start(settings().withBufferCapacity(3).withBatchLimits(100 * 1024, 1));
        drain.accept(LogLine.app(T, "web.1", "line 0"));
        peer.next(WAIT); // the sender is now busy with line 0
        for (int i = 1; i <= 5; i++) {
            drain.accept(LogLine.app(T, "web.1", "line " + i));
        }
        LogplexStats full = drain.stats();
        assertThat(full.bufferOverflows()).isEqualTo(2);
        assertThat(full.messagesDropped()).isEqualTo(2);
        assertThat(full.buffered()).isEqualTo(3);

        release.countDown();
        drain.close();
        List<String> messages = new ArrayList<>();
        for (DrainPeer.Received r : peer.all().subList(1, peer.all().size())) {
            messages.addAll(Frames.split(r.body()));
        }
        assertThat(messages).hasSize(4);
        assertThat(messages.getFirst())
                .endsWith(
                        "Error L10 (output buffer overflow): 2 messages dropped since " + "2026-11-26T09:59:00+00:00.");
        assertThat(messages.subList(1, 4))
                .allSatisfy(m -> assertThat(m).startsWith("<190>1"))
                .extracting(m -> m.substring(m.lastIndexOf(" - ") + 3).strip())
                .containsExactly("line 1", "line 2", "line 3");
        assertThat(drain.stats().messagesDelivered()).isEqualTo(4);
    }

    @Test
    void batchesStopNearTheTargetSizeAndKeepTheOrderOfLines() throws Exception {
        start(settings().withFlushInterval(Duration.ofSeconds(30)).withBatchLimits(2_000, 1_000));
        for (int i = 0; i < 60; i++) {
            drain.accept(LogLine.app(T, "web.1", "line %03d %s".formatted(i, "x".repeat(80))));
        }
        drain.close();

        List<DrainPeer.Received> requests = peer.all();
        assertThat(requests).hasSizeGreaterThan(2);
        List<String> order = new ArrayList<>();
        for (DrainPeer.Received r : requests) {
            assertThat(r.body().length).isLessThan(2_000 + 200);
            Frames.split(r.body()).forEach(m -> order.add(m.substring(m.indexOf("line "), m.indexOf("line ") + 8)));
        }
        assertThat(order).hasSize(60).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void closeSendsWhatIsBufferedWithoutWaitingForTheFlushInterval() throws Exception {
        start(settings().withFlushInterval(Duration.ofSeconds(30)));
        drain.accept(LogLine.app(T, "web.1", "a"));
        drain.accept(LogLine.app(T, "web.1", "b"));
        long started = System.nanoTime();
        drain.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(peer.all()).hasSize(1);
        assertThat(drain.stats().messagesDelivered()).isEqualTo(2);
        drain.accept(LogLine.app(T, "web.1", "after close"));
        assertThat(drain.stats().buffered()).isZero();
    }

    @Test
    void closeGivesUpAfterItsTimeoutAndCountsWhatNeverLeft() throws Exception {
        peer.holdAnswers(); // the drain never answers
        start(settings()
                .withBatchLimits(100 * 1024, 2)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(20))
                .withCloseTimeout(Duration.ofMillis(300)));
        for (int i = 0; i < 5; i++) {
            drain.accept(LogLine.app(T, "web.1", "line " + i));
        }
        peer.next(WAIT);
        long started = System.nanoTime();
        drain.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        LogplexStats stats = drain.stats();
        assertThat(stats.messagesDropped()).isEqualTo(5);
        assertThat(stats.messagesDelivered()).isZero();
        assertThat(stats.buffered()).isZero();
    }

    @Test
    void settingsNeverShowThePassword() {
        LogplexSettings settings =
                LogplexSettings.defaults(URI.create("https://logplex:hunter2@drain.example/logs?a=b"));
        assertThat(settings.toString())
                .doesNotContain("hunter2")
                .doesNotContain("logplex:")
                .contains("https://drain.example/logs");
    }

    private DrainPeer.Received nextWithOtherFrameId(String frameId) throws InterruptedException {
        while (true) {
            DrainPeer.Received r = peer.next(WAIT);
            if (!frameId.equals(r.header("Logplex-Frame-Id"))) {
                return r;
            }
        }
    }
}
