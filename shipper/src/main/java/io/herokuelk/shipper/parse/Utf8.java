package io.herokuelk.shipper.parse;

/**
 * A document value that is already UTF-8 bytes (a slice of the received message), written to JSON without
 * first becoming a {@link String}. Only well-formed text may be wrapped: see {@link #orString}.
 */
record Utf8(byte[] bytes, int from, int to) {

    /**
     * The slice as a value: itself when it is plain ASCII (the common case, checked in one pass), otherwise a String,
     * whose decoding replaces malformed sequences so that the JSON stays valid.
     */
    static Object orString(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return new String(a, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return new Utf8(a, from, to);
    }

    @Override
    public String toString() {
        return new String(bytes, from, to - from, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
