package io.herokuelk.shipper.parse;

import java.nio.charset.StandardCharsets;

/**
 * Reads {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] TEXT} from message bytes.
 *
 * <p>Only the shape is assumed: PRI and version, a timestamp, three tokens, then MSGID (Heroku's HTTPS drains write a
 * single {@code -} where RFC 5424 wants MSGID and STRUCTURED-DATA). Structured data is skipped only where a sender
 * follows RFC 5424 to the letter, which for Heroku means syslog drains, recognised by a drain token in HOSTNAME;
 * elsewhere a text that begins with {@code - } or {@code [} is the app's own. Which token means what is decided by
 * {@link Origin}, not here.
 */
final class SyslogHeaderParser {

    private SyslogHeaderParser() {}

    /** Why a header could not be read; cheap to throw (no stack trace), as bad lines can come in floods. */
    static final class HeaderException extends Exception {
        HeaderException(String reason) {
            super(reason, null, false, false);
        }
    }

    static SyslogHeader parse(byte[] a, int from, int to) throws HeaderException {
        int i = from;
        if (i >= to || a[i] != '<') {
            throw new HeaderException("message does not start with <PRI>");
        }
        i++;
        int priority = 0;
        int digitsStart = i;
        while (i < to && a[i] >= '0' && a[i] <= '9' && i - digitsStart < 3) {
            priority = priority * 10 + (a[i] - '0');
            i++;
        }
        if (i == digitsStart || i >= to || a[i] != '>') {
            throw new HeaderException("priority is not a number of at most 3 digits followed by '>'");
        }
        if (priority > 191) {
            throw new HeaderException("priority " + priority + " is above 191");
        }
        i++;
        if (i + 1 >= to || a[i] != '1' || a[i + 1] != ' ') {
            throw new HeaderException("syslog version is not 1 (not an RFC 5424 message)");
        }
        i += 2;
        int tsEnd = tokenEnd(a, i, to);
        String timestamp = null;
        if (!(tsEnd - i == 1 && a[i] == '-')) {
            timestamp = Timestamps.toUtc(a, i, tsEnd);
            if (timestamp == null) {
                throw new HeaderException("timestamp is not RFC 3339: " + ascii(a, i, Math.min(tsEnd, i + 40)));
            }
        }
        i = tsEnd + 1;
        String hostname = token(a, i, to, "HOSTNAME");
        i += hostname.length() + 1;
        String appName = token(a, i, to, "APP-NAME");
        i += appName.length() + 1;
        String procId = token(a, i, to, "PROCID");
        i += procId.length() + 1;
        String msgId = null;
        if (i < to) {
            int msgIdEnd = tokenEnd(a, i, to);
            if (!(msgIdEnd - i == 1 && a[i] == '-')) {
                msgId = ascii(a, i, msgIdEnd);
            }
            i = Math.min(msgIdEnd + 1, to);
            if (Origin.isDrainToken(hostname) && i < to) {
                i = skipStructuredData(a, i, to);
            }
        }
        return new SyslogHeader(priority, timestamp, hostname, appName, procId, msgId, Math.min(i, to));
    }

    /** Skips {@code -} or {@code [id k="v" ...]...} and the space after it; returns where the text starts. */
    private static int skipStructuredData(byte[] a, int i, int to) {
        if (a[i] == '-' && (i + 1 == to || a[i + 1] == ' ')) {
            return Math.min(i + 2, to);
        }
        if (a[i] != '[') {
            return i;
        }
        int j = i;
        while (j < to && a[j] == '[') {
            boolean quoted = false;
            j++;
            while (j < to && (quoted || a[j] != ']')) {
                if (a[j] == '\\' && j + 1 < to) {
                    j++;
                } else if (a[j] == '"') {
                    quoted = !quoted;
                }
                j++;
            }
            if (j == to) {
                return i; // not structured data after all: keep it as text
            }
            j++;
        }
        return j < to && a[j] == ' ' ? j + 1 : j;
    }

    private static String token(byte[] a, int from, int to, String name) throws HeaderException {
        if (from >= to) {
            throw new HeaderException("header ends before " + name);
        }
        int e = tokenEnd(a, from, to);
        if (e == from) {
            throw new HeaderException(name + " is empty");
        }
        return Tokens.ascii(a, from, e);
    }

    private static int tokenEnd(byte[] a, int from, int to) {
        int i = from;
        while (i < to && a[i] != ' ') {
            i++;
        }
        return i;
    }

    private static String ascii(byte[] a, int from, int to) {
        return new String(a, from, to - from, StandardCharsets.UTF_8);
    }
}
