package io.herokuelk.standin.logplex;

import io.herokuelk.standin.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The MSG of a frame as Logplex writes it for HTTPS drains: RFC 5424 without structured data,
 * {@code <PRI>1 TIMESTAMP host APP-NAME PROCID - TEXT\n}.
 */
final class SyslogFormat {

    /** local7.info: what Heroku stamps on everything a dyno prints. */
    static final int PRI_APP = 190;
    /** local3.info: router lines. */
    static final int PRI_ROUTER = 158;
    /**
     * syslog(5).notice: the dyno manager's lines ({@code heroku[web.1]}, runtime metrics, R14...), as drains show
     * them; the exact severity Heroku uses varies, and the shipper reads levels from the text, not from PRI.
     */
    static final int PRI_PLATFORM = 45;
    /** local5.warning: Logplex's own L10 message (logplex_syslog_utils:overflow_msg). */
    static final int PRI_LOGPLEX = 172;

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    private SyslogFormat() {}

    /** The line's bytes go out as they are: a piece of a split line may end inside a UTF-8 character. */
    static byte[] message(LogLine line) {
        byte[] header = ("<" + pri(line) + ">1 " + MICROS.format(line.time()) + " host " + token(line.appName()) + " "
                        + token(line.procId()) + " - ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] text = line.bytes() == null ? new byte[0] : line.bytes();
        int length = text.length;
        if (length > 0 && text[length - 1] == '\n') {
            length--; // the frame's own newline ends the message
        }
        byte[] message = Arrays.copyOf(header, header.length + length + 1);
        System.arraycopy(text, 0, message, header.length, length);
        message[message.length - 1] = '\n';
        return message;
    }

    /**
     * Logplex's loss report. Written as Logplex does: second-precision times, and no trailing newline (the next
     * frame's length follows the final dot directly), which receivers must tolerate.
     */
    static byte[] overflow(Loss loss, Instant now) {
        return ("<" + PRI_LOGPLEX + ">1 " + SECONDS.format(now) + " host heroku logplex - Error L10 (output buffer "
                        + "overflow): " + loss.count() + " messages dropped since " + SECONDS.format(loss.since())
                        + ".")
                .getBytes(StandardCharsets.UTF_8);
    }

    static int pri(LogLine line) {
        if (LogLine.APP.equals(line.appName())) {
            return PRI_APP;
        }
        if ("router".equals(line.procId())) {
            return PRI_ROUTER;
        }
        return "logplex".equals(line.procId()) ? PRI_LOGPLEX : PRI_PLATFORM;
    }

    /** RFC 5424's NILVALUE for a missing header field, so that the header keeps its shape. */
    private static String token(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
