package io.herokuelk.shipper;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.herokuelk.shipper.alert.AlertService;
import io.herokuelk.shipper.alert.AlerterSettings;
import io.herokuelk.shipper.alert.config.RulesConfig;
import io.herokuelk.shipper.alert.config.RulesFileLoader;
import io.herokuelk.shipper.alert.notify.Destinations;
import io.herokuelk.shipper.alert.notify.NotifierSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.telemetry.MetricsServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code alert}: evaluates the alert rules on the event stream and delivers the decisions, until SIGTERM or Ctrl-C.
 * Start several to share the work.
 */
final class AlertCommand implements ShipperCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AlertCommand.class);

    @Override
    public int run(String[] args) throws Exception {
        Environment env = new Environment(System.getenv());
        KafkaSettings kafka = KafkaSettings.from(env);
        AlerterSettings settings = AlerterSettings.from(env, kafka);
        var destinations = Destinations.fromEnvironment(env);
        NotifierSettings notifierSettings = NotifierSettings.fromEnvironment(env);
        Optional<Integer> metricsPort = env.optional("METRICS_PORT").map(p -> env.integer("METRICS_PORT", 0, 0, 65535));
        env.validate();
        RulesConfig rules = RulesFileLoader.fromEnvironment(System.getenv());

        PrometheusRegistry registry = new PrometheusRegistry();
        AlertService service = new AlertService(kafka, settings, rules, destinations, notifierSettings, registry,
                Clock.systemUTC());
        MetricsServer metrics = metricsPort.isPresent() ? new MetricsServer(metricsPort.get(), registry) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "alert-shutdown"));
        LOG.info("Watching {} with {} rules; decisions go to {}, notifications to {}.", settings.eventsTopic(),
                rules.rules().size(), settings.alertsTopic(), destinations.stream().map(d -> d.name()).toList());
        service.awaitStop();
        if (metrics != null) {
            metrics.close();
        }
        return 0;
    }
}
