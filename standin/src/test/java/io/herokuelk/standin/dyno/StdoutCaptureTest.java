package io.herokuelk.standin.dyno;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.standin.LogLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdoutCaptureTest {

    static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    private final List<LogLine> lines = new ArrayList<>();

    private List<LogLine> capture(byte[] output) {
        return capture(new ByteArrayInputStream(output));
    }

    private List<LogLine> capture(InputStream output) {
        new StdoutCapture(output, "web.1", lines::add, Clock.fixed(T, ZoneOffset.UTC)).run();
        return lines;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    @Test
    void everyLineIsOneAppMessageOfItsDyno() {
        capture(utf8("first line\n{\"message\":\"ü ✓\"}\nthird\n"));

        assertThat(texts(lines)).containsExactly("first line", "{\"message\":\"ü ✓\"}", "third");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.appName()).isEqualTo(LogLine.APP);
            assertThat(line.procId()).isEqualTo("web.1");
            assertThat(line.time()).isEqualTo(T);
        });
    }

    @Test
    void aLineOf25000BytesBecomesThreeMessagesOf10000And10000And5000() {
        byte[] line = new byte[25_000];
        for (int i = 0; i < line.length; i++) {
            line[i] = (byte) ('a' + i % 26); // a pattern, so that pieces out of order or shifted would show
        }
        byte[] output = Arrays.copyOf(line, line.length + 1);
        output[line.length] = '\n';

        capture(output);

        assertThat(lines).extracting(l -> l.bytes().length).containsExactly(10_000, 10_000, 5_000);
        assertThat(concat(lines)).isEqualTo(line);
    }

    @Test
    void aSplitInsideAUtf8CharacterKeepsEveryByte() {
        // 9,999 ASCII bytes, then two-byte 'ü's: the 10,000-byte cut falls between the two bytes of the first 'ü'.
        String text = "x".repeat(9_999) + "ü".repeat(10);
        byte[] bytes = utf8(text);

        capture(utf8(text + "\nnext\n"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).bytes()).hasSize(10_000);
        assertThat(lines.get(0).bytes()[9_999]).isEqualTo((byte) 0xC3); // the first byte of 'ü' alone
        assertThat(lines.get(1).bytes()[0]).isEqualTo((byte) 0xBC); // and its second byte opens the next piece
        assertThat(concat(lines.subList(0, 2))).isEqualTo(bytes);
        assertThat(lines.get(2).text()).isEqualTo("next");
    }

    @Test
    void aCarriageReturnBeforeTheNewlineIsDropped() {
        capture(utf8("windows line\r\nunix line\nkept\rinside\r\n"));

        assertThat(texts(lines)).containsExactly("windows line", "unix line", "kept\rinside");
    }

    @Test
    void anUnterminatedLastLineIsSentWhenTheStreamEnds() {
        capture(utf8("done\nno newline at the end"));

        assertThat(texts(lines)).containsExactly("done", "no newline at the end");
    }

    @Test
    void aLineOfExactly10000BytesIsOneMessageWithoutAnEmptyOneAfterIt() {
        byte[] line = utf8("y".repeat(10_000));

        capture(utf8("y".repeat(10_000) + "\nafter\n"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).bytes()).isEqualTo(line);
        assertThat(lines.get(1).text()).isEqualTo("after");
    }

    @Test
    void aLineReadOneByteAtATimeComesOutWhole() {
        // A stream that hands out one byte at a time, as a pipe may: the line must still come out whole.
        byte[] output = utf8("slow ✓ line\n");
        InputStream trickle = new ByteArrayInputStream(output) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };

        capture(trickle);

        assertThat(texts(lines)).containsExactly("slow ✓ line");
    }

    private static byte[] concat(List<LogLine> pieces) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        pieces.forEach(piece -> all.writeBytes(piece.bytes()));
        return all.toByteArray();
    }
}
