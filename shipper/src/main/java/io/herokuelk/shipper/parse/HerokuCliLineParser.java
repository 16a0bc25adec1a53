package io.herokuelk.shipper.parse;

/**
 * Reads the lines {@code heroku logs} prints, as users paste them: {@code TIMESTAMP SOURCE[PROCESS]: TEXT}, such as
 * {@code 2026-12-03T22:10:02.123456+00:00 heroku[web.1]: Error R14 (Memory quota exceeded)}. They carry no PRI, so
 * the header's priority is {@link SyslogHeader#UNKNOWN_PRIORITY} and the document has no syslog priority or level.
 */
final class HerokuCliLineParser {

    /** What the header's HOSTNAME holds for these lines: the nil value, as they name no host. */
    static final String NO_HOST = "-";

    private HerokuCliLineParser() {}

    static SyslogHeader parse(byte[] a, int from, int to) throws SyslogHeaderParser.HeaderException {
        int space = indexOf(a, from, to, (byte) ' ');
        String timestamp = space < 0 ? null : Timestamps.toUtc(a, from, space);
        if (timestamp == null) {
            throw new SyslogHeaderParser.HeaderException("not a heroku logs line: no RFC 3339 timestamp first");
        }
        int open = indexOf(a, space + 1, to, (byte) '[');
        int close = open < 0 ? -1 : indexOf(a, open + 1, to, (byte) ']');
        if (open <= space + 1
                || close <= open + 1
                || close + 1 >= to
                || a[close + 1] != ':'
                || indexOf(a, space + 1, close, (byte) ' ') >= 0) {
            throw new SyslogHeaderParser.HeaderException("not a heroku logs line: no SOURCE[PROCESS]: after the time");
        }
        String source = Tokens.ascii(a, space + 1, open);
        String process = Tokens.ascii(a, open + 1, close);
        int text = close + 2;
        if (text < to && a[text] == ' ') {
            text++;
        }
        return new SyslogHeader(SyslogHeader.UNKNOWN_PRIORITY, timestamp, NO_HOST, source, process, null, text);
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
