package io.herokuelk.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Router lines that carry the wall-clock time they were sent in their request id ({@code probe-<epoch ms>-<n>}). Sent
 * among the load, they give each path's latency to Kafka: the record's broker append time (the topics use
 * {@code LogAppendTime}) minus the time in the line, read back after the pass so that reading costs nothing while it
 * runs. The same clock on both ends: everything runs on this machine.
 */
final class ProbeLines {

    /** One probe after this many load lines. */
    static final int EVERY = 2_000;

    private static final byte[] MARK = "probe-".getBytes(StandardCharsets.US_ASCII);

    private ProbeLines() {}

    /** How many probes go with {@code messages} load lines. */
    static int count(int messages) {
        return messages / EVERY;
    }

    /** A router line stamped with now. */
    static String line(int sequence) {
        long now = System.currentTimeMillis();
        return "<158>1 " + Instant.ofEpochMilli(now) + " host heroku router - at=info method=GET path=\"/probe\""
                + " host=myapp.herokuapp.com request_id=probe-" + now + "-" + sequence
                + " fwd=\"203.0.113.1\" dyno=web.1 connect=0ms service=1ms status=200 bytes=0 protocol=https";
    }

    /** The line as an octet-counted frame. */
    static byte[] frame(int sequence) {
        return LoadMix.frame(line(sequence));
    }

    /** The send time in a record holding a probe (the raw line or a document made from it), or -1 if it holds none. */
    static long sentAt(byte[] value) {
        int at = indexOf(value, MARK);
        if (at < 0) {
            return -1;
        }
        long millis = 0;
        for (int i = at + MARK.length; i < value.length && value[i] >= '0' && value[i] <= '9'; i++) {
            millis = millis * 10 + (value[i] - '0');
        }
        return millis;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
