package io.herokuelk.shipper;

import io.herokuelk.shipper.config.ShipperSettings;
import io.herokuelk.shipper.ingest.IngestService;
import io.herokuelk.shipper.telemetry.JvmInstrumentation;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code ingest}: the drain receivers, until SIGTERM (Heroku's dyno stop) or Ctrl-C. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        versionProvider = ShipperVersion.class,
        description = {
            "Receives Heroku drains (HTTPS and syslog) into Kafka, as ECS documents.",
            "HTTPS: POST /logs or /logs/<app> on $PORT; syslog over TCP and TLS when their ports are set. Answers",
            "204 once Kafka holds a batch, 429/503 with Retry-After when it cannot. Runs until SIGTERM."
        })
final class IngestCommand implements ShipperCommand {

    private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

    @Override
    public ShipperSettings configuration(Map<String, String> environment) {
        return ShipperSettings.fromEnvironment(environment);
    }

    @Override
    public Integer call() throws Exception {
        ShipperSettings settings = configuration(System.getenv());
        if (!settings.drain().authRequired()) {
            LOG.warn("DRAIN_AUTH=none: drains are accepted without credentials. Anyone who finds this URL can"
                    + " write into your logs.");
        }
        IngestService ingest = new IngestService(settings, JvmInstrumentation.newRegistry());
        LOG.info(
                "Receiving Heroku drains on port {} (POST /logs; /healthz, /readyz); syslog TCP {}, TLS {};"
                        + " publishing to Kafka at {}; metrics {}.",
                ingest.port(),
                describe(ingest.syslogTcpPort()),
                describe(ingest.syslogTlsPort()),
                settings.kafka().summary(),
                ingest.metricsWhere());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("Stopping: no new drain requests; flushing what Kafka has not acknowledged yet.");
                            ingest.close();
                            stopped.countDown();
                        },
                        "ingest-shutdown"));
        stopped.await();
        return 0;
    }

    private static String describe(OptionalInt port) {
        return port.isPresent() ? "port " + port.getAsInt() : "off";
    }
}
