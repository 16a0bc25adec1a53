package io.herokuelk.shipper.alert;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.AlertJson;
import io.herokuelk.shipper.alert.notify.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alerts topic (a consumer group of its own, so delivery scales and stalls apart from evaluation) and
 * hands each decision to the {@link Notifier}, once: an {@link AlertGate} drops duplicate episodes and orphan
 * resolves, and decisions older than {@link AlerterSettings#maxAge()} are skipped with a log line. A member taking
 * over a partition replays its recent decisions into the gate without delivering them, so it knows what is open.
 */
public final class NotificationLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationLoop.class);
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(10);

    private final Consumer<byte[], byte[]> consumer;
    private final Notifier notifier;
    private final AlerterSettings settings;
    private final Clock clock;
    private final Map<TopicPartition, Long> replayUntil = new HashMap<>();
    private AlertGate gate = new AlertGate();
    private volatile boolean running = true;

    public NotificationLoop(
            Consumer<byte[], byte[]> consumer, Notifier notifier, AlerterSettings settings, Clock clock) {
        this.consumer = consumer;
        this.notifier = notifier;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(settings.alertsTopic()), new Rebalance());
        try {
            while (running) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        handle(record);
                    }
                    // Commit what was delivered; a destination slower than this only widens the window in which
                    // a crash would lose its notification, it never holds the others back for long.
                    if (!notifier.awaitSettled(SETTLE_WAIT)) {
                        LOG.warn("Some alert deliveries are still being retried; committing the decisions anyway.");
                    }
                    consumer.commitSync();
                } catch (WakeupException e) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        Alert alert;
        try {
            alert = AlertJson.fromBytes(record.value());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Skipped a record of {} that is not an alert (partition {}, offset {}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
            return;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        boolean admitted = gate.admit(alert);
        if (record.offset() < replayUntil.getOrDefault(partition, -1L)) {
            return; // delivered before, by this group
        }
        if (!admitted) {
            LOG.info(
                    "Not delivering {} {} (episode {}): a duplicate of what is already open, or a resolve of what"
                            + " is not.",
                    alert.state(),
                    alert.key(),
                    alert.episodeId());
            return;
        }
        if (alert.at().isBefore(clock.instant().minus(settings.maxAge()))) {
            LOG.warn(
                    "Not delivering {} {} decided at {}: older than {} minutes.",
                    alert.state(),
                    alert.key(),
                    alert.at(),
                    settings.maxAge().toMinutes());
            return;
        }
        notifier.submit(alert);
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(replayUntil::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            gate = new AlertGate();
            Instant since = clock.instant().minus(settings.lookback());
            Map<TopicPartition, Long> query = new HashMap<>();
            for (TopicPartition partition : consumer.assignment()) {
                query.put(partition, since.toEpochMilli());
            }
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
            for (TopicPartition partition : consumer.assignment()) {
                long resumeAt = consumer.position(partition);
                OffsetAndTimestamp start = starts.get(partition);
                if (start != null && start.offset() < resumeAt) {
                    replayUntil.put(partition, resumeAt);
                    consumer.seek(partition, start.offset());
                }
            }
        }
    }
}
