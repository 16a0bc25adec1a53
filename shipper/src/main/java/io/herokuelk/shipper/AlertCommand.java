package io.herokuelk.shipper;

import io.herokuelk.shipper.alert.AlertService;
import io.herokuelk.shipper.alert.AlerterSettings;
import io.herokuelk.shipper.alert.config.RulesConfig;
import io.herokuelk.shipper.alert.config.RulesFileLoader;
import io.herokuelk.shipper.alert.notify.Destination;
import io.herokuelk.shipper.alert.notify.Destinations;
import io.herokuelk.shipper.alert.notify.NotifierSettings;
import io.herokuelk.shipper.alert.rules.RuleTypes;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.telemetry.KafkaProbe;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code alert}: evaluates the alert rules on the event stream and delivers the decisions, until SIGTERM or Ctrl-C.
 * Start several to share the work.
 */
@Command(
        name = "alert",
        mixinStandardHelpOptions = true,
        versionProvider = ShipperVersion.class,
        description = {
            "Evaluates the alert rules on the stream and sends the notifications.",
            "R14, R15, memory pressure and trend, router errors, drain loss, silence; to Slack, a webhook,",
            "PagerDuty and the log. Runs until SIGTERM."
        })
final class AlertCommand implements ShipperCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AlertCommand.class);

    @Override
    public Roles.Plan configuration(Map<String, String> environment) {
        return Roles.plan(environment, AlertCommand::role);
    }

    @Override
    public Integer call() throws Exception {
        return Roles.run(configuration(System.getenv()));
    }

    /**
     * The alerter, its settings read into {@code env} (which collects their problems); the rules file is read when
     * it starts, after the variables have been checked.
     */
    static Role role(Environment env, KafkaSettings kafka) {
        AlerterSettings settings = AlerterSettings.from(env, kafka);
        List<Destination> destinations = Destinations.fromEnvironment(env);
        NotifierSettings notifierSettings = NotifierSettings.fromEnvironment(env);
        Optional<String> rulesFile = env.optional(RulesFileLoader.ENVIRONMENT_VARIABLE);
        return (registry, readiness) -> {
            readiness.add(new KafkaProbe(kafka, "heroku-elk-alerter-readiness"));
            RulesConfig rules = RuleTypes.rulesFile().load(rulesFile);
            AlertService service = new AlertService(
                    kafka, settings, rules, destinations, notifierSettings, registry, Clock.systemUTC());
            LOG.info(
                    "Watching {} with {} rules; decisions go to {}, notifications to {}.",
                    settings.eventsTopic(),
                    rules.rules().size(),
                    settings.alertsTopic(),
                    destinations.stream().map(d -> d.name()).toList());
            return new Role.Running("alerter", service::awaitStop, service::close);
        };
    }
}
