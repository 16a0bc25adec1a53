package io.herokuelk.app.http;

import static io.herokuelk.app.log.Fields.*;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

/** The {@code app.request} event, one per answered request. The query string is never logged: it may hold secrets. */
public final class RequestEvents {

    /**
     * @param method the request method
     * @param path the request path, already capped in length
     * @param status the response status
     * @param durationNanos from the request reaching the app to the response sent
     * @param responseBytes body bytes sent, or -1 when unknown
     * @param requestId the request id (Heroku's {@code X-Request-ID}, or one the app made)
     * @param userAgent the User-Agent header, capped, or null when absent
     */
    public record Completed(
            String method,
            String path,
            int status,
            long durationNanos,
            long responseBytes,
            String requestId,
            String userAgent) {}

    private RequestEvents() {}

    public static void completed(Logger log, Completed r) {
        LoggingEventBuilder event = r.status() >= 500 ? log.atWarn() : log.atInfo();
        event = event.addKeyValue(EVENT_DATASET, DATASET_REQUEST)
                .addKeyValue(HTTP_REQUEST_METHOD, r.method())
                .addKeyValue(URL_PATH, r.path())
                .addKeyValue(HTTP_RESPONSE_STATUS_CODE, r.status())
                .addKeyValue(EVENT_DURATION, r.durationNanos())
                .addKeyValue(HTTP_REQUEST_ID, r.requestId());
        if (r.responseBytes() >= 0) {
            event = event.addKeyValue(HTTP_RESPONSE_BODY_BYTES, r.responseBytes());
        }
        if (r.userAgent() != null) {
            event = event.addKeyValue(USER_AGENT_ORIGINAL, r.userAgent());
        }
        event.log(String.format(
                Locale.ROOT,
                "%s %s answered %d in %.2f ms",
                r.method(),
                r.path(),
                r.status(),
                r.durationNanos() / 1e6));
    }
}
