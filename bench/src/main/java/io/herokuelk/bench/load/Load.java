package io.herokuelk.bench.load;

import ch.qos.logback.classic.Level;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.index.ElasticsearchClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.LoggerFactory;

/** What the load tools share: arguments, services, percentiles, the machine's description. */
final class Load {

    private Load() {}

    /** {@code --name value} pairs; unknown names are refused so that a typo does not silently run the default. */
    static final class Args {
        private final Map<String, String> values = new HashMap<>();
        private final List<String> known;

        Args(String[] args, String... known) {
            this.known = List.of(known);
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!name.startsWith("--") || i + 1 >= args.length || !this.known.contains(name.substring(2))) {
                    throw new IllegalArgumentException(
                            "Unknown or incomplete argument " + name + "; known: --" + String.join(" --", known));
                }
                values.put(name.substring(2), args[++i]);
            }
        }

        int integer(String name, int fallback) {
            return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
        }

        String string(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }
    }

    /** The broker and the clients log at INFO by default; the tools print their own progress instead. */
    static void quietLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(
                Locale.ROOT,
                "%d cores, %s, JDK %s (%s), max heap %d MB, load average %s",
                rt.availableProcessors(),
                memTotal(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                rt.maxMemory() >> 20,
                loadAverage());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb >> 20) + " GiB RAM";
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "? RAM";
    }

    /** The indexer's variables, as {@code index} reads them, for a tool's own topics and namespace. */
    static Map<String, String> indexerEnvironment(
            String bootstrap, String elasticsearchUrl, String topic, String deadLetters, String namespace) {
        Map<String, String> variables = new HashMap<>();
        variables.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        variables.put("KAFKA_EVENTS_TOPIC", topic);
        variables.put("KAFKA_DEAD_LETTER_TOPIC", deadLetters);
        variables.put("ELASTICSEARCH_URL", elasticsearchUrl);
        variables.put("ELASTICSEARCH_NAMESPACE", namespace);
        variables.put("INDEXER_GROUP_ID", "bench-" + namespace);
        return variables;
    }

    static EmbeddedKafka kafka(Path directory) throws Exception {
        long started = System.nanoTime();
        EmbeddedKafka kafka = new EmbeddedKafka(directory);
        kafka.start();
        System.out.printf(Locale.ROOT, "broker up at %s in %.1f s%n", kafka.address(), seconds(started));
        return kafka;
    }

    /** A node from {@code -Dheroku-elk.elasticsearch.home}, defaulting to the distribution Maven unpacks. */
    static ElasticsearchProcess elasticsearch(Path directory, int heapMb) throws Exception {
        if (System.getProperty(ElasticsearchProcess.HOME_PROPERTY) == null) {
            Path unpacked = Path.of("devstack/target/elasticsearch-9.5.3").toAbsolutePath();
            if (Files.isDirectory(unpacked)) {
                System.setProperty(ElasticsearchProcess.HOME_PROPERTY, unpacked.toString());
            }
        }
        long started = System.nanoTime();
        ElasticsearchProcess node = new ElasticsearchProcess(directory, 0, heapMb);
        node.start();
        System.out.printf(
                Locale.ROOT,
                "elasticsearch up at %s (heap %d MB) in %.1f s%n",
                node.address(),
                heapMb,
                seconds(started));
        return node;
    }

    static ElasticsearchClient client(String url) {
        return ElasticsearchClients.create(
                ElasticsearchSettings.from(new Environment(Map.of("ELASTICSEARCH_URL", url))));
    }

    /** Topics as {@code setup} creates them: lz4, one replica here. */
    static void createTopics(String bootstrap, int partitions, String... topics) throws Exception {
        createTopics(bootstrap, partitions, Map.of(), topics);
    }

    /** The same with more topic configuration ({@code message.timestamp.type}, say). */
    static void createTopics(String bootstrap, int partitions, Map<String, String> configs, String... topics)
            throws Exception {
        Map<String, String> all = new java.util.HashMap<>(configs);
        all.put(TopicConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(Arrays.stream(topics)
                            .map(t -> new NewTopic(t, partitions, (short) 1).configs(all))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs the real {@code setup} command ({@code io.herokuelk.shipper.Main setup}) in a child JVM on this JVM's
     * classpath, so that the benchmark indexes into the real templates and topics. Fails when setup fails.
     */
    static void setup(String elasticsearchUrl, String bootstrap, String eventsTopic, String deadLetterTopic)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), "io.herokuelk.shipper.Main", "setup")
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("ELASTICSEARCH_URL", elasticsearchUrl);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("KAFKA_EVENTS_TOPIC", eventsTopic);
        env.put("KAFKA_DEAD_LETTER_TOPIC", deadLetterTopic);
        env.put("KAFKA_REPLICATION_FACTOR", "1");
        env.put("LOG_LEVEL", "WARN");
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                output.append("  setup| ").append(line).append('\n');
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            System.out.print(output);
            throw new IllegalStateException("setup failed");
        }
        long lines = output.chars().filter(c -> c == '\n').count();
        System.out.println("setup ran (" + lines + " lines of report): templates and topics in place");
    }

    /** CPU time of this whole JVM (every thread, the in-process broker's included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The value at quantile {@code q} (0..1) of sorted nanos, in milliseconds. */
    static double percentileMs(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static long[] sorted(List<Long> values) {
        long[] out = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(out);
        return out;
    }
}
