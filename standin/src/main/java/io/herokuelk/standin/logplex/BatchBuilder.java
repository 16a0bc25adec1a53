package io.herokuelk.standin.logplex;

import io.herokuelk.standin.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** Writes octet-counted frames, {@code <LEN> SP <MSG>}, until the batch is big enough to send. */
final class BatchBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    private final int targetBytes;
    private final int maxMessages;
    private final Loss loss;
    private int messages;
    private int lines;

    /** A batch that opens with the L10 report of {@code loss}, when there is one, as Logplex prepends it. */
    BatchBuilder(int targetBytes, int maxMessages, Loss loss, Instant now) {
        this.targetBytes = targetBytes;
        this.maxMessages = maxMessages;
        this.loss = loss;
        if (loss != null) {
            frame(SyslogFormat.overflow(loss, now));
        }
    }

    void add(LogLine line) {
        frame(SyslogFormat.message(line));
        lines++;
    }

    /** The message limit counts lines only, so that a loss report never takes a line's place. */
    boolean full() {
        return body.size() >= targetBytes || lines >= maxMessages;
    }

    Loss loss() {
        return loss;
    }

    int lineCount() {
        return lines;
    }

    boolean isEmpty() {
        return messages == 0;
    }

    Batch build() {
        return new Batch(newFrameId(), body.toByteArray(), messages, lines, loss);
    }

    private void frame(byte[] message) {
        body.writeBytes(Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII));
        body.write(' ');
        body.writeBytes(message);
        messages++;
    }

    /** 32 upper-case hex digits, like Logplex's MD5-sized ids. */
    static String newFrameId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().withUpperCase().formatHex(id);
    }
}
