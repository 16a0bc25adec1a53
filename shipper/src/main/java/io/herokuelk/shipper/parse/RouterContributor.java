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
        Logfmt.parse(line.raw, line.textFrom, line.rawTo, (key, a, from, to, escaped) -> {
            if (from < to) {
                pair(doc, key, a, from, to, escaped);
            }
        });
        classify(doc);
        Object connect = doc.get(ROUTER_CONNECT_MS);
        Object service = doc.get(ROUTER_SERVICE_MS);
        if (service instanceof Long s) {
            long total = s + (connect instanceof Long c ? c : 0);
            doc.put(EVENT_DURATION, total * 1_000_000L);
        }
        return true;
    }

    /** An access line; an error line (H code, {@code at=error}) or a 4xx/5xx answer is a failure. */
    private static void classify(Document doc) {
        Object code = doc.get(ERROR_CODE);
        if (code instanceof String c) {
            EcsEvent.error(doc, c);
            doc.put(EVENT_TYPE, EcsEvent.ACCESS_ERROR);
            return;
        }
        EcsEvent.classify(doc, EcsEvent.KIND_EVENT, EcsEvent.WEB, EcsEvent.ACCESS);
        if (doc.get(HTTP_RESPONSE_STATUS_CODE) instanceof Long status) {
            doc.put(EVENT_OUTCOME, status >= 400 ? EcsEvent.FAILURE : EcsEvent.SUCCESS);
        }
    }

    private static void pair(Document doc, String key, byte[] a, int from, int to, boolean escaped) {
        switch (key) {
            case "at" -> doc.put(LOG_LEVEL, Tokens.ascii(a, from, to));
            case "code" -> {
                String code = Tokens.ascii(a, from, to);
                doc.put(EVENT_CODE, code);
                doc.put(ERROR_CODE, code);
            }
            case "desc" -> doc.put(ERROR_MESSAGE, Logfmt.value(a, from, to, escaped));
            case "method" -> doc.put(HTTP_REQUEST_METHOD, Tokens.ascii(a, from, to));
            case "path" -> path(doc, a, from, to, escaped);
            case "host" -> doc.put(URL_DOMAIN, Logfmt.documentValue(a, from, to, escaped));
            case "request_id" -> doc.put(HTTP_REQUEST_ID, Logfmt.documentValue(a, from, to, escaped));
            case "fwd" -> fwd(doc, a, from, to, escaped);
            case "dyno" -> doc.put(ROUTER_DYNO, Tokens.ascii(a, from, to));
            case "connect" -> number(doc, ROUTER_CONNECT_MS, key, a, from, to, "ms");
            case "service" -> number(doc, ROUTER_SERVICE_MS, key, a, from, to, "ms");
            case "status" -> number(doc, HTTP_RESPONSE_STATUS_CODE, key, a, from, to, "");
            case "bytes" -> number(doc, HTTP_RESPONSE_BYTES, key, a, from, to, "");
            case "protocol" -> doc.put(NETWORK_PROTOCOL, Tokens.ascii(a, from, to));
            case "sock" -> doc.put(ROUTER_SOCK, Tokens.ascii(a, from, to));
            case "cause" -> doc.put(ROUTER_CAUSE, Logfmt.value(a, from, to, escaped));
            default -> doc.putExtra(PREFIX + key, Logfmt.value(a, from, to, escaped));
        }
    }

    private static void path(Document doc, byte[] a, int from, int to, boolean escaped) {
        if (escaped) {
            String value = Logfmt.value(a, from, to, true);
            doc.put(URL_ORIGINAL, value);
            int q = value.indexOf('?');
            doc.put(URL_PATH, q < 0 ? value : value.substring(0, q));
            if (q >= 0 && q + 1 < value.length()) {
                doc.put(URL_QUERY, value.substring(q + 1));
            }
            return;
        }
        doc.put(URL_ORIGINAL, Utf8.orString(a, from, to));
        int q = from;
        while (q < to && a[q] != '?') {
            q++;
        }
        doc.put(URL_PATH, Utf8.orString(a, from, q));
        if (q + 1 < to) {
            doc.put(URL_QUERY, Utf8.orString(a, q + 1, to));
        }
    }

    private static void fwd(Document doc, byte[] a, int from, int to, boolean escaped) {
        doc.put(ROUTER_FWD, Logfmt.documentValue(a, from, to, escaped));
        int comma = from;
        while (comma < to && a[comma] != ',') {
            comma++;
        }
        int end = comma;
        while (end > from && a[end - 1] == ' ') {
            end--;
        }
        if (end > from) {
            doc.put(CLIENT_IP, Utf8.orString(a, from, end)); // addresses vary too much for the token table
        }
    }

    private static void number(Document doc, Field field, String key, byte[] a, int from, int to, String suffix) {
        long n = Logfmt.number(a, from, to, suffix);
        if (n < 0) {
            doc.putExtra(PREFIX + key, Logfmt.value(a, from, to, false));
        } else {
            doc.put(field, n);
        }
    }
}
