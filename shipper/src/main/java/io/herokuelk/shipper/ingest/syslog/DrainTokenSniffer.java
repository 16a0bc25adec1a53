package io.herokuelk.shipper.ingest.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the drain token from the first message of a syslog connection, so that the app name is known before any
 * message is parsed. Syslog drains carry the token as the RFC 5424 HOSTNAME
 * ({@code 123 <190>1 2026-11-26T10:00:00+00:00 d.1b2c... app web.2 - - text}), and Logplex opens its connections
 * per drain, so the first message names the drain for the whole connection.
 *
 * <p>Bytes are held until the HOSTNAME is complete, the input cannot be a header, or {@link #LIMIT} bytes came;
 * then {@link #held()} gives them back to be parsed. Not thread-safe: one per connection.
 */
final class DrainTokenSniffer {

    /** A header is well under this; a stream that shows none within it is parsed without a token. */
    static final int LIMIT = 512;

    private byte[] held = new byte[0];
    private boolean decided;
    private String token;

    /** Adds the next bytes read; returns true once the token is known or known to be absent. */
    boolean offer(byte[] chunk, int offset, int length) {
        if (decided) {
            throw new IllegalStateException("the token is already decided");
        }
        int size = held.length;
        held = Arrays.copyOf(held, size + length);
        System.arraycopy(chunk, offset, held, size, length);
        int end = hostnameEnd(held);
        if (end == INCOMPLETE && held.length < LIMIT) {
            return false;
        }
        if (end >= 0) {
            token = new String(held, hostnameStart, end - hostnameStart, StandardCharsets.US_ASCII);
        }
        decided = true;
        return true;
    }

    /** The connection ended before a decision: what was held is parsed without a token. */
    void giveUp() {
        decided = true;
    }

    /** The drain token, or null when the first header did not show one. */
    String token() {
        return token;
    }

    /** Every byte offered, to be parsed now. */
    byte[] held() {
        return held;
    }

    private static final int INCOMPLETE = -1;
    private static final int NOT_A_HEADER = -2;
    private int hostnameStart;

    /** Finds {@code <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP} after the first '<'; returns HOSTNAME's end. */
    private int hostnameEnd(byte[] a) {
        int p = 0;
        while (p < a.length && a[p] != '<') {
            p++;
        }
        if (p == a.length) {
            return INCOMPLETE;
        }
        int close = p + 1;
        while (close < a.length && close - p <= 4 && Character.isDigit(a[close])) {
            close++;
        }
        if (close == a.length) {
            return INCOMPLETE;
        }
        if (a[close] != '>' || close == p + 1) {
            return NOT_A_HEADER;
        }
        int timestamp = skipToken(a, close + 1);
        if (timestamp < 0) {
            return timestamp;
        }
        int hostname = skipToken(a, timestamp);
        if (hostname < 0) {
            return hostname;
        }
        int end = hostname;
        while (end < a.length && a[end] != ' ') {
            if (a[end] == '\n' || a[end] == '\r') {
                return NOT_A_HEADER;
            }
            end++;
        }
        if (end == a.length) {
            return INCOMPLETE;
        }
        if (end == hostname || (end - hostname == 1 && a[hostname] == '-')) {
            return NOT_A_HEADER;
        }
        hostnameStart = hostname;
        return end;
    }

    /** Skips a non-empty token and its space; returns the index after the space. */
    private static int skipToken(byte[] a, int from) {
        int p = from;
        while (p < a.length && a[p] != ' ') {
            if (a[p] == '\n' || a[p] == '\r') {
                return NOT_A_HEADER;
            }
            p++;
        }
        if (p == a.length) {
            return INCOMPLETE;
        }
        return p == from ? NOT_A_HEADER : p + 1;
    }
}
