package io.herokuelk.bench;

import io.herokuelk.bench.load.LoadMix;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The load tools' realistic mix ({@link LoadMix}: about 60% router lines, 15% runtime metrics, 10% platform lines
 * and 15% app JSON) at fixed timestamps, so that every JMH run parses the same bytes.
 */
final class DrainMix {

    private DrainMix() {}

    /** {@code count} messages, seeded so that every run parses the same bytes. */
    static List<String> messages(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ts = String.format(
                    Locale.ROOT, "2026-11-26T10:%02d:%02d.%06d+00:00", (i / 60) % 60, i % 60, r.nextInt(1_000_000));
            out.add(LoadMix.message(r, ts, "2026-11-26T10:00:00.123Z"));
        }
        return out;
    }

    /** The messages as one {@code application/logplex-1} body. */
    static byte[] body(List<String> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String m : messages) {
            out.writeBytes(LoadMix.frame(m));
        }
        return out.toByteArray();
    }
}
