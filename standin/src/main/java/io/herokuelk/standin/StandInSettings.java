package io.herokuelk.standin;

import io.herokuelk.devstack.stack.VariableReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stand-in's settings, read once from the environment; every bad variable is named in one error. Whatever else
 * is in the environment becomes the app's config vars, as on Heroku, where a dyno sees the app's config and not the
 * platform's.
 *
 * @param drainUrl        {@code DRAIN_URL} (required): the shipper's drain, {@code https://user:pass@host/logs/<app>}
 * @param drainToken      {@code DRAIN_TOKEN}: the {@code Logplex-Drain-Token}; a new {@code d.<uuid>} when unset
 * @param routerPort      {@code ROUTER_PORT}, default 8080: where the router takes the app's traffic
 * @param dynos           {@code WEB_DYNOS}, default 1: web dynos
 * @param processes       {@code WEB_CONCURRENCY}, default 1: processes per dyno (the app sees it too)
 * @param quotaMb         {@code DYNO_QUOTA_MB}, default 512: each dyno's memory quota (eco/basic/standard-1x)
 * @param metricsInterval {@code RUNTIME_METRICS_INTERVAL_SECONDS}, default 20: runtime-metrics lines this often
 * @param routerTimeout   {@code ROUTER_TIMEOUT_SECONDS}, default 30: H12 after this long without an answer
 * @param procfile        {@code PROCFILE}, default {@code app/Procfile}: whose {@code web:} line the dynos run
 * @param appRoot         {@code APP_ROOT}, default the working directory: where the dynos run
 * @param loadRate        {@code LOAD_RPS}, default 20: requests per second of the {@code load} command
 * @param loadDuration    {@code LOAD_SECONDS}, default 60: how long the {@code load} command runs
 * @param configVars      the rest of the environment, for the app
 */
public record StandInSettings(
        URI drainUrl,
        String drainToken,
        int routerPort,
        int dynos,
        int processes,
        double quotaMb,
        Duration metricsInterval,
        Duration routerTimeout,
        Path procfile,
        Path appRoot,
        double loadRate,
        Duration loadDuration,
        Map<String, String> configVars) {

    /** The stand-in's own variables: they configure the platform, and do not reach the app. */
    static final Set<String> OWN = Set.of(
            "DRAIN_URL",
            "DRAIN_TOKEN",
            "ROUTER_PORT",
            "WEB_DYNOS",
            "DYNO_QUOTA_MB",
            "RUNTIME_METRICS_INTERVAL_SECONDS",
            "ROUTER_TIMEOUT_SECONDS",
            "PROCFILE",
            "APP_ROOT",
            "LOAD_RPS",
            "LOAD_SECONDS");

    public static StandInSettings fromEnvironment(Map<String, String> environment) {
        VariableReader read = VariableReader.of(environment);
        URI drainUrl = read.uri("DRAIN_URL", "the drain to send to, such as https://user:pass@host/logs/myapp");
        String token = read.text("DRAIN_TOKEN", "");
        Path appRoot = Path.of(read.text("APP_ROOT", ".")).toAbsolutePath().normalize();
        StandInSettings settings = new StandInSettings(
                drainUrl,
                token,
                read.integer("ROUTER_PORT", 8080, 0, 65_535),
                read.integer("WEB_DYNOS", 1, 1, 100),
                read.integer("WEB_CONCURRENCY", 1, 1, 64),
                read.integer("DYNO_QUOTA_MB", 512, 64, 1_048_576),
                Duration.ofSeconds(read.integer("RUNTIME_METRICS_INTERVAL_SECONDS", 20, 1, 3_600)),
                Duration.ofSeconds(read.integer("ROUTER_TIMEOUT_SECONDS", 30, 1, 3_600)),
                appRoot.resolve(read.text("PROCFILE", "app/Procfile")),
                appRoot,
                read.integer("LOAD_RPS", 20, 1, 100_000),
                Duration.ofSeconds(read.integer("LOAD_SECONDS", 60, 1, 86_400)),
                configVars(environment));
        read.check();
        return settings;
    }

    private static Map<String, String> configVars(Map<String, String> environment) {
        Map<String, String> vars = new HashMap<>(environment);
        vars.keySet().removeAll(OWN);
        return vars;
    }
}
