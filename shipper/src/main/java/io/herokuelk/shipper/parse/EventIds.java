package io.herokuelk.shipper.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Deterministic {@code event.id}s, which downstream de-duplication relies on (they become Elasticsearch
 * {@code _id}s, so they are short and URL-safe).
 *
 * <ul>
 *   <li>With a Logplex Frame-Id: {@code <frame id>-<position in the batch>}. Logplex retries a batch with the same
 *       Frame-Id and the same bytes, so a retry yields the same ids.</li>
 *   <li>Without one (syslog drains, Private Space senders): SHA-256 of drain token, dyno and the raw message
 *       (header included, so its timestamp too), truncated to 128 bits, base64url: 22 characters. Two identical
 *       lines from one dyno with the same timestamp get the same id and are kept once.</li>
 * </ul>
 */
final class EventIds {

    /** Frame-Ids are 32 hex characters; anything longer or stranger is hashed rather than trusted as an id. */
    private static final int MAX_FRAME_ID_LENGTH = 64;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    });

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private EventIds() {}

    static String fromFrame(String frameId, int position) {
        if (isUrlSafe(frameId)) {
            return frameId + '-' + position;
        }
        MessageDigest sha = SHA256.get();
        sha.update((byte) 'f');
        sha.update(frameId.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Integer.toString(position).getBytes(StandardCharsets.US_ASCII));
        return finish(sha);
    }

    static String fromContent(String drainToken, String dyno, byte[] raw, int from, int to) {
        MessageDigest sha = SHA256.get();
        sha.update((byte) 'c');
        if (drainToken != null) {
            sha.update(drainToken.getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 0);
        if (dyno != null) {
            sha.update(dyno.getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 0);
        sha.update(raw, from, to - from);
        return finish(sha);
    }

    private static String finish(MessageDigest sha) {
        byte[] digest = sha.digest(); // also resets the digest for the next use
        byte[] truncated = new byte[16];
        System.arraycopy(digest, 0, truncated, 0, 16);
        return BASE64URL.encodeToString(truncated);
    }

    private static boolean isUrlSafe(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_FRAME_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
