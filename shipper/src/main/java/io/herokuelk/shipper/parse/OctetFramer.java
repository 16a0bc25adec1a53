package io.herokuelk.shipper.parse;

import java.util.Arrays;

/**
 * Splits octet-counted frames ({@code <LEN> SP <MSG>}, RFC 6587 section 3.4.1, as in {@code application/logplex-1}
 * bodies and syslog drains) by their declared length, never by newline.
 *
 * <p>Two ways to use it:
 * <ul>
 *   <li>a whole body: {@link #frameBody(byte[], int, int, int, FrameSink)}, which hands out slices of the body
 *       without copying;</li>
 *   <li>a stream: one instance per connection, {@link #feed} for every read (frames may be split across reads, and
 *       one read may hold many), {@link #finish} when the stream ends. Not thread-safe.</li>
 * </ul>
 *
 * <p>Tolerated without complaint: newlines ({@code \n}, {@code \r}) between frames, and a message without a trailing
 * newline (logplex's own L10 message), whose successor's length digits follow it directly.
 *
 * <p>Anything else that is not a frame becomes {@link Garbage} with a reason, and framing resumes at the next
 * plausible frame start ({@code <digits> SP <}); the frames around garbage are never lost. A declared length above
 * the maximum message size is garbage too: nothing is allocated for it, so a corrupt or hostile prefix cannot make
 * the framer buffer gigabytes. A frame whose declared length runs into the next frame (a plausible frame start lies
 * inside it and none follows it) is garbage rather than a message with a piece of its neighbour.
 *
 * <p>Every input byte is counted exactly once as framed, separator or garbage ({@link #framedBytes()},
 * {@link #separatorBytes()}, {@link #garbageBytes()}).
 */
public final class OctetFramer implements StreamFramer {

    /** Nine digits already exceed any sane maximum; more are not read as a number. */
    private static final int MAX_LENGTH_DIGITS = 9;

    private final int maxMessageBytes;

    /** Unconsumed stream bytes are {@code buffer[start, end)}; used only when a frame spans reads. */
    private byte[] buffer = new byte[0];

    private int start;
    private int end;
    /** Stream offset of the first unconsumed byte. */
    private long position;

    private GarbageRun garbage;

    private long framedBytes;
    private long separatorBytes;
    private long garbageBytes;
    private long frames;

