package io.herokuelk.shipper.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.shipper.alert.notify.Destinations;
import io.herokuelk.shipper.alert.notify.NotifierSettings;
import io.herokuelk.shipper.alert.rules.RuleTypes;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.testing.LogplexBodies;
import io.herokuelk.shipper.testing.RunningIngest;
import io.herokuelk.shipper.testing.Topics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * R14 lines posted to the real drain reach a real webhook as exactly one alert, then one resolve once the dyno is
 * back under its quota, with two alerters sharing the stream through the real broker.
 */
@ExtendWith(RealServices.class)
class AlertingIT {

    @Test
    void anR14EpisodeGivesOneAlertAndOneResolveWithTwoAlertersRunning(KafkaEndpoint kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KAFKA_EVENTS_TOPIC", "events-" + run,
                "KAFKA_DEAD_LETTER_TOPIC", "dead-" + run,
                "KAFKA_ALERTS_TOPIC", "alerts-" + run,
                "ALERTER_GROUP_ID", "alerter-" + run,
                "NOTIFIER_GROUP_ID", "notifier-" + run));
        Topics.create(kafka.bootstrapServers(), 3, "events-" + run, "alerts-" + run, "dead-" + run);
        try (WebhookReceiver webhook = new WebhookReceiver();
                RunningIngest drain =
                        RunningIngest.start(kafka.bootstrapServers(), "events-" + run, "dead-" + run, Map.of());
                AlertService first = alerter(env, webhook);
                AlertService second = alerter(env, webhook)) {
            Thread.sleep(5_000); // both join the groups and share the partitions

            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long posted = System.nanoTime();
            assertThat(drain.post("/logs/myapp", r14Episode(now), LogplexBodies.frameId(1), true)
                            .statusCode())
                    .isEqualTo(204);
            awaitReceived(webhook, 1, Duration.ofSeconds(60));
            WebhookReceiver.Received firing = webhook.received().getFirst();
            System.out.printf("[alerting] drain POST to webhook: %d ms%n", (firing.nanos() - posted) / 1_000_000);

            assertThat(firing.body().at("/heroku_elk/alert/state").asString()).isEqualTo("firing");
            assertThat(firing.body().at("/rule/name").asString()).isEqualTo("r14");
            assertThat(firing.body().at("/heroku/app").asString()).isEqualTo("myapp");
            assertThat(firing.body().at("/heroku/dyno").asString()).isEqualTo("web.1");
            assertThat(firing.body().at("/heroku_elk/alert/figures/memory_mb").asDouble())
                    .isEqualTo(909.0);
            assertThat(firing.body().at("/heroku_elk/alert/remediation").asString())
                    .isNotBlank();

            // The dyno is back under its quota (after a restart with the fix): Heroku's next sample says so.
            assertThat(drain.post("/logs/myapp", recovered(Instant.now()), LogplexBodies.frameId(2), true)
                            .statusCode())
                    .isEqualTo(204);
            awaitReceived(webhook, 2, Duration.ofSeconds(60));
            Thread.sleep(5_000); // anything sent twice would arrive by now

            List<WebhookReceiver.Received> all = webhook.received();
            assertThat(all).hasSize(2);
            assertThat(all.get(1).body().at("/heroku_elk/alert/state").asString())
                    .isEqualTo("resolved");
            assertThat(all.get(1).body().at("/heroku_elk/alert/episode_id").asString())
                    .isEqualTo(firing.body().at("/heroku_elk/alert/episode_id").asString());
        }
    }

    private static AlertService alerter(Map<String, String> variables, WebhookReceiver webhook) {
        Map<String, String> withHook = new HashMap<>(variables);
        withHook.put("ALERT_WEBHOOK_URL", webhook.url());
        Environment env = new Environment(withHook);
        KafkaSettings kafka = KafkaSettings.from(env);
        AlerterSettings settings = AlerterSettings.from(env, kafka);
        var destinations = Destinations.fromEnvironment(env);
        env.validate();
        return new AlertService(
                kafka,
                settings,
                RuleTypes.rulesFile().load(Path.of("src/test/resources/alert/end-to-end-rules.yml")),
                destinations,
                NotifierSettings.DEFAULTS,
                new PrometheusRegistry(),
                Clock.systemUTC());
    }

    /** What Heroku sends when web.1 runs at 177% of its quota: a memory sample, Process running, then R14. */
    private static byte[] r14Episode(Instant at) {
        return concat(
                LogplexBodies.frame("<45>1 " + at + " host heroku web.1 - source=web.1 dyno=heroku.1.abc"
                        + " sample#memory_total=909.12MB sample#memory_rss=880.02MB sample#memory_cache=29.10MB"
                        + " sample#memory_swap=0.00MB sample#memory_pgpgin=301234pages"
                        + " sample#memory_pgpgout=99321pages sample#memory_quota=512.00MB\n"),
                LogplexBodies.frame(
                        "<45>1 " + at.plusMillis(1) + " host heroku web.1 - Process running" + " mem=909M(177.6%)\n"),
                LogplexBodies.frame(
                        "<45>1 " + at.plusMillis(2) + " host heroku web.1 - Error R14 (Memory quota" + " exceeded)\n"));
    }

    private static byte[] recovered(Instant at) {
        return LogplexBodies.frame("<45>1 " + at + " host heroku web.1 - source=web.1 dyno=heroku.1.def"
                + " sample#memory_total=201.50MB sample#memory_rss=190.25MB sample#memory_cache=11.25MB"
                + " sample#memory_swap=0.00MB sample#memory_pgpgin=1200pages sample#memory_pgpgout=800pages"
                + " sample#memory_quota=512.00MB\n");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void awaitReceived(WebhookReceiver webhook, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (webhook.received().size() < count) {
            assertThat(System.nanoTime())
                    .as("webhook calls: %s", webhook.received())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
