package io.herokuelk.app.http;

import java.util.UUID;

/**
 * The request id joins the app's request event with Heroku's router line, which carries the same value as
 * {@code request_id}. Heroku sends it as {@code X-Request-ID}; without one (local runs, other hosts) the app makes one.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";

    /** Heroku accepts client-supplied ids up to 200 characters; longer or odd ones are replaced, not logged. */
    static final int MAX_LENGTH = 200;

    private RequestIds() {}

    public static String fromHeader(String header) {
        return isUsable(header) ? header : UUID.randomUUID().toString();
    }

    static boolean isUsable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false; // printable ASCII only: it is echoed in a header and written to logs
            }
        }
        return true;
    }
}
