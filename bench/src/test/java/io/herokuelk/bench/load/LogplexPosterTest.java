package io.herokuelk.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LogplexPosterTest {

    @Test
    void aConnectionSendsWholeRequestsAndReadsPlainAndChunkedAnswersUntilTheServerCloses() throws Exception {
        byte[] body = "17 <158>1 - - - - - hello".getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("POST /logs HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<List<String>> bodies = CompletableFuture.supplyAsync(() -> serve(server));
            LogplexPoster.Connection connection =
                    new LogplexPoster.Connection(new Socket("127.0.0.1", server.getLocalPort()));
            assertThat(connection.exchange(head, body)).isEqualTo(204);
            assertThat(connection.closed()).isFalse();
            assertThat(connection.exchange(head, body)).isEqualTo(429);
            assertThat(connection.closed())
                    .as("the answer said Connection: close")
                    .isTrue();
            assertThat(bodies.get()).containsExactly("17 <158>1 - - - - - hello", "17 <158>1 - - - - - hello");
        }
    }

    @Test
    void theLinesAreCutIntoBodiesOfAtMostTheSizeGivenAtFrameBoundaries() {
        byte[] frames = SyslogDrainLoad.frames(SyslogDrainLoad.routerLines(4_000));
        LogplexPoster poster = new LogplexPoster(java.net.URI.create("http://127.0.0.1:1/logs"), "u:p", frames, 10_240);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < poster.bodies().size(); i++) {
            byte[] part = poster.bodies().get(i);
            assertThat(part.length).isLessThanOrEqualTo(10_240);
            assertThat(LoadMix.frameStarts(part)).hasSize(poster.counts().get(i) + 1);
            joined.writeBytes(part);
        }
        assertThat(joined.toByteArray()).isEqualTo(frames);
        assertThat(poster.counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4_000);
        assertThat(poster.bodies()).hasSizeGreaterThan(frames.length / 10_240);
    }

    /** Two requests on one connection: 204 without a body, then 429 with a chunked body and Connection: close. */
    private static List<String> serve(ServerSocket server) {
        List<String> bodies = new ArrayList<>();
        try (Socket socket = server.accept();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            for (String answer : List.of(
                    "HTTP/1.1 204 No Content\r\nDate: now\r\n\r\n",
                    "HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                            + "5\r\nslow!\r\n3\r\n...\r\n0\r\n\r\n")) {
                int length = 0;
                for (String line = line(in); !line.isEmpty(); line = line(in)) {
                    if (line.startsWith("Content-Length: ")) {
                        length = Integer.parseInt(line.substring(16));
                    }
                }
                bodies.add(new String(in.readNBytes(length), StandardCharsets.US_ASCII));
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bodies;
    }

    private static String line(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n' && b >= 0; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
