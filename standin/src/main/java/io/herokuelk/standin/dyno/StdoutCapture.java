package io.herokuelk.standin.dyno;

import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.LogSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;

/**
 * Turns what a dyno's process prints into log lines the way Heroku does: one message per line, and a line longer
 * than 10,000 bytes split into 10,000-byte messages (by bytes, so a split can fall inside a UTF-8 character).
 * A carriage return before the newline is dropped; an unterminated last line is sent when the stream ends.
 */
public final class StdoutCapture implements Runnable {

    /** Logplex's limit on one message. */
    public static final int SPLIT_AT = 10_000;

    private final InputStream output;
    private final String dyno;
    private final LogSink sink;
    private final Clock clock;

    public StdoutCapture(InputStream output, String dyno, LogSink sink, Clock clock) {
        this.output = output;
        this.dyno = dyno;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public void run() {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        byte[] buffer = new byte[8192];
        try (output) {
            int read;
            while ((read = output.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        emit(line.toByteArray(), true);
                        line.reset();
                    } else {
                        line.write(b);
                        if (line.size() == SPLIT_AT) {
                            emit(line.toByteArray(), false);
                            line.reset();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The process went away: what was read so far still goes out below.
        }
        if (line.size() > 0) {
            emit(line.toByteArray(), true);
        }
    }

    private void emit(byte[] bytes, boolean endOfLine) {
        int length = bytes.length;
        if (endOfLine && length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (endOfLine && length == 0) {
            return; // an empty line, or the newline right after a full 10,000-byte piece
        }
        sink.accept(LogLine.app(clock.instant(), dyno, Arrays.copyOf(bytes, length)));
    }
}
