package io.herokuelk.bench.load;

import io.herokuelk.bench.Directories;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.publish.KafkaEventPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The memory of a Procfile process that consumes the events topic ({@code worker}: indexer and alerter in one JVM;
 * or {@code indexer}) at a steady rate: a real broker (in this JVM) and a real Elasticsearch node (child process)
 * with the real templates, the process started with its Procfile command, events parsed by the shipper's parser and
 * published through the shipper's publisher at {@code --rate} per second for {@code --seconds}. Every second: the
 * process's {@code VmRSS} and CPU, and the indexer group's lag. At the end: {@code VmHWM}, the time to drain the
 * rest, and the load average.
 *
 * <pre>
 * ./dev build && java -Xmx1g -cp bench/target/classes:$(cat bench/target/load-classpath.txt) \
 *   io.herokuelk.bench.load.WorkMemory --type worker --rate 10000 --seconds 120 \
 *   [--extra-flags "-XX:NativeMemoryTracking=summary"]
 * </pre>
 */
public final class WorkMemory {

    private static final String TOPIC = "work-memory-events";
    private static final String DEAD_LETTERS = "work-memory-dead-letters";

    public static void main(String[] argv) throws Exception {
        Load.Args args = new Load.Args(argv, "type", "rate", "seconds", "es-heap-mb", "extra-flags");
        List<String> extraFlags = args.string("extra-flags", "").isBlank()
                ? List.of()
                : List.of(args.string("extra-flags", "").trim().split("\\s+"));
        String type = args.string("type", "worker");
        int rate = args.integer("rate", 10_000);
        int seconds = args.integer("seconds", 120);
        int heapMb = args.integer("es-heap-mb", 1024);
        Load.quietLogging();
        System.out.println("machine: " + Load.machine());
        Path directory = Files.createTempDirectory("work-memory-");
        try (EmbeddedKafka kafka = Load.kafka(directory.resolve("kafka"));
                ElasticsearchProcess node = Load.elasticsearch(directory.resolve("elasticsearch"), heapMb)) {
            Load.setup(node.address(), kafka.address(), TOPIC, DEAD_LETTERS);
            Map<String, String> variables = new HashMap<>(
                    Load.indexerEnvironment(kafka.address(), node.address(), TOPIC, DEAD_LETTERS, "workmemory"));
            variables.put("LOG_LEVEL", "WARN");
            Path log = directory.resolve(type + ".log");
            try (ProcfileProcess process = ProcfileProcess.start(type, extraFlags, variables, log)) {
                System.out.println("process: " + process);
                run(process, kafka.address(), rate, seconds);
                if (extraFlags.stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) {
                    System.out.println(process.nativeMemorySummary());
                }
            } finally {
                System.out.println("last lines of its log:");
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(l -> System.out.println("  " + l));
            }
        } finally {
            Directories.deleteQuietly(directory);
        }
    }

    private static void run(ProcfileProcess process, String bootstrap, int rate, int seconds) throws Exception {
        KafkaSettings kafka = KafkaSettings.from(new Environment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                bootstrap,
                "KAFKA_EVENTS_TOPIC",
                TOPIC,
                "KAFKA_DEAD_LETTER_TOPIC",
                DEAD_LETTERS)));
        long peakRss = 0;
        long maxLag = 0;
        long published = 0;
        double cpuAtStart = -1;
        List<String> samples = new ArrayList<>();
        try (KafkaEventPublisher publisher = new KafkaEventPublisher(kafka, Map.of());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long start = System.nanoTime();
            for (int second = 0; second < seconds && process.alive(); second++) {
                // Ten slices a second: the rate is steady, not one burst per second.
                for (int slice = 0; slice < 10; slice++) {
                    List<ParsedEvent> events = IndexerLoad.generate(rate / 10);
                    CompletableFuture<Void> sent = publisher.publish(events, List.of());
                    published += events.size();
                    long due = start + (second * 10L + slice + 1) * 100_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    sent.get(30, TimeUnit.SECONDS);
                }
                if (second == 10) {
                    cpuAtStart = process.cpuSeconds(); // after the JIT's first work
                }
                long rss = process.statusMb("VmRSS");
                long lag = lag(admin);
                peakRss = Math.max(peakRss, rss);
                maxLag = Math.max(maxLag, lag);
                if (second % 10 == 9) {
                    samples.add(String.format(
                            Locale.ROOT,
                            "  t=%3d s  published %,10d  RSS %4d MB  lag %,8d",
                            second + 1,
                            published,
                            rss,
                            lag));
                    System.out.println(samples.getLast());
                }
            }
            double publishedSeconds = (System.nanoTime() - start) / 1e9;
            double cpuPerSecond = (process.cpuSeconds() - cpuAtStart) / Math.max(1, publishedSeconds - 10);
            long drainStart = System.nanoTime();
            long lag;
            while ((lag = lag(admin)) > 0 && process.alive() && System.nanoTime() - drainStart < 120e9) {
                Thread.sleep(500);
            }
            System.out.println();
            System.out.println("| process | rate (events/s) | seconds | published | peak VmRSS MB (sampled) | VmHWM MB"
                    + " | CPU (cores) | max lag | drained after | load average |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %d | %,d | %d | %d | %.2f | %,d | %s | %s |%n",
                    process.command().getLast(),
                    rate,
                    seconds,
                    published,
                    peakRss,
                    process.statusMb("VmHWM"),
                    cpuPerSecond,
                    maxLag,
                    lag == 0
                            ? String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - drainStart) / 1e9)
                            : "not drained (lag " + lag + ")",
                    Load.loadAverage());
            if (!process.alive()) {
                System.out.println("the process exited during the run");
            }
        }
    }

    /** Records on the events topic not yet committed by the indexer group. */
    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("bench-workmemory")
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> ends = admin
                .describeTopics(List.of(TOPIC))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(TOPIC)
                .partitions()
                .stream()
                .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .mapToLong(e -> e.getValue().offset()
                        - (committed.containsKey(e.getKey())
                                ? committed.get(e.getKey()).offset()
                                : 0))
                .sum();
    }
}
