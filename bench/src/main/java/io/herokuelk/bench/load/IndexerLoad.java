package io.herokuelk.bench.load;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.herokuelk.bench.Directories;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.index.BulkIndexer;
import io.herokuelk.shipper.index.DataStreams;
import io.herokuelk.shipper.index.IndexerLoop;
import io.herokuelk.shipper.index.IndexerService;
import io.herokuelk.shipper.index.IndexerSettings;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.shipper.publish.KafkaEventPublisher;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Indexer throughput: a real broker (in this JVM) and a real Elasticsearch node (child process) with the real
 * templates (the {@code setup} command); a topic pre-filled with M parsed documents through the shipper's own
 * publisher; then the real indexer ({@link IndexerLoop}, real consumer, {@link BulkIndexer}, default batching)
 * drains it into the data streams of one namespace, timed until all M are stored (offsets committed) and
 * searchable ({@code _count}). The reference, in the same run, sends the same documents with the official client as
 * plain sequential bulk {@code create} requests of the same size, same {@code _id}s, into another namespace.
 *
 * <pre>
 * java -Xms3g -Xmx3g -cp bench/target/classes:$(cat bench/target/load-classpath.txt) \
 *   -Dheroku-elk.elasticsearch.home=devstack/target/elasticsearch-9.5.3 \
 *   io.herokuelk.bench.load.IndexerLoad --documents 100000 --es-heap-mb 1024
 * </pre>
 */
public final class IndexerLoad {

    private static final String TOPIC = "index-load-events";
    private static final String DEAD_LETTERS = "index-load-dead-letters";
    private static final int POLL_MS = 100;

    public static void main(String[] argv) throws Exception {
        Load.Args args = new Load.Args(
                argv, "documents", "es-heap-mb", "order", "warmup-documents", "bulk", "max-seconds", "rounds");
        int documents = args.integer("documents", 200_000);
        int heapMb = args.integer("es-heap-mb", 1024);
        boolean referenceFirst = args.string("order", "indexer-first").equals("reference-first");
        int warmupDocuments = args.integer("warmup-documents", 30_000);
        int bulk = args.integer("bulk", 2000);
        int maxSeconds = args.integer("max-seconds", 600);
        Load.quietLogging();
        System.out.println("machine: " + Load.machine());
        System.out.printf(
                Locale.ROOT,
                "documents %,d, warm-up %,d, bulk %d, node heap %d MB, order %s%n",
                documents,
                warmupDocuments,
                bulk,
                heapMb,
                referenceFirst ? "reference-first" : "indexer-first");
        Path directory = Files.createTempDirectory("indexer-load-");
        try (EmbeddedKafka kafka = Load.kafka(directory.resolve("kafka"));
                ElasticsearchProcess node = Load.elasticsearch(directory.resolve("elasticsearch"), heapMb)) {
            Load.setup(node.address(), kafka.address(), TOPIC, DEAD_LETTERS);
            new IndexerLoad()
                    .run(
                            kafka.address(),
                            node.address(),
                            documents,
                            warmupDocuments,
                            bulk,
                            referenceFirst,
                            maxSeconds,
                            args.integer("rounds", 1));
        } finally {
            Directories.deleteQuietly(directory);
        }
    }

