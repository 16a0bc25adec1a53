package io.herokuelk.shipper.alert.diagnosis;

import java.util.Locale;

/** Memory and other figures written for people: whole megabytes, one decimal where it matters. */
final class Mb {

    private Mb() {}

    static String text(double mb) {
        return Math.round(mb) + " MB";
    }

    static String rate(double mbPerMinute) {
        return String.format(Locale.ROOT, "%.1f MB/min", mbPerMinute);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