    public OctetFramer(int maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive, was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Frames a complete body; the slices given to {@code sink} point into {@code body}. */
    public static void frameBody(byte[] body, int offset, int length, int maxMessageBytes, FrameSink sink) {
        OctetFramer framer = new OctetFramer(maxMessageBytes);
        int consumed = framer.scan(body, offset, offset + length, true, sink);
        framer.position += consumed - offset;
        framer.closeGarbage(sink);
    }

    /** Frames a complete body. */
    public static void frameBody(byte[] body, int maxMessageBytes, FrameSink sink) {
        frameBody(body, 0, body.length, maxMessageBytes, sink);
    }

    /**
     * Feeds the next bytes of a stream. Complete frames go to {@code sink} now; an incomplete one waits for the next
     * call. Garbage is reported once its end is known (or when it reaches the maximum message size).
     */
    @Override
    public void feed(byte[] chunk, int offset, int length, FrameSink sink) {
        if (length == 0) {
            return;
        }
        if (start == end) {
            // Nothing pending: frame straight from the caller's array and keep only the unfinished tail.
            int consumed = scan(chunk, offset, offset + length, false, sink);
            position += consumed - offset;
            keep(chunk, consumed, offset + length);
        } else {
            append(chunk, offset, length);
            int consumed = scan(buffer, start, end, false, sink);
            position += consumed - start;
            start = consumed;
            if (start == end) {
                start = end = 0;
            }
        }
        releaseLargeBuffer();
    }

    /** Ends the stream: whatever is left over (a truncated frame, for example) becomes garbage. */
    @Override
    public void finish(FrameSink sink) {
        if (start < end) {
            int consumed = scan(buffer, start, end, true, sink);
            position += consumed - start;
            start = end = 0;
        }
        closeGarbage(sink);
        releaseLargeBuffer();
    }

    /** Bytes handed out as frames, counting their length prefixes. */
    public long framedBytes() {
        return framedBytes;
    }

    /** Newlines between frames. */
    public long separatorBytes() {
        return separatorBytes;
    }

    /** Bytes reported as garbage. */
    public long garbageBytes() {
        return garbageBytes;
    }

    public long frames() {
        return frames;
    }

    /** Bytes received but not yet framed nor reported (a frame waiting for its end). */
    public int pendingBytes() {
        return end - start + (garbage == null ? 0 : garbage.length);
    }

    /**
     * Frames {@code a[from, to)}; returns the index of the first byte not consumed (only short of {@code to} when
     * more input is needed, which never happens at end of input).
     */
    private int scan(byte[] a, int from, int to, boolean endOfInput, FrameSink sink) {
        int p = from;
        while (p < to) {
            byte b = a[p];
            if (garbage == null && (b == '\n' || b == '\r')) {
                separatorBytes++;
                p++;
                continue;
            }
            // Inside garbage, digits right after a digit are the tail of a longer number: "99999999 <" must not
            // resynchronise as "9 <" unless the frame that reading gives is followed by what follows a frame.
            boolean numberTail = garbage != null && p > 0 && isDigit(a[p - 1]);
            long result = tryFrame(a, p, to, endOfInput, numberTail);
            if (result == NEED_MORE) {
                return p;
            }
            if (result >= 0) {
                int messageStart = (int) (result >>> 32);
                int messageEnd = (int) result;
                closeGarbage(sink);
                framedBytes += messageEnd - p;
                frames++;
                sink.frame(a, messageStart, messageEnd - messageStart);
                p = messageEnd;
                continue;
            }
            // Not a frame here: this byte is garbage, and so is everything up to the next digit that could start one.
            int q = p + 1;
            while (q < to && !isNonZeroDigit(a[q])) {
                q++;
            }
            addGarbage(a, p, q, offsetOf(p, from), reason, sink);
            p = q;
        }
        return p;
    }

    private long offsetOf(int index, int from) {
        return position + (index - from);
    }

    private static final long NEED_MORE = -2;
    private static final long INVALID = -1;
    /** Why the last {@link #tryFrame} returned {@link #INVALID}. */
    private String reason;

    /**
     * Tries to read a frame at {@code a[p]}; {@code numberTail} asks for the stricter check that what follows the
     * frame fits. Returns {@code messageStart << 32 | messageEnd}, {@link #NEED_MORE} or
     * {@link #INVALID} (with {@link #reason} set).
     */
    private long tryFrame(byte[] a, int p, int to, boolean endOfInput, boolean numberTail) {
        if (!isNonZeroDigit(a[p])) {
            return invalid(a[p] == '0' ? "length prefix starts with 0" : "length prefix is not a number");
        }
        int q = p;
        long declared = 0;
        while (q < to && isDigit(a[q]) && q - p <= MAX_LENGTH_DIGITS) {
            declared = declared * 10 + (a[q] - '0');
            q++;
        }
        if (q == to) {
            return endOfInput ? invalid("truncated length prefix") : NEED_MORE;
        }
        if (isDigit(a[q])) {
            return invalid("declared length has more than " + MAX_LENGTH_DIGITS + " digits");
        }
        if (a[q] != ' ') {
            return invalid("length prefix is not followed by a space");
        }
        if (q + 1 == to) {
            return endOfInput ? invalid("truncated frame: declared " + declared + " bytes, 0 present") : NEED_MORE;
        }
        if (a[q + 1] != '<') {
            return invalid("message does not start with '<'");
        }
        if (declared > maxMessageBytes) {
            return invalid("declared length " + declared + " exceeds the maximum message size " + maxMessageBytes);
        }
        int messageStart = q + 1;
        long messageEnd = messageStart + declared;
        if (messageEnd > to) {
            if (!endOfInput) {
                return NEED_MORE;
            }
            return invalid("truncated frame: declared " + declared + " bytes, " + (to - messageStart) + " present");
        }
        int e = (int) messageEnd;
        int next = continuation(a, e, to);
        if (numberTail) {
            // Resynchronising on the tail of a longer number needs evidence: a PRI, and a frame boundary after it.
            if (next == UNKNOWN && !endOfInput) {
                return NEED_MORE;
            }
            // The frame start after it must not be the tail of a number either ("...13" + "9 <").
            boolean clean = next == FITS && (a[e] == '\n' || a[e] == '\r' || !isDigit(a[e - 1]));
            if (!clean || !startsWithPri(a, messageStart, e)) {
                return invalid("length prefix is part of a longer number");
            }
        }
        if (next == DOES_NOT_FIT) {
            int inner = findFrameStart(a, messageStart + 1, e, to);
            if (inner >= 0) {
                return invalid("declared length " + declared + " runs into the next frame, which starts after "
                        + (inner - messageStart) + " bytes");
            }
        }
        return ((long) messageStart << 32) | e;
    }

    private long invalid(String why) {
        reason = why;
        return INVALID;
    }

    private static final int FITS = 0;
    private static final int DOES_NOT_FIT = 1;
    private static final int UNKNOWN = 2;

    /**
     * Whether what follows a frame ending at {@code e} fits: a newline or the start of another frame
     * ({@link #FITS}), something else ({@link #DOES_NOT_FIT}), or not enough bytes to tell ({@link #UNKNOWN}: the
     * end of the input, or of what has arrived so far, where an ordinary frame is accepted rather than held back).
     */
    private static int continuation(byte[] a, int e, int to) {
        if (e == to) {
            return UNKNOWN;
        }
        byte b = a[e];
        if (b == '\n' || b == '\r') {
            return FITS;
        }
        if (!isNonZeroDigit(b)) {
            return DOES_NOT_FIT;
        }
        int i = e;
        while (i < to && isDigit(a[i]) && i - e <= MAX_LENGTH_DIGITS) {
            i++;
        }
        if (i == to || i + 1 == to && a[i] == ' ') {
            return UNKNOWN;
        }
        return a[i] == ' ' && a[i + 1] == '<' ? FITS : DOES_NOT_FIT;
    }

    /** {@code <} then one to three digits then {@code >}. */
    private static boolean startsWithPri(byte[] a, int from, int to) {
        int i = from + 1;
        while (i < to && i - from <= 3 && isDigit(a[i])) {
            i++;
        }
        return i > from + 1 && i < to && a[i] == '>';
    }

    /** The first index in {@code [from, until)} where a complete {@code <digits> SP <} prefix starts, or -1. */
    private static int findFrameStart(byte[] a, int from, int until, int to) {
        for (int i = from; i < until; i++) {
            if (!isNonZeroDigit(a[i])) {
                continue;
            }
            int j = i;
            while (j < to && isDigit(a[j]) && j - i <= MAX_LENGTH_DIGITS) {
                j++;
            }
            if (j + 1 < to && a[j] == ' ' && a[j + 1] == '<') {
                return i;
            }
        }
        return -1;
    }

    private void addGarbage(byte[] a, int from, int to, long offset, String why, FrameSink sink) {
        int i = from;
        while (i < to) {
            if (garbage == null) {
                garbage = new GarbageRun(offset + (i - from), why, maxMessageBytes);
            }
            int n = Math.min(to - i, maxMessageBytes - garbage.length);
            garbage.add(a, i, n);
            i += n;
            if (garbage.length == maxMessageBytes) {
                // Keep pieces bounded; the next piece carries the same reason.
                closeGarbage(sink);
            }
        }
    }

    private void closeGarbage(FrameSink sink) {
        if (garbage != null) {
            GarbageRun run = garbage;
            garbage = null;
            garbageBytes += run.length;
            sink.garbage(new Garbage(run.offset, run.bytes(), run.reason));
        }
    }

    private void keep(byte[] chunk, int from, int to) {
        int n = to - from;
        if (n > 0) {
            if (buffer.length < n) {
                buffer = new byte[Math.max(n, 4096)];
            }
            System.arraycopy(chunk, from, buffer, 0, n);
        }
        start = 0;
        end = n;
    }

    private void append(byte[] chunk, int offset, int length) {
        int pending = end - start;
        if (buffer.length - end < length) {
            if (buffer.length - pending >= length) {
                System.arraycopy(buffer, start, buffer, 0, pending);
            } else {
                byte[] grown = new byte[Math.max(pending + length, buffer.length * 2)];
                System.arraycopy(buffer, start, grown, 0, pending);
                buffer = grown;
            }
            start = 0;
            end = pending;
        }
        System.arraycopy(chunk, offset, buffer, end, length);
        end += length;
    }

    /** A buffer grown for one big frame is not kept for the life of the connection. */
    private void releaseLargeBuffer() {
        if (start == end && buffer.length > 64 * 1024) {
            buffer = new byte[0];
            start = end = 0;
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isNonZeroDigit(byte b) {
        return b >= '1' && b <= '9';
    }

    /** Contiguous garbage being collected, up to the maximum message size. */
    private static final class GarbageRun {
        final long offset;
        final String reason;
        byte[] data;
        int length;

        GarbageRun(long offset, String reason, int cap) {
            this.offset = offset;
            this.reason = reason;
            this.data = new byte[Math.min(cap, 256)];
        }

        void add(byte[] a, int from, int n) {
            if (length + n > data.length) {
                data = Arrays.copyOf(data, Math.max(length + n, data.length * 2));
            }
            System.arraycopy(a, from, data, length, n);
            length += n;
        }

        byte[] bytes() {
            return Arrays.copyOf(data, length);
        }
    }
}
