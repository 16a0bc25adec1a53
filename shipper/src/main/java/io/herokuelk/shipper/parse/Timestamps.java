package io.herokuelk.shipper.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 timestamps (as in RFC 5424 headers and logstash-logback-encoder's {@code @timestamp}) rewritten in UTC
 * with their own precision: {@code 2026-11-26T11:00:00.123456+01:00} becomes {@code 2026-11-26T10:00:00.123456Z}.
 *
 * <p>Hand-written rather than {@code OffsetDateTime.parse} because it runs for every message; the common
 * {@code +00:00} case needs no date arithmetic at all. Never depends on the default time zone.
 */
final class Timestamps {

    private Timestamps() {}

    /** The UTC form of {@code s}, or {@code null} when it is not an RFC 3339 date-time. */
    static String toUtc(String s) {
        int n = s.length();
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0x7f) {
                return null;
            }
            a[i] = (byte) c;
        }
        return toUtc(a, 0, n);
    }

    /** The UTC form of the ASCII text {@code a[from, to)}, or {@code null} when it is not an RFC 3339 date-time. */
    static String toUtc(byte[] a, int from, int to) {
        int n = to - from;
        if (n < 20) {
            return null;
        }
        int year = digits(a, from, 4);
        int month = digits(a, from + 5, 2);
        int day = digits(a, from + 8, 2);
        int hour = digits(a, from + 11, 2);
        int minute = digits(a, from + 14, 2);
        int second = digits(a, from + 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 60
                || a[from + 4] != '-'
                || a[from + 7] != '-'
                || (a[from + 10] != 'T' && a[from + 10] != 't')
                || a[from + 13] != ':'
                || a[from + 16] != ':') {
            return null;
        }
        if (day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int i = from + 19;
        int fractionStart = i;
        if (a[i] == '.') {
            i++;
            while (i < to && a[i] >= '0' && a[i] <= '9') {
                i++;
            }
            if (i == fractionStart + 1 || i - fractionStart > 10) {
                return null;
            }
        }
        int fractionEnd = i;
        if (i == to) {
            return null;
        }
        int offsetSeconds;
        if ((a[i] == 'Z' || a[i] == 'z') && i + 1 == to) {
            offsetSeconds = 0;
        } else if ((a[i] == '+' || a[i] == '-') && i + 6 == to && a[i + 3] == ':') {
            int oh = digits(a, i + 1, 2);
            int om = digits(a, i + 4, 2);
            if (oh < 0 || oh > 23 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (a[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        char[] out;
        if (offsetSeconds == 0 && second < 60) {
            out = new char[fractionEnd - from + 1];
            for (int k = from; k < fractionEnd; k++) {
                out[k - from] = (char) a[k];
            }
            out[10] = 'T';
        } else {
            // A leap second is folded into the next second, as java.time does.
            LocalDateTime utc = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59))
                    .plusSeconds((second == 60 ? 1 : 0) - offsetSeconds);
            out = new char[fractionEnd - from + 1];
            String date = DATE_TIME.format(utc);
            if (date.length() != 19) {
                return null; // years beyond 9999 after the shift
            }
            date.getChars(0, 19, out, 0);
            for (int k = fractionStart; k < fractionEnd; k++) {
                out[19 + k - fractionStart] = (char) a[k];
            }
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    /** An instant in the same shape, with as many fraction digits as needed (none for whole seconds). */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** The value of {@code count} decimal digits, or -1. */
    private static int digits(byte[] a, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            byte b = a[i];
            if (b < '0' || b > '9') {
                return -1;
            }
            v = v * 10 + (b - '0');
        }
        return v;
    }
}
