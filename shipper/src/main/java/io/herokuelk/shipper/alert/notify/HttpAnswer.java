package io.herokuelk.shipper.alert.notify;

import java.time.Duration;

/**
 * A receiver's answer, as the classifiers see it.
 *
 * @param status     the HTTP status
 * @param body       the start of the response body (receivers put error codes there)
 * @param retryAfter the receiver's Retry-After, or null when absent or unreadable
 */
record HttpAnswer(int status, String body, Duration retryAfter) {

    boolean success() {
        return status >= 200 && status < 300;
    }

    /** The status and the start of the body, on one line, for a log reason. */
    String describe() {
        String detail = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "...";
        }
        return detail.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + detail;
    }
}
