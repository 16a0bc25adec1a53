package io.herokuelk.standin;

import java.time.Instant;

/**
 * One log message as Logplex carries it: who said it and what. {@code appName} is {@code app} for what a dyno's
 * processes print and {@code heroku} for the platform (router, runtime metrics, dyno manager, Logplex itself);
 * {@code procId} is the dyno ({@code web.1}), {@code router} or {@code logplex}.
 */
public record LogLine(Instant time, String appName, String procId, String text) {

    public static final String APP = "app";
    public static final String HEROKU = "heroku";

    /** A line a dyno's process printed. */
    public static LogLine app(Instant time, String dyno, String text) {
        return new LogLine(time, APP, dyno, text);
    }

    /** A line of the platform about {@code procId} (a dyno, {@code router}, {@code logplex}). */
    public static LogLine heroku(Instant time, String procId, String text) {
        return new LogLine(time, HEROKU, procId, text);
    }
}
