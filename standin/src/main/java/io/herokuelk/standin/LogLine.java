package io.herokuelk.standin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One log message as Logplex carries it: who said it and what. {@code appName} is {@code app} for what a dyno's
 * processes print and {@code heroku} for the platform (router, runtime metrics, dyno manager, Logplex itself);
 * {@code procId} is the dyno ({@code web.1}), {@code router} or {@code logplex}.
 *
 * <p>The message is kept as bytes because Heroku splits long app lines every 10,000 bytes, which can fall inside a
 * UTF-8 character: the pieces must reach the drain byte for byte. Use {@link #bytes()} for framing.
 */
public record LogLine(Instant time, String appName, String procId, byte[] bytes) {

    public static final String APP = "app";
    public static final String HEROKU = "heroku";

    /** A line a dyno's process printed. */
    public static LogLine app(Instant time, String dyno, String text) {
        return app(time, dyno, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A piece of a line a dyno's process printed, exactly as captured. */
    public static LogLine app(Instant time, String dyno, byte[] bytes) {
        return new LogLine(time, APP, dyno, bytes);
    }

    /** A line of the platform about {@code procId} (a dyno, {@code router}, {@code logplex}). */
    public static LogLine heroku(Instant time, String procId, String text) {
        return new LogLine(time, HEROKU, procId, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The message as text (a piece split inside a character shows a replacement character there). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
