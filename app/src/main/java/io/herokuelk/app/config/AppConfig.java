package io.herokuelk.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The whole configuration, read once from environment variables. See app/README.md for the table of variables.
 *
 * @param http HTTP server settings
 * @param memory memory limit, sampling and warning settings
 * @param notes bounds of the in-memory notes store
 * @param demoMemoryEndpoint whether {@code /demo/hold} exists; off by default because it exists to break things
 * @param preload build every component at start instead of on first use ({@code PRELOAD_COMPONENTS}); off by
 *     default: loading everything up front in every worker is the habit behind the 909 MB incident
 * @param logLevel level of the application's own loggers
 */
public record AppConfig(
        Http http,
        Memory memory,
        Notes notes,
        Worker worker,
        boolean demoMemoryEndpoint,
        boolean preload,
        String logLevel) {

    /**
     * Which worker of the dyno this process is, as its launcher says; memory events carry it beside the pid.
     *
     * @param index       {@code WORKER_INDEX}, 1-based, when set (a launcher that starts several JVMs sets it)
     * @param concurrency {@code WEB_CONCURRENCY}, when set (Heroku's usual name for the workers per dyno)
     */
    public record Worker(OptionalInt index, OptionalInt concurrency) {}

    /**
     * @param port listening port ({@code PORT})
     * @param maxConcurrent requests handled at once; the rest wait up to {@code queueWait} and then get 503
     * @param queueWait how long a request waits for a free slot
     * @param maxConnections open connections the server accepts
     */
    public record Http(int port, int maxConcurrent, Duration queueWait, int maxConnections) {}

    /**
     * @param limitMbOverride {@code MEMORY_LIMIT_MB}, first in the limit detection order when set
     * @param sampleInterval how often a memory event is logged
     * @param checkInterval how often memory is read for the warning thresholds
     * @param warnFractions fractions of the limit that raise a warning when crossed, ascending
     * @param warnHysteresis how far (as a fraction of the limit) memory must fall below a threshold to re-arm it
     * @param warnRepeat how often a warning repeats while memory stays above a threshold; zero for never
     */
    public record Memory(
            OptionalDouble limitMbOverride,
            Duration sampleInterval,
            Duration checkInterval,
            List<Double> warnFractions,
            double warnHysteresis,
            Duration warnRepeat) {}

    /**
     * @param maxCount notes kept at most; a create beyond it is refused
     * @param maxTextBytes largest accepted request body
     */
    public record Notes(int maxCount, int maxTextBytes) {}

    public static AppConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads every variable, then fails with all problems at once if any. */
    public static AppConfig from(Map<String, String> vars) {
        Env env = new Env(vars);
        Http http = new Http(
                env.intValue("PORT", 5000, 1, 65_535),
                env.intValue("HTTP_MAX_CONCURRENT", 16, 1, 1_024),
                Duration.ofMillis(env.intValue("HTTP_QUEUE_WAIT_MS", 2_000, 0, 60_000)),
                env.intValue("HTTP_MAX_CONNECTIONS", 256, 1, 100_000));
        Memory memory = new Memory(
                env.optionalDouble("MEMORY_LIMIT_MB", 1, 1_048_576),
                Duration.ofSeconds(env.intValue("MEMORY_SAMPLE_SECONDS", 20, 1, 86_400)),
                Duration.ofSeconds(env.intValue("MEMORY_CHECK_SECONDS", 5, 1, 86_400)),
                env.fractions("MEMORY_WARN_FRACTIONS", List.of(0.8, 0.95), 0.01, 2.0),
                env.doubleValue("MEMORY_WARN_HYSTERESIS", 0.05, 0.0, 0.5),
                Duration.ofSeconds(env.intValue("MEMORY_WARN_REPEAT_SECONDS", 300, 0, 86_400)));
        Notes notes = new Notes(
                env.intValue("NOTES_MAX_COUNT", 1_000, 1, 1_000_000),
                env.intValue("NOTES_MAX_TEXT_BYTES", 16_384, 16, 1_048_576));
        Worker worker =
                new Worker(env.optionalInt("WORKER_INDEX", 1, 1_024), env.optionalInt("WEB_CONCURRENCY", 1, 1_024));
        boolean demo = env.booleanValue("DEMO_MEMORY_ENDPOINT", false);
        boolean preload = env.booleanValue("PRELOAD_COMPONENTS", false);
        String logLevel = env.choice("LOG_LEVEL", "INFO", List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"));
        if (!env.problems().isEmpty()) {
            throw new ConfigException(env.problems());
        }
        return new AppConfig(http, memory, notes, worker, demo, preload, logLevel);
    }
}
