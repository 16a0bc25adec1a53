package io.herokuelk.shipper.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Builds {@code application/logplex-1} bodies of realistic router lines, for tests and load. */
public final class LogplexBodies {

    private LogplexBodies() {}

    /** One octet-counted frame around a message. */
    public static byte[] frame(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 8);
        out.writeBytes((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    /** A body of {@code count} router lines whose request ids start at {@code first}, so every line is distinct. */
    public static byte[] routerLines(int first, int count) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(count * 330);
        for (int i = first; i < first + count; i++) {
            body.writeBytes(frame(String.format(
                    Locale.ROOT,
                    "<158>1 2026-11-26T10:%02d:%02d.%06d+00:00 host heroku router - at=info method=GET"
                            + " path=\"/api/notes/%d\" host=myapp.herokuapp.com request_id=req-%08d"
                            + " fwd=\"203.0.113.7\" dyno=web.%d connect=0ms service=%dms status=200 bytes=1532"
                            + " protocol=https\n",
                    (i / 60) % 60,
                    i % 60,
                    i % 1_000_000,
                    i % 97,
                    i,
                    1 + i % 3,
                    5 + i % 400)));
        }
        return body.toByteArray();
    }

    /** A Logplex-style frame id (32 upper-case hex characters) derived from a number. */
    public static String frameId(long n) {
        return String.format(Locale.ROOT, "%032X", n);
    }
}
