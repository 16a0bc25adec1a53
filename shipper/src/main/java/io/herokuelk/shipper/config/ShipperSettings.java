package io.herokuelk.shipper.config;

import io.herokuelk.shipper.parse.AppDatasets;
import io.herokuelk.shipper.parse.ParserSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the shipper reads from its environment, read once at start. A bad value fails the start with every
 * bad variable named.
 *
 * @param drain          how drains reach us ({@link DrainSettings})
 * @param kafka          where events go ({@link KafkaSettings})
 * @param parser         {@code EVENT_ORIGINAL} (default true): keep the raw line in {@code event.original};
 *                       {@code MAX_MESSAGE_BYTES} (default 65536): larger frames are dead-lettered;
 *                       {@code APP_DATASETS}: the datasets app lines may name ({@link AppDatasets})
 * @param publishTimeout {@code DRAIN_PUBLISH_TIMEOUT_MS} (default 4000): how long a drain request may wait for
 *                       Kafka; less than Logplex's 5 s so that the answer arrives before it gives up
 * @param telemetry      where {@code /metrics} and the probes are served ({@link TelemetrySettings})
 */
public record ShipperSettings(
        DrainSettings drain,
        KafkaSettings kafka,
        ParserSettings parser,
        Duration publishTimeout,
        TelemetrySettings telemetry) {

    public static ShipperSettings fromEnvironment(Map<String, String> variables) {
        Environment env = new Environment(variables);
        ShipperSettings settings = new ShipperSettings(
                DrainSettings.from(env),
                KafkaSettings.from(env),
                new ParserSettings(
                        env.integer(
                                "MAX_MESSAGE_BYTES", ParserSettings.DEFAULT_MAX_MESSAGE_BYTES, 1024, 16 * 1024 * 1024),
                        env.flag("EVENT_ORIGINAL", true),
                        appDatasets(env)),
                env.millis("DRAIN_PUBLISH_TIMEOUT_MS", 4_000, 100, 60_000),
                TelemetrySettings.from(env));
        env.validate();
        return settings;
    }

    private static AppDatasets appDatasets(Environment env) {
        List<String> problems = new ArrayList<>();
        AppDatasets datasets =
                AppDatasets.parse(env.string("APP_DATASETS", String.join(",", AppDatasets.DEFAULTS)), problems);
        problems.forEach(problem -> env.problem("APP_DATASETS: " + problem));
        return datasets;
    }
}
