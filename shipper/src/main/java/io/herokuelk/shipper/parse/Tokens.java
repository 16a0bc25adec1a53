package io.herokuelk.shipper.parse;

import java.nio.charset.StandardCharsets;

/**
 * Short ASCII tokens as strings, remembered in a small table: header tokens repeat endlessly ({@code host},
 * {@code app}, {@code router}, {@code web.1}), so most lookups allocate nothing.
 *
 * <p>Two slots per hash (the newest first), so that two tokens of every line whose hashes collide ({@code router} in
 * the header and the key {@code protocol} do) do not push each other out at every line. The table is shared without
 * locks: a slot holds one immutable string and a race only costs a lost entry.
 */
final class Tokens {

    private static final int SLOTS = 1024;
    private static final int MAX_CACHED_LENGTH = 32;
    private static final String[] CACHE = new String[SLOTS];

    private Tokens() {}

    static String ascii(byte[] a, int from, int to) {
        int n = to - from;
        if (n > MAX_CACHED_LENGTH) {
            return new String(a, from, n, StandardCharsets.UTF_8);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + a[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 2);
        String first = CACHE[slot];
        if (first != null && matches(first, a, from, n)) {
            return first;
        }
        String second = CACHE[slot + 1];
        if (second != null && matches(second, a, from, n)) {
            return second;
        }
        String s = new String(a, from, n, StandardCharsets.UTF_8);
        if (s.length() == n) { // pure ASCII only, so that matches() can compare char by byte
            CACHE[slot + 1] = first;
            CACHE[slot] = s;
        }
        return s;
    }

    private static boolean matches(String s, byte[] a, int from, int n) {
        if (s.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) != a[from + i]) {
                return false;
            }
        }
        return true;
    }
}