    /** CPU time of this JVM's child processes: the node's guard, launcher and the Elasticsearch JVM. */
    private static long nodeCpuNanos() {
        return ProcessHandle.current()
                .descendants()
                .mapToLong(
                        h -> h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    private void run(
            String bootstrap,
            String url,
            int count,
            int warmupCount,
            int bulk,
            boolean referenceFirst,
            int maxSeconds,
            int rounds)
            throws Exception {
        List<ParsedEvent> events = generate(count);
        List<ParsedEvent> warmup = generate(warmupCount);
        long bytes = events.stream().mapToLong(e -> e.document().length).sum();
        System.out.printf(
                Locale.ROOT,
                "documents: %,d, %.0f bytes on average, %s%n",
                events.size(),
                (double) bytes / events.size(),
                datasets(events));
        prefill(bootstrap, events);
        long suffix = System.currentTimeMillis() % 100_000;
        try (ElasticsearchClient client = Load.client(url)) {
            // Warms up the node (and this JVM's client code) on other documents, in a namespace of its own.
            Phase w = reference(client, warmup, bulk, "warmup" + suffix, maxSeconds);
            System.out.println("  warm-up: " + w.row());
            // Rounds alternate which side goes first, so that neither always gets the warmer node.
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                boolean reference1st = referenceFirst ^ (round % 2 == 0);
                String tag = suffix + "r" + round;
                Phase indexer;
                Phase reference;
                if (reference1st) {
                    reference = reference(client, events, bulk, "reference" + tag, maxSeconds);
                    settle();
                    indexer = indexer(bootstrap, url, client, count, "indexer" + tag, maxSeconds);
                } else {
                    indexer = indexer(bootstrap, url, client, count, "indexer" + tag, maxSeconds);
                    settle();
                    reference = reference(client, events, bulk, "reference" + tag, maxSeconds);
                }
                settle();
                System.out.println();
                System.out.printf(
                        Locale.ROOT,
                        "round %d of %d, %s first%n",
                        round,
                        rounds,
                        reference1st ? "reference" : "indexer");
                System.out.println("| side | documents | s to stored | docs/s stored | s to searchable"
                        + " | docs/s searchable | item errors | bench JVM CPU µs/doc | node CPU µs/doc |");
                System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
                System.out.println(indexer.row());
                System.out.println(reference.row());
                double ratio = indexer.storedRate() / reference.storedRate();
                ratios.add(ratio);
                System.out.printf(
                        Locale.ROOT,
                        "%nratio indexer/reference: %.2f stored, %.2f searchable (target >= 0.95);"
                                + " load average after: %s%n",
                        ratio,
                        indexer.searchableRate() / reference.searchableRate(),
                        Load.loadAverage());
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            System.out.printf(
                    Locale.ROOT,
                    "%nstored ratio over %d rounds: median %.2f [%.2f..%.2f]%n",
                    rounds,
                    sorted.size() % 2 == 1
                            ? sorted.get(sorted.size() / 2)
                            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2,
                    sorted.getFirst(),
                    sorted.getLast());
        }
    }

    /** Bodies of the realistic mix, parsed by the shipper's parser, each with its own frame id: unique ids. */
    static List<ParsedEvent> generate(int count) {
        DrainBodyParser parser = new DrainBodyParser(ParserSettings.defaults());
        List<ParsedEvent> out = new ArrayList<>(count);
        long run = System.nanoTime();
        for (int i = 0; out.size() < count; i++) {
            byte[] body = LoadMix.body(5000L + i, 100 * 1024);
            List<ParsedEvent> parsed = parser.parseBody(
                            body, new DrainContext(LoadMix.APP, LoadMix.TOKEN, LoadMix.frameId(run, i), Instant.now()))
                    .events();
            out.addAll(parsed.subList(0, Math.min(parsed.size(), count - out.size())));
        }
        return out;
    }

    private static String datasets(List<ParsedEvent> events) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        events.forEach(e -> counts.merge(e.dataset(), 1L, Long::sum));
        return counts.toString();
    }

    /** Fills the topic through the shipper's own publisher, so the records are exactly what ingest writes. */
    private static void prefill(String bootstrap, List<ParsedEvent> events) throws Exception {
        long started = System.nanoTime();
        KafkaSettings kafka = KafkaSettings.from(new Environment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                bootstrap,
                "KAFKA_EVENTS_TOPIC",
                TOPIC,
                "KAFKA_DEAD_LETTER_TOPIC",
                DEAD_LETTERS)));
        try (KafkaEventPublisher publisher = new KafkaEventPublisher(kafka, Map.of())) {
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int from = 0; from < events.size(); from += 500) {
                sends.add(publisher.publish(events.subList(from, Math.min(events.size(), from + 500)), List.of()));
                if (sends.size() >= 16) {
                    sends.removeFirst().get(60, TimeUnit.SECONDS);
                }
            }
            for (CompletableFuture<Void> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "topic %s pre-filled with %,d records in %.1f s%n",
                TOPIC,
                events.size(),
                Load.seconds(started));
    }

    /** Lets the node finish refreshes and merges of the previous phase before the next starts. */
    private static void settle() throws InterruptedException {
        Thread.sleep(10_000);
    }

    private record Phase(
            String name,
            long documents,
            double storedSeconds,
            double searchableSeconds,
            long bulks,
            long itemErrors,
            double benchCpu,
            double nodeCpu) {
        double storedRate() {
            return documents / storedSeconds;
        }

        double searchableRate() {
            return documents / searchableSeconds;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.1f | %,.0f | %.1f | %,.0f | %d | %.0f | %.0f |",
                    name,
                    documents,
                    storedSeconds,
                    storedRate(),
                    searchableSeconds,
                    searchableRate(),
                    itemErrors,
                    benchCpu * 1e6 / documents,
                    nodeCpu * 1e6 / documents);
        }
    }

    /** The real indexer, configured as {@code index} configures it, from the offsets' start of the topic. */
    private Phase indexer(
            String bootstrap, String url, ElasticsearchClient counter, int count, String namespace, int maxSeconds)
            throws Exception {
        Environment env = new Environment(Load.indexerEnvironment(bootstrap, url, TOPIC, DEAD_LETTERS, namespace));
        KafkaSettings kafka = KafkaSettings.from(env);
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.from(env);
        IndexerSettings settings = IndexerSettings.from(env, kafka);
        env.validate();
        PrometheusRegistry registry = new PrometheusRegistry();
        String name = "indexer (IndexerLoop)";
        IndexerService indexer = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long started = System.nanoTime();
            long benchCpu = Load.processCpuNanos();
            long nodeCpu = nodeCpuNanos();
            indexer = new IndexerService(kafka, elasticsearch, settings, registry);
            double stored = Double.NaN;
            double searchable = Double.NaN;
            long deadline = started + TimeUnit.SECONDS.toNanos(maxSeconds);
            long lastPrint = started;
            while (System.nanoTime() < deadline && Double.isNaN(searchable)) {
                Thread.sleep(POLL_MS);
                if (Double.isNaN(stored) && committed(admin, settings.groupId()) >= count) {
                    stored = Load.seconds(started);
                }
                long visible = count(counter, namespace);
                if (visible >= count) {
                    searchable = Load.seconds(started);
                }
                if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                    lastPrint = System.nanoTime();
                    System.out.printf(
                            Locale.ROOT,
                            "  %s %5.1f s  committed %,d  searchable %,d%n",
                            name,
                            Load.seconds(started),
                            committed(admin, settings.groupId()),
                            visible);
                }
            }
            indexer.close();
            Phase phase = new Phase(
                    name,
                    count,
                    stored,
                    searchable,
                    Math.round(Math.ceil((double) count / settings.batchDocuments())),
                    errors(counter, namespace),
                    (Load.processCpuNanos() - benchCpu) / 1e9,
                    (nodeCpuNanos() - nodeCpu) / 1e9);
            System.out.println("  " + phase.row());
            return phase;
        } finally {
            if (indexer != null) {
                indexer.close();
            }
        }
    }

    private static long committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                        Map.of(group, new ListConsumerGroupOffsetsSpec()))
                .partitionsToOffsetAndMetadata(group)
                .get(10, TimeUnit.SECONDS);
        return offsets.values().stream()
                .filter(o -> o != null)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    /** Documents searchable in the namespace's data streams (no refresh forced: what a search would see). */
    static long count(ElasticsearchClient client, String namespace) {
        try {
            return client.count(c ->
                            c.index("logs-*-" + namespace).allowNoIndices(true).ignoreUnavailable(true))
                    .count();
        } catch (Exception e) {
            // A data stream created a moment ago answers 503 until its shard is started: nothing searchable yet.
            return -1;
        }
    }

    /** The dead-letter stream of the namespace: refused documents end there (there should be none). */
    private static long errors(ElasticsearchClient client, String namespace) throws Exception {
        return count(client, namespace) > 0
                ? client.count(c -> c.index(DataStreams.name(DataStreams.DEAD_LETTER_DATASET, namespace))
                                .allowNoIndices(true)
                                .ignoreUnavailable(true))
                        .count()
                : 0;
    }

    /**
     * The reference: the same documents, sequential bulk {@code create} requests of {@code bulk} documents (and at
     * most the indexer's 5 MiB), the same {@code _id}s and data stream names (another namespace), one thread. This
     * thread polls {@code _count} meanwhile exactly as it does for the indexer.
     */
    private Phase reference(
            ElasticsearchClient client, List<ParsedEvent> events, int bulk, String namespace, int maxSeconds)
            throws Exception {
        String name = namespace.startsWith("warmup") ? "warm-up (bulk loader)" : "plain bulk loader";
        long started = System.nanoTime();
        long benchCpu = Load.processCpuNanos();
        long nodeCpu = nodeCpuNanos();
        long deadline = started + TimeUnit.SECONDS.toNanos(maxSeconds);
        long[] itemErrors = new long[1];
        long[] bulks = new long[1];
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong storedAt = new java.util.concurrent.atomic.AtomicLong();
        Thread loader = Thread.ofPlatform().name("bulk-loader").start(() -> {
            try {
                while (sent.get() < events.size() && System.nanoTime() < deadline) {
                    BulkRequest.Builder request = new BulkRequest.Builder();
                    long bytes = 0;
                    int n = 0;
                    int from = sent.get();
                    while (from + n < events.size() && n < bulk && bytes < 5L * 1024 * 1024) {
                        ParsedEvent event = events.get(from + n);
                        BinaryData source = BinaryData.of(event.document(), ContentType.APPLICATION_JSON);
                        String stream = DataStreams.name(event.dataset(), namespace);
                        request.operations(op ->
                                op.create(c -> c.index(stream).id(event.id()).document(source)));
                        bytes += event.document().length;
                        n++;
                    }
                    BulkResponse response = client.bulk(request.build());
                    for (BulkResponseItem item : response.items()) {
                        if (item.error() != null) {
                            itemErrors[0]++;
                        }
                    }
                    sent.addAndGet(n);
                    bulks[0]++;
                }
            } catch (Exception e) {
                System.out.println("  bulk loader failed: " + e);
            } finally {
                storedAt.set(System.nanoTime());
            }
        });
        double stored = Double.NaN;
        double searchable = Double.NaN;
        long lastPrint = started;
        while (System.nanoTime() < deadline && Double.isNaN(searchable)) {
            Thread.sleep(POLL_MS);
            if (Double.isNaN(stored) && !loader.isAlive()) {
                stored = (storedAt.get() - started) / 1e9;
            }
            long visible = count(client, namespace);
            if (!Double.isNaN(stored) && visible >= sent.get()) {
                searchable = Load.seconds(started);
            }
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                lastPrint = System.nanoTime();
                System.out.printf(
                        Locale.ROOT,
                        "  %s %5.1f s  sent %,d  searchable %,d%n",
                        name,
                        Load.seconds(started),
                        sent.get(),
                        visible);
            }
        }
        loader.join(Duration.ofSeconds(30));
        Phase phase = new Phase(
                name,
                sent.get(),
                stored,
                searchable,
                bulks[0],
                itemErrors[0],
                (Load.processCpuNanos() - benchCpu) / 1e9,
                (nodeCpuNanos() - nodeCpu) / 1e9);
        System.out.println("  " + phase.row());
        return phase;
    }
}
