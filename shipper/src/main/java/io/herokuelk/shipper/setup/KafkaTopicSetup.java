package io.herokuelk.shipper.setup;

import io.herokuelk.shipper.config.KafkaNames;
import io.herokuelk.shipper.setup.SetupReport.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the events, dead-letter and alerts topics, or brings existing ones up to the settings: more partitions when
 * fewer (never fewer: that would reorder a dyno's events), and retention and compression set with incremental config
 * changes so that other settings of the topic stay as they are.
 *
 * <p>A broker that does not let clients create topics (Heroku Kafka's Basic plans, by ACL; a cluster with a topic
 * policy) is not a failure: setup cannot do this part, and says exactly what to run instead (Heroku's CLI creates the
 * topics and the consumer groups), so that an app created from {@code app.json} is not refused for it.
 */
public final class KafkaTopicSetup implements SetupStep {

    static final String SERVICE = "kafka";
    static final String COMPRESSION = "lz4";
    /** Above the admin client's own api timeout (set by {@link SetupCommand}), which answers first. */
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final KafkaNames names;
    private final SetupSettings settings;
    private final String where;

    /** @param where the bootstrap servers, for sentences */
    KafkaTopicSetup(Admin admin, KafkaNames names, SetupSettings settings, String where) {
        this.admin = admin;
        this.names = names;
        this.settings = settings;
        this.where = where;
    }

    private List<String> topics() {
        return List.of(names.eventsTopic(), names.deadLetterTopic(), names.alertsTopic());
    }

    /** The topic configuration setup owns; everything else on the topic is left alone. */
    Map<String, String> wantedConfigs() {
        return Map.of(
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(settings.retentionMs()),
                TopicConfig.COMPRESSION_TYPE_CONFIG,
                COMPRESSION);
    }

    @Override
    public void run(SetupReport report) {
        List<String> refused = new ArrayList<>();
        for (String topic : topics()) {
            try {
                reconcile(topic, report);
            } catch (TopicAuthorizationException | ClusterAuthorizationException | PolicyViolationException e) {
                refused(topic, e, refused, report);
            } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
                report.add(
                        SERVICE,
                        Outcome.FAILED,
                        "broker",
                        "Kafka at " + where
                                + " did not answer in time; check KAFKA_BOOTSTRAP_SERVERS (or KAFKA_URL) and that the broker"
                                + " is running");
                return;
            } catch (ApiException e) {
                report.add(
                        SERVICE,
                        Outcome.FAILED,
                        "topic " + topic,
                        "the broker refused (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                                + "); on Heroku Kafka plans that do not allow it,"
                                + " create the topic with `heroku kafka:topics:create`");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!refused.isEmpty()) {
            // A broker that refuses topics to clients (Heroku's Basic plans) refuses consumer groups as well.
            report.add(
                    SERVICE,
                    Outcome.MANUAL,
                    "commands",
                    "on Heroku Kafka, run these (the CLI adds KAFKA_PREFIX"
                            + " itself), then start the dynos:" + System.lineSeparator()
                            + String.join(System.lineSeparator(), herokuCommands(refused)));
        }
    }

    /** A topic the broker does not let us create or change: what to run instead, reported as {@code MANUAL}. */
    private void refused(String topic, ApiException refusal, List<String> refusedTopics, SetupReport report) {
        boolean exists;
        try {
            exists = describe(topic).isPresent();
        } catch (TimeoutException | RuntimeException e) {
            exists = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exists = false;
        }
        String why = "this broker does not let clients " + (exists ? "change" : "create") + " topics ("
                + refusal.getClass().getSimpleName() + ")";
        if (exists) {
            report.add(
                    SERVICE,
                    Outcome.MANUAL,
                    "topic " + topic,
                    why + "; its retention is set with `heroku" + " kafka:topics:retention-time " + unprefixed(topic)
                            + " " + settings.retentionHours() + "h`");
        } else {
            refusedTopics.add(topic);
            report.add(SERVICE, Outcome.MANUAL, "topic " + topic, why + "; create it as shown below");
        }
    }

    /** Heroku CLI commands that make the refused topics, with setup's settings, and the consumer groups. */
    List<String> herokuCommands(List<String> refusedTopics) {
        List<String> commands = new ArrayList<>();
        for (String topic : refusedTopics) {
            commands.add("  heroku kafka:topics:create " + unprefixed(topic) + " --partitions " + settings.partitions()
                    + " --retention-time " + settings.retentionHours() + "h");
        }
        for (String group : List.of(names.indexerGroup(), names.alerterGroup(), names.notifierGroup())) {
            commands.add("  heroku kafka:consumer-groups:create " + unprefixed(group));
        }
        return commands;
    }

    private String unprefixed(String name) {
        return name.startsWith(names.prefix()) ? name.substring(names.prefix().length()) : name;
    }

    private void reconcile(String topic, SetupReport report) throws TimeoutException, InterruptedException {
        Optional<TopicDescription> existing = describe(topic);
        if (existing.isEmpty()) {
            try {
                create(topic);
                report.add(
                        SERVICE,
                        Outcome.CREATED,
                        "topic " + topic,
                        settings.partitions() + " partitions, " + configText(wantedConfigs()) + ", replication factor "
                                + replicationText());
                return;
            } catch (TopicExistsException e) {
                // Created by someone else meanwhile: bring that one up to the settings instead.
                existing = describe(topic);
                if (existing.isEmpty()) {
                    throw e;
                }
            }
        }
        List<String> changes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int partitions = existing.get().partitions().size();
        if (partitions < settings.partitions()) {
            await(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(settings.partitions())))
                    .all());
            changes.add("partitions " + partitions + " -> " + settings.partitions());
        } else if (partitions > settings.partitions()) {
            kept.add(partitions + " partitions kept (KAFKA_PARTITIONS=" + settings.partitions()
                    + "; partitions are never removed)");
        }
        int replicas = existing.get().partitions().get(0).replicas().size();
        if (settings.replicationFactor() > 0 && replicas != settings.replicationFactor()) {
            kept.add("replication factor " + replicas + " kept (KAFKA_REPLICATION_FACTOR="
                    + settings.replicationFactor() + " needs a partition reassignment, which setup does not do)");
        }
        Map<String, String> differing = differingConfigs(topic);
        if (!differing.isEmpty()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Collection<AlterConfigOp> ops = differing.entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                    .toList();
            await(admin.incrementalAlterConfigs(Map.of(resource, ops)).all());
            changes.add(configText(differing));
        }
        String detail = String.join("; ", changes.isEmpty() ? kept : concat(changes, kept));
        report.add(SERVICE, changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED, "topic " + topic, detail);
    }

    private Optional<TopicDescription> describe(String topic) throws TimeoutException, InterruptedException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic))
                    .topicNameValues()
                    .get(topic)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw rethrow(e);
        }
    }

    private void create(String topic) throws TimeoutException, InterruptedException {
        Optional<Short> replication =
                settings.replicationFactor() > 0 ? Optional.of(settings.replicationFactor()) : Optional.empty();
        NewTopic newTopic =
                new NewTopic(topic, Optional.of(settings.partitions()), replication).configs(wantedConfigs());
        await(admin.createTopics(List.of(newTopic)).all());
    }

    /** The wanted configs whose current value on the topic differs. */
    private Map<String, String> differingConfigs(String topic) throws TimeoutException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config current;
        try {
            current = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(resource);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
        Map<String, String> differing = new java.util.TreeMap<>();
        wantedConfigs().forEach((name, value) -> {
            ConfigEntry entry = current.get(name);
            if (entry == null || !value.equals(entry.value())) {
                differing.put(name, value);
            }
        });
        return differing;
    }

    private static void await(org.apache.kafka.common.KafkaFuture<Void> future)
            throws TimeoutException, InterruptedException {
        try {
            future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(e.getCause());
    }

    private String replicationText() {
        return settings.replicationFactor() > 0 ? Short.toString(settings.replicationFactor()) : "broker default";
    }

    static String configText(Map<String, String> configs) {
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(configs)
                .forEach((name, value) -> parts.add(name + "=" + value
                        + (name.equals(TopicConfig.RETENTION_MS_CONFIG)
                                ? " (" + Long.parseLong(value) / 3_600_000 + " h)"
                                : "")));
        return String.join(", ", parts);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
