package io.herokuelk.shipper.parse;

import java.util.Arrays;

/**
 * Newline-delimited syslog (RFC 6587 section 3.4.2, "non-transparent framing"), for senders that do not count
 * octets. A message ends at {@code \n} (a {@code \r} before it is dropped); blank lines are skipped. A line longer
 * than the maximum message size becomes garbage, in pieces of at most that size, up to its newline. Not thread-safe.
 */
public final class NewlineFramer implements StreamFramer {

    private final int maxMessageBytes;
    private byte[] line = new byte[256];
    private int length;
    private long position;
    private long lineStart;
    /** Set while the current line is too long: the rest of it up to the newline is garbage. */
    private boolean oversize;

    public NewlineFramer(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void feed(byte[] chunk, int offset, int count, FrameSink sink) {
        int end = offset + count;
        int i = offset;
        while (i < end) {
            int nl = i;
            while (nl < end && chunk[nl] != '\n') {
                nl++;
            }
            append(chunk, i, nl - i, sink);
            position += nl - i;
            if (nl == end) {
                return;
            }
            position++;
            completeLine(sink);
            lineStart = position;
            i = nl + 1;
        }
    }

    @Override
    public void finish(FrameSink sink) {
        completeLine(sink);
        lineStart = position;
    }

    private void append(byte[] a, int from, int n, FrameSink sink) {
        int i = from;
        while (n > 0) {
            int room = maxMessageBytes - length;
            if (room == 0) {
                emitGarbage(
                        sink,
                        oversize
                                ? "line continues beyond the maximum message size"
                                : "line longer than the maximum message size " + maxMessageBytes);
                oversize = true;
                room = maxMessageBytes;
            }
            int take = Math.min(room, n);
            if (length + take > line.length) {
                line = Arrays.copyOf(line, Math.max(length + take, line.length * 2));
            }
            System.arraycopy(a, i, line, length, take);
            length += take;
            i += take;
            n -= take;
        }
    }

    private void completeLine(FrameSink sink) {
        int n = length;
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        if (oversize) {
            emitGarbage(sink, "line continues beyond the maximum message size");
            oversize = false;
        } else if (n > 0 && !isBlank(n)) {
            sink.frame(line, 0, n);
        }
        length = 0;
        releaseLargeBuffer();
    }

    private boolean isBlank(int n) {
        for (int k = 0; k < n; k++) {
            if (line[k] != ' ' && line[k] != '\t' && line[k] != '\r') {
                return false;
            }
        }
        return true;
    }

    private void emitGarbage(FrameSink sink, String reason) {
        if (length > 0) {
            sink.garbage(new Garbage(lineStart, Arrays.copyOf(line, length), reason));
            lineStart += length;
            length = 0;
        }
    }

    private void releaseLargeBuffer() {
        if (line.length > 64 * 1024) {
            line = new byte[256];
        }
    }
}
