package io.herokuelk.standin.router;

/**
 * Formats router lines in Heroku's key order:
 * {@code at=info method=GET path="/a?b=1" host=h request_id=.. fwd="1.2.3.4" dyno=web.1 connect=0ms service=12ms
 * status=200 bytes=532 protocol=http}; errors put {@code code=H12 desc="Request timeout"} after {@code at=error}.
 * Unknown values are left empty ({@code dyno= connect= service=}), as Heroku writes them.
 */
final class RouterLine {

    private RouterLine() {}

    static String info(RequestFacts request, String dyno, long connectMs, long serviceMs, int status, long bytes) {
        return "at=info " + rest(request, dyno, connectMs, serviceMs, status, bytes);
    }

    /** Negative numbers stand for empty values. */
    static String error(
            RouterError error,
            RequestFacts request,
            String dyno,
            long connectMs,
            long serviceMs,
            int status,
            long bytes) {
        return "at=" + error.level + " code=" + error.name() + " desc=" + quoted(error.description) + " "
                + rest(request, dyno, connectMs, serviceMs, status, bytes);
    }

    private static String rest(RequestFacts r, String dyno, long connectMs, long serviceMs, int status, long bytes) {
        return "method=" + r.method() + " path=" + quoted(r.path()) + " host=" + r.host() + " request_id="
                + r.requestId() + " fwd=" + quoted(r.fwd()) + " dyno=" + (dyno == null ? "" : dyno)
                + " connect=" + ms(connectMs) + " service=" + ms(serviceMs) + " status=" + number(status)
                + " bytes=" + number(bytes) + " protocol=" + r.protocol();
    }

    private static String ms(long value) {
        return value < 0 ? "" : value + "ms";
    }

    private static String number(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    /** Quoted logfmt value; a quote or backslash inside is escaped so that the line still splits right. */
    static String quoted(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
