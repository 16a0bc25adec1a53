package io.herokuelk.shipper;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.herokuelk.shipper.config.ShipperSettings;
import io.herokuelk.shipper.ingest.IngestService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** {@code ingest}: the drain receivers, until SIGTERM (Heroku's dyno stop) or Ctrl-C. */
final class IngestCommand implements ShipperCommand {

    private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

    @Override
    public ShipperSettings configuration(Map<String, String> environment, String[] args) {
        return ShipperSettings.fromEnvironment(environment);
    }

    @Override
    public int run(String[] args) throws Exception {
        ShipperSettings settings = configuration(System.getenv(), args);
        if (!settings.drain().authRequired()) {
            LOG.warn("DRAIN_AUTH=none: drains are accepted without credentials. Anyone who finds this URL can"
                    + " write into your logs.");
        }
        IngestService ingest = new IngestService(settings, new PrometheusRegistry());
        LOG.info("Receiving Heroku drains on port {} (POST /logs), metrics on /metrics; syslog TCP {}, TLS {};"
                + " publishing to {}.", ingest.port(), describe(ingest.syslogTcpPort()),
                describe(ingest.syslogTlsPort()), settings.kafka());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: no new drain requests; flushing what Kafka has not acknowledged yet.");
            ingest.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        stopped.await();
        return 0;
    }

    private static String describe(OptionalInt port) {
        return port.isPresent() ? "port " + port.getAsInt() : "off";
    }
}
