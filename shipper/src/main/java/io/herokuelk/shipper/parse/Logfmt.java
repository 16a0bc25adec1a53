package io.herokuelk.shipper.parse;

import java.nio.charset.StandardCharsets;

/**
 * Splits logfmt text ({@code key=value key="quoted value" key= flag}) into pairs, as the router and runtime metrics
 * write it. Works on the message bytes and hands out positions, so that values the document copies as they are
 * need no intermediate strings (router lines are most of the traffic).
 *
 * <p>A quoted value may contain spaces and {@code \"} (then {@code escaped} is set and {@link #value} unescapes it);
 * an empty value ({@code dyno=}) has {@code valueFrom == valueTo}; a key without {@code =} gets an empty value.
 */
final class Logfmt {

    interface Visitor {
        void pair(String key, byte[] a, int valueFrom, int valueTo, boolean escaped);
    }

    private Logfmt() {}

    static void parse(byte[] a, int from, int to, Visitor visitor) {
        int i = from;
        while (i < to) {
            while (i < to && a[i] == ' ') {
                i++;
            }
            if (i == to) {
                return;
            }
            int keyStart = i;
            while (i < to && a[i] != '=' && a[i] != ' ') {
                i++;
            }
            String key = Tokens.ascii(a, keyStart, i);
            if (i == to || a[i] == ' ') {
                visitor.pair(key, a, i, i, false);
                continue;
            }
            i++; // '='
            if (i < to && a[i] == '"') {
                i++;
                int valueStart = i;
                boolean escaped = false;
                while (i < to && a[i] != '"') {
                    if (a[i] == '\\' && i + 1 < to) {
                        escaped = true;
                        i++;
                    }
                    i++;
                }
                visitor.pair(key, a, valueStart, i, escaped);
                if (i < to) {
                    i++; // closing quote
                }
            } else {
                int valueStart = i;
                while (i < to && a[i] != ' ') {
                    i++;
                }
                visitor.pair(key, a, valueStart, i, false);
            }
        }
    }

    /** The value as a string, with {@code \x} escapes resolved when {@code escaped}. */
    static String value(byte[] a, int from, int to, boolean escaped) {
        String s = new String(a, from, to - from, StandardCharsets.UTF_8);
        if (!escaped) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The value as a document value: the bytes themselves when they need no unescaping and are ASCII. */
    static Object documentValue(byte[] a, int from, int to, boolean escaped) {
        return escaped ? value(a, from, to, true) : Utf8.orString(a, from, to);
    }

    /** A non-negative decimal of at most 18 digits, with an optional suffix (such as {@code ms}), or -1. */
    static long number(byte[] a, int from, int to, String suffix) {
        int end = to;
        int n = suffix.length();
        if (end - from > n && endsWith(a, from, end, suffix)) {
            end -= n;
        }
        if (end == from || end - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < end; i++) {
            byte b = a[i];
            if (b < '0' || b > '9') {
                return -1;
            }
            v = v * 10 + (b - '0');
        }
        return v;
    }

    static boolean endsWith(byte[] a, int from, int to, String suffix) {
        int n = suffix.length();
        if (to - from < n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (a[to - n + k] != suffix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
