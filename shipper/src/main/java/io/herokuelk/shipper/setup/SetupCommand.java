package io.herokuelk.shipper.setup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.shipper.ShipperCommand;
import io.herokuelk.shipper.ShipperVersion;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.index.ElasticsearchClients;
import io.herokuelk.shipper.setup.kibana.KibanaSettings;
import io.herokuelk.shipper.setup.kibana.KibanaSetup;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar shipper.jar setup [--kibana-url <url>]}: installs the Elasticsearch templates and lifecycle, then
 * the Kafka topics, then (when a Kibana is configured) the dashboards and rules, printing one line per action. Safe
 * to run again at any time: what is already in place is reported unchanged.
 * Exits 0 when every action succeeded or was left to the user with the command to run (topics on Heroku Kafka's
 * Basic plans), 1 when a service was unreachable or refused something.
 */
@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        versionProvider = ShipperVersion.class,
        description = {
            "Installs templates, lifecycle, topics, and (with Kibana) dashboards and rules.",
            "Idempotent, one line per action. Exits 0 when everything is in place or left to a command it",
            "prints (topics on Heroku Kafka's Basic plans), 1 otherwise."
        })
public final class SetupCommand implements ShipperCommand {

    /** How long the admin client tries before setup reports the broker unreachable. */
    private static final int KAFKA_API_TIMEOUT_MS = 15_000;

    private final PrintStream out;

    @Option(
            names = KibanaSettings.URL_OPTION,
            paramLabel = "URL",
            description = "the Kibana to load dashboards and rules into (over KIBANA_URL)")
    private String kibanaUrl;

    public SetupCommand() {
        this(System.out);
    }

    public SetupCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * What setup talks to and what it creates.
     *
     * @param elasticsearch the cluster
     * @param kafka         the brokers and the topic names
     * @param setup         retention, partitions, replication
     * @param kibana        empty when no Kibana is named: the Kibana step is skipped
     */
    public record Settings(
            ElasticsearchSettings elasticsearch,
            KafkaSettings kafka,
            SetupSettings setup,
            Optional<KibanaSettings> kibana) {}

    @Override
    public Settings configuration(Map<String, String> environment) {
        Environment env = new Environment(environment);
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.from(env);
        KafkaSettings kafka = KafkaSettings.from(env);
        SetupSettings settings = SetupSettings.from(env);
        Optional<KibanaSettings> kibana = KibanaSettings.from(env, Optional.ofNullable(kibanaUrl));
        env.validate();
        return new Settings(elasticsearch, kafka, settings, kibana);
    }

    @Override
    public Integer call() throws Exception {
        return run(configuration(System.getenv()));
    }

    /** Runs every step with settings already read; tests read theirs from an environment of their own. */
    public int run(Settings configured) throws Exception {
        ElasticsearchSettings elasticsearch = configured.elasticsearch();
        KafkaSettings kafka = configured.kafka();
        SetupSettings settings = configured.setup();
        Optional<KibanaSettings> kibana = configured.kibana();

        SetupReport report = new SetupReport(out);
        try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch);
                Admin admin = Admin.create(adminProperties(kafka))) {
            // Order matters: index management before anything that writes or shows data (Kibana objects later).
            List<SetupStep> steps = List.of(
                    new ElasticsearchSetup(
                            new ClientElasticsearchCluster(
                                    client, elasticsearch.url().toString()),
                            settings.retentionDays()),
                    new KafkaTopicSetup(admin, kafka.names(), settings, kafka.bootstrapServers()),
                    KibanaSetup.step(kibana));
            for (SetupStep step : steps) {
                step.run(report);
            }
        }
        if (report.failed()) {
            out.println("setup did not complete: see the failed lines above; running it again is safe.");
            return 1;
        }
        return 0;
    }

    private static Map<String, Object> adminProperties(KafkaSettings kafka) {
        Map<String, Object> properties = new java.util.HashMap<>(kafka.clientProperties());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, KAFKA_API_TIMEOUT_MS);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, KAFKA_API_TIMEOUT_MS / 2);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "heroku-elk-setup");
        return properties;
    }
}
