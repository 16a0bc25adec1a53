package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FieldNames.*;

/**
 * Heroku router lines ({@code heroku[router]}), logfmt:
 * {@code at=info method=GET path="/a?b=1" host=... request_id=... fwd="1.2.3.4" dyno=web.1 connect=0ms service=12ms
 * status=200 bytes=1532 protocol=https}, and error lines with {@code code=H12 desc="Request timeout"}.
 *
 * <p>Empty values ({@code dyno=}, {@code status=}) are absent fields; {@code connect}/{@code service} are read with
 * or without {@code ms}; {@code event.duration} is connect + service in nanoseconds. Keys this class does not know,
 * and values that should be numbers but are not, are kept as {@code heroku.router.<key>} strings.
 */
final class RouterContributor implements LineContributor {

    static final String DATASET = "heroku.router";
    static final String PREFIX = "heroku.router.";

    @Override
    public boolean contribute(Line line, Document doc) {
        doc.put(EVENT_DATASET, DATASET);
        Logfmt.parse(line.text(), (key, value) -> pair(doc, key, value));
        Object connect = doc.get(ROUTER_CONNECT_MS);
        Object service = doc.get(ROUTER_SERVICE_MS);
        if (service instanceof Long s) {
            long total = s + (connect instanceof Long c ? c : 0);
            doc.put(EVENT_DURATION, total * 1_000_000L);
        }
        return true;
    }

    private static void pair(Document doc, String key, String value) {
        switch (key) {
            case "at" -> doc.putNonEmpty(LOG_LEVEL, value);
            case "code" -> {
                doc.putNonEmpty(EVENT_CODE, value);
                doc.putNonEmpty(ERROR_CODE, value);
            }
            case "desc" -> doc.putNonEmpty(ERROR_MESSAGE, value);
            case "method" -> doc.putNonEmpty(HTTP_REQUEST_METHOD, value);
            case "path" -> path(doc, value);
            case "host" -> doc.putNonEmpty(URL_DOMAIN, value);
            case "request_id" -> doc.putNonEmpty(HTTP_REQUEST_ID, value);
            case "fwd" -> fwd(doc, value);
            case "dyno" -> doc.putNonEmpty(ROUTER_DYNO, value);
            case "connect" -> number(doc, ROUTER_CONNECT_MS, key, stripMs(value));
            case "service" -> number(doc, ROUTER_SERVICE_MS, key, stripMs(value));
            case "status" -> number(doc, HTTP_RESPONSE_STATUS_CODE, key, value);
            case "bytes" -> number(doc, HTTP_RESPONSE_BYTES, key, value);
            case "protocol" -> doc.putNonEmpty(NETWORK_PROTOCOL, value);
            case "sock" -> doc.putNonEmpty(ROUTER_SOCK, value);
            case "cause" -> doc.putNonEmpty(ROUTER_CAUSE, value);
            default -> {
                if (!value.isEmpty()) {
                    doc.putExtra(PREFIX + key, value);
                }
            }
        }
    }

    private static void path(Document doc, String value) {
        if (value.isEmpty()) {
            return;
        }
        doc.put(URL_ORIGINAL, value);
        int q = value.indexOf('?');
        if (q < 0) {
            doc.put(URL_PATH, value);
        } else {
            doc.put(URL_PATH, value.substring(0, q));
            if (q + 1 < value.length()) {
                doc.put(URL_QUERY, value.substring(q + 1));
            }
        }
    }

    private static void fwd(Document doc, String value) {
        if (value.isEmpty()) {
            return;
        }
        doc.put(ROUTER_FWD, value);
        int comma = value.indexOf(',');
        doc.putNonEmpty(CLIENT_IP, comma < 0 ? value : value.substring(0, comma).trim());
    }

    private static String stripMs(String value) {
        return value.endsWith("ms") ? value.substring(0, value.length() - 2) : value;
    }

    private static void number(Document doc, Field field, String key, String value) {
        if (value.isEmpty()) {
            return;
        }
        long n = Numbers.parseLong(value);
        if (n == Numbers.NOT_A_NUMBER) {
            doc.putExtra(PREFIX + key, value);
        } else {
            doc.put(field, n);
        }
    }
}
