package io.herokuelk.app.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * Keeps log lines in memory, encoded by the production encoder at the moment they are logged (as the console
 * appender does, so the MDC of the logging thread is the one seen), so tests see exactly the lines the app prints.
 * Either a private Logback context, or attached to a logger of the app's real one.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> {

    private final LoggerContext context;
    private final LogstashEncoder encoder;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public LogCapture() {
        this(newContext());
        this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
    }

    private LogCapture(LoggerContext context) {
        this.context = context;
        this.encoder = JsonLogging.encoder(context);
        setContext(context);
        start();
    }

    /** Captures what the app's own logger {@code name} writes, until {@link #detach}. */
    public static LogCapture attach(String name) {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        LogCapture capture = new LogCapture(context);
        context.getLogger(name).addAppender(capture);
        return capture;
    }

    public void detach(String name) {
        context.getLogger(name).detachAppender(this);
        stop();
    }

    private static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter()); // the one org.slf4j.MDC writes to
        return context;
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).stripTrailing());
    }

    public org.slf4j.Logger logger(String name) {
        return context.getLogger(name);
    }

    /** Every captured line, without the trailing newline. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String onlyLine() {
        List<String> all = lines();
        if (all.size() != 1) {
            throw new AssertionError("expected one line, got " + all.size() + ": " + all);
        }
        return all.getFirst();
    }

    public void clear() {
        lines.clear();
    }
}
