package io.herokuelk.shipper.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.devstack.runner.KafkaCluster;
import io.herokuelk.devstack.runner.KafkaProcess;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.shipper.testing.RunningIngest;
import io.herokuelk.shipper.testing.TopicReader;
import io.herokuelk.shipper.testing.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The drain on a replicated cluster (3 brokers, replication factor 3, {@code min.insync.replicas=2}), as separate
 * processes on loopback: the leader of the events topic's partition is killed with SIGKILL while a Logplex-like
 * sender posts batches (retrying 429/503 and connection errors with the same Frame-Id), then restarted. Every line
 * the drain acknowledged with 204 is on the topic afterwards; a line written twice (a retried batch) carries the
 * same event id both times, which the indexer stores once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerLossIT {

    private static final int BATCHES = 150;
    private static final int LINES = 40;
    private static final Pattern MARKER = Pattern.compile("marker-(\\d+-\\d+)");

    private KafkaCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new KafkaCluster(RealServices.runDirectory().resolve("kafka-3-brokers"), 3, 0, "256m");
        cluster.start();
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void killingThePartitionLeaderMidStreamLosesNoAcknowledgedLine() throws Exception {
        String events = "broker-loss-events";
        Topics.create(cluster.address(), 3, events, events + "-dead");
        Map<String, Integer> statuses = new TreeMap<>();
        Set<String> acknowledged = new HashSet<>();
        int killedNode;
        try (RunningIngest ingest = RunningIngest.start(
                cluster.address(), events, events + "-dead", Map.of("DRAIN_PUBLISH_TIMEOUT_MS", "4000"))) {
            LogplexSender sender = new LogplexSender(ingest, statuses);
            for (int batch = 0; batch < 40; batch++) {
                acknowledged.addAll(sender.post(batch, LINES));
            }
            killedNode = leaderOfFirstPartition(events);
            KafkaProcess leader = cluster.broker(killedNode);
            leader.kill();
            for (int batch = 40; batch < 100; batch++) {
                acknowledged.addAll(sender.post(batch, LINES));
            }
            leader.start();
            for (int batch = 100; batch < BATCHES; batch++) {
                acknowledged.addAll(sender.post(batch, LINES));
            }
        }
        System.out.println("[broker-loss] killed broker " + killedNode + "; answers: " + statuses + "; acknowledged "
                + acknowledged.size() + " of " + BATCHES * LINES + " lines");

        List<ConsumerRecord<byte[], byte[]>> records =
                TopicReader.read(cluster.address(), events, acknowledged.size(), Duration.ofSeconds(60));
        Map<String, Set<String>> idsByMarker = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String document = new String(record.value(), StandardCharsets.UTF_8);
            Matcher marker = MARKER.matcher(document);
            String id = new String(record.headers().lastHeader("event.id").value(), StandardCharsets.UTF_8);
            if (marker.find()) {
                idsByMarker
                        .computeIfAbsent(marker.group(1), m -> new HashSet<>())
                        .add(id);
            }
        }
        assertThat(statuses.keySet())
                .as("answers Logplex acts on: delivered, or retry later")
                .isSubsetOf("204", "429", "503", "connection error");
        assertThat(acknowledged).as("lines acknowledged").hasSizeGreaterThan(BATCHES * LINES * 9 / 10);
        assertThat(acknowledged)
                .as("acknowledged lines missing from the topic")
                .allSatisfy(marker -> assertThat(idsByMarker).containsKey(marker));
        assertThat(idsByMarker.values())
                .as("a line written twice keeps its event id (stored once)")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
    }

    private int leaderOfFirstPartition(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.address()))) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .getFirst()
                    .leader()
                    .id();
        }
    }

    /**
     * Posts batches as Logplex does: a unique Frame-Id per batch, the same body and Frame-Id again after 429, 503 or
     * a connection error (after {@code Retry-After}, 10 tries at most); returns the markers of a batch answered 204.
     */
    static final class LogplexSender {
        private final RunningIngest ingest;
        private final Map<String, Integer> statuses;

        LogplexSender(RunningIngest ingest, Map<String, Integer> statuses) {
            this.ingest = ingest;
            this.statuses = statuses;
        }

        List<String> post(int batch, int lines) throws InterruptedException {
            StringBuilder body = new StringBuilder();
            List<String> markers = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                String marker = batch + "-" + i;
                markers.add(marker);
                String message = "<190>1 2026-11-26T10:00:00.000000+00:00 host app web.1 - marker-" + marker + "\n";
                body.append(message.getBytes(StandardCharsets.UTF_8).length)
                        .append(' ')
                        .append(message);
            }
            String frameId = String.format("%032X", batch + 1L);
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            for (int attempt = 0; attempt < 10; attempt++) {
                try {
                    HttpResponse<String> response = ingest.post("/logs/broker-loss", bytes, frameId, true);
                    statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
                    if (response.statusCode() == 204) {
                        return markers;
                    }
                    if (response.statusCode() != 429 && response.statusCode() != 503) {
                        return List.of();
                    }
                    Thread.sleep(1000L
                            * Integer.parseInt(
                                    response.headers().firstValue("Retry-After").orElse("1")));
                } catch (java.io.IOException e) {
                    statuses.merge("connection error", 1, Integer::sum);
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    statuses.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    Thread.sleep(1000);
                }
            }
            return List.of();
        }
    }
}
