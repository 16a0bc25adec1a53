package io.herokuelk.shipper.parse;

import java.nio.charset.StandardCharsets;

/**
 * Bytes that could not be framed, kept for the dead-letter topic with the reason.
 *
 * <p>A long run of garbage is reported in pieces of at most the maximum message size, so no piece is unbounded.
 *
 * @param offset where the bytes start in the body or stream
 * @param bytes  the bytes themselves
 * @param reason why they are not a frame, as a sentence fragment such as
 *               {@code truncated frame: declared 120 bytes, 40 present}
 */
public record Garbage(long offset, byte[] bytes, String reason) {

    public int length() {
        return bytes.length;
    }

    /** The bytes as text, for logs and tests (invalid UTF-8 shows as replacement characters). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Garbage[offset=" + offset + ", length=" + bytes.length + ", reason=" + reason + "]";
    }
}
