package io.herokuelk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.herokuelk.app.config.AppConfig;
import io.herokuelk.app.config.ConfigException;
import io.herokuelk.app.log.Fields;
import io.herokuelk.app.memory.HostPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the environment, starts the app, and stops it gracefully on SIGTERM (Heroku allows 30 s). */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final int STOP_GRACE_SECONDS = 5;

    private Main() {}

    public static void main(String[] args) throws Exception {
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment();
        } catch (ConfigException e) {
            LOG.atError()
                    .addKeyValue(Fields.EVENT_DATASET, Fields.DATASET_LIFECYCLE)
                    .addKeyValue(Fields.EVENT_ACTION, "config-invalid")
                    .addKeyValue(Fields.CONFIG_PROBLEMS, e.problems())
                    .log(e.getMessage());
            System.exit(2);
            return;
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("io.herokuelk").setLevel(Level.toLevel(config.logLevel(), Level.INFO));
        }
        App app = App.start(config, HostPaths.system());
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
                    app.stop(STOP_GRACE_SECONDS);
                    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                        context.stop();
                    }
                }));
    }
}
