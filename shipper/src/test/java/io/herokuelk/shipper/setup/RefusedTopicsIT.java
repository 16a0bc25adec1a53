package io.herokuelk.shipper.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.devstack.testing.ElasticsearchEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code setup} as {@code app.json}'s postdeploy runs it on Heroku Kafka's Basic plans, against a real broker that
 * refuses clients' topic creation: it must not fail the app's creation, and must say exactly what to run instead.
 */
@ExtendWith(RealServices.class)
class RefusedTopicsIT {

    @Test
    void aBrokerThatRefusesTopicsGetsTheCommandsToRunAndSetupExitsZero(
            @TempDir Path data, ElasticsearchEndpoint elasticsearch) throws Exception {
        try (EmbeddedKafka broker = new EmbeddedKafka(
                data, Map.of("create.topic.policy.class.name", RefuseTopicCreation.class.getName()))) {
            broker.start();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SetupCommand setup = new SetupCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            int exit = setup.run(setup.configuration(Map.of(
                    "ELASTICSEARCH_URL", elasticsearch.url(),
                    "KAFKA_BOOTSTRAP_SERVERS", broker.address(),
                    "KAFKA_PREFIX", "shady-1234.",
                    "KAFKA_PARTITIONS", "8",
                    "KAFKA_RETENTION_HOURS", "48")));
            String output = bytes.toString(StandardCharsets.UTF_8);

            assertThat(exit).as(output).isZero();
            assertThat(output)
                    .contains("kafka         manual    topic shady-1234.heroku-logs: this broker does not"
                            + " let clients create topics (PolicyViolationException); create it as shown below");
            assertThat(output)
                    .contains(
                            "heroku kafka:topics:create heroku-logs --partitions 8 --retention-time 48h",
                            "heroku kafka:topics:create heroku-logs-dead-letters --partitions 8 --retention-time 48h",
                            "heroku kafka:topics:create heroku-alerts --partitions 8 --retention-time 48h",
                            "heroku kafka:consumer-groups:create heroku-elk-indexer",
                            "heroku kafka:consumer-groups:create heroku-elk-alerter",
                            "heroku kafka:consumer-groups:create heroku-elk-notifier");
            assertThat(output).doesNotContain("failed").contains("elasticsearch");
        }
    }
}
