package io.herokuelk.app.log;

import ch.qos.logback.classic.LoggerContext;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

/**
 * The one JSON encoder every log line goes through: one object per line, ECS field names, stack traces capped so a
 * line stays well under Heroku's 10,000-byte split.
 *
 * <p>Fixed fields: {@code @timestamp} (UTC), {@code message}, {@code log.level}, {@code log.logger},
 * {@code process.thread.name}, {@code error.stack_trace}; then MDC entries and SLF4J key-value pairs by name.
 */
public final class JsonLogging {

    /** Stack traces are cut to this many characters; the rest of a line (fields, message) is small and bounded. */
    public static final int MAX_STACK_TRACE_CHARS = 6_000;

    private JsonLogging() {}

    public static LogstashEncoder encoder(LoggerContext context) {
        LogstashFieldNames names = new LogstashFieldNames();
        names.setTimestamp("@timestamp");
        names.setVersion("[ignore]");
        names.setMessage("message");
        names.setLevel("log.level");
        names.setLevelValue("[ignore]");
        names.setLogger("log.logger");
        names.setThread("process.thread.name");
        names.setStackTrace("error.stack_trace");

        ShortenedThrowableConverter throwables = new ShortenedThrowableConverter();
        throwables.setMaxLength(MAX_STACK_TRACE_CHARS);
        throwables.setMaxDepthPerThrowable(40);
        throwables.setShortenedClassNameLength(40);
        throwables.setRootCauseFirst(true);
        throwables.setContext(context);

        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setFieldNames(names);
        encoder.setTimeZone("UTC");
        encoder.setThrowableConverter(throwables);
        encoder.start();
        return encoder;
    }
}
