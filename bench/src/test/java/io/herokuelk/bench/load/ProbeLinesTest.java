package io.herokuelk.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProbeLinesTest {

    @Test
    void aProbeGivesItsSendTimeFromTheRawLineAndFromADocumentMadeOfIt() {
        long before = System.currentTimeMillis();
        String line = ProbeLines.line(7);
        long sentAt = ProbeLines.sentAt(line.getBytes(StandardCharsets.UTF_8));
        assertThat(sentAt).isBetween(before, System.currentTimeMillis());
        String document = "{\"http\":{\"request\":{\"id\":\"probe-1764800000123-7\"}},\"event\":{\"original\":\"x\"}}";
        assertThat(ProbeLines.sentAt(document.getBytes(StandardCharsets.UTF_8))).isEqualTo(1_764_800_000_123L);
        assertThat(ProbeLines.sentAt("request_id=abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(-1);
    }

    @Test
    void percentilesAreTheNearestRank() {
        Latencies latencies = new Latencies();
        assertThat(latencies.cell()).isEqualTo("-");
        for (long ms = 100; ms >= 1; ms--) {
            latencies.add(ms);
        }
        assertThat(latencies.percentile(0.50)).isEqualTo(50);
        assertThat(latencies.percentile(0.99)).isEqualTo(99);
        assertThat(latencies.cell()).isEqualTo("50 / 99");
        Latencies all = new Latencies();
        latencies.addTo(all);
        latencies.addTo(all);
        assertThat(all.count()).isEqualTo(200);
    }

    @Test
    void theSyslogSenderWritesTheLinesInOrderWrappingAroundWithAProbeAfterEveryTwoThousand() throws Exception {
        List<String> lines = SyslogDrainLoad.routerLines(4_000);
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(server));
            SyslogSide side = SyslogSide.of("test", server.getLocalPort(), 0, "topic", SyslogDrainLoad.frames(lines));
            side.send(4_500);
            List<String> frames = octetCounted(received.get());
            assertThat(frames).hasSize(4_500 + ProbeLines.count(4_500)).hasSize(4_502);
            assertThat(frames.get(2_000)).contains("request_id=probe-").endsWith("protocol=https");
            assertThat(frames.get(4_001)).contains("request_id=probe-");
            assertThat(frames.subList(0, 2_000)).isEqualTo(lines.subList(0, 2_000));
            assertThat(frames.subList(2_001, 4_001)).isEqualTo(lines.subList(2_000, 4_000));
            assertThat(frames.subList(4_002, 4_502)).isEqualTo(lines.subList(0, 500));
        }
    }

    private static byte[] readAll(ServerSocket server) {
        try (Socket socket = server.accept();
                InputStream in = socket.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> octetCounted(byte[] bytes) {
        int[] starts = LoadMix.frameStarts(bytes);
        List<String> frames = new ArrayList<>();
        for (int i = 0; i + 1 < starts.length; i++) {
            String frame = new String(bytes, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
            frames.add(frame.substring(frame.indexOf(' ') + 1));
        }
        return frames;
    }
}
