package io.herokuelk.bench.load;

import io.herokuelk.bench.Directories;
import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.config.ShipperSettings;
import io.herokuelk.shipper.ingest.IngestService;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.publish.EventHeaders;
import io.herokuelk.shipper.publish.KafkaEventPublisher;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Ingest throughput: N keep-alive HTTP/1.1 clients post ~100 KiB logplex batches to the real drain receiver (in this
 * JVM, publishing to a real broker in this JVM) for a fixed time; then, as the reference, N threads send the same
 * parsed documents with the same keys and headers through one plain {@link KafkaProducer} (acks=all, idempotent,
 * lz4, the shipper's batching) to the same broker, each waiting for a batch's acknowledgements as the drain does
 * before its 204. Prints events/s, MB/s, requests/s, latency p50/p99 of both and the ratio.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp bench/target/classes:$(cat bench/target/load-classpath.txt) \
 *   io.herokuelk.bench.load.IngestLoad --clients 8 --warmup 10 --seconds 30
 * </pre>
 */
public final class IngestLoad {

    private static final String USER = "drain";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String EVENTS = "ingest-load-events";
    private static final String DEAD_LETTERS = "ingest-load-dead-letters";
    private static final String PLAIN = "plain-load-events";

    private final int clients;
    private final int maxRequests;
    private final byte[][] bodies;
    private final List<List<ParsedEvent>> parsed = new ArrayList<>();
    private final long runId = System.currentTimeMillis();
    private final AtomicLong sequence = new AtomicLong();

    private IngestLoad(int clients, int maxRequests, byte[][] bodies) {
        this.clients = clients;
        this.maxRequests = maxRequests;
        this.bodies = bodies;
    }

    public static void main(String[] argv) throws Exception {
        Load.Args args = new Load.Args(
                argv, "clients", "warmup", "seconds", "bodies", "body-kib", "partitions", "max-requests", "order");
        int clients = args.integer("clients", 8);
        int warmup = args.integer("warmup", 10);
        int seconds = args.integer("seconds", 30);
        int distinct = args.integer("bodies", 32);
        int bodyBytes = args.integer("body-kib", 100) * 1024;
        int partitions = args.integer("partitions", 6);
        int maxRequests = args.integer("max-requests", 2_000_000);
        boolean plainFirst = args.string("order", "ingest-first").equals("plain-first");
        Load.quietLogging();
        System.out.println("machine: " + Load.machine());
        System.out.printf(
                Locale.ROOT,
                "clients %d, warm-up %d s, measured %d s per side, %d distinct bodies of"
                        + " <= %d KiB, %d partitions, order %s%n",
                clients,
                warmup,
                seconds,
                distinct,
                bodyBytes / 1024,
                partitions,
                plainFirst ? "plain-first" : "ingest-first");

        byte[][] bodies = new byte[distinct][];
        for (int i = 0; i < distinct; i++) {
            bodies[i] = LoadMix.body(1000 + i, bodyBytes);
        }
        IngestLoad load = new IngestLoad(clients, maxRequests, bodies);
        Path directory = Files.createTempDirectory("ingest-load-");
        try (EmbeddedKafka kafka = Load.kafka(directory.resolve("kafka"))) {
            Load.createTopics(kafka.address(), partitions, EVENTS, DEAD_LETTERS, PLAIN);
            load.run(kafka.address(), warmup, seconds, plainFirst);
        } finally {
            Directories.deleteQuietly(directory);
        }
    }

    private void run(String bootstrap, int warmup, int seconds, boolean plainFirst) throws Exception {
        DrainBodyParser parser = new DrainBodyParser(io.herokuelk.shipper.parse.ParserSettings.defaults());
        long events = 0;
        long bytes = 0;
        for (int i = 0; i < bodies.length; i++) {
            ParsedBatch batch = parser.parseBody(
                    bodies[i], new DrainContext(LoadMix.APP, LoadMix.TOKEN, LoadMix.frameId(runId, i), Instant.now()));
            if (!batch.garbage().isEmpty()) {
                throw new IllegalStateException("body " + i + " has garbage: " + batch.garbage());
            }
            parsed.add(batch.events());
            events += batch.events().size();
            bytes += bodies[i].length;
        }
        System.out.printf(
                Locale.ROOT,
                "bodies: %.0f events and %.1f KiB each on average; documents %.0f bytes" + " on average%n",
                (double) events / bodies.length,
                bytes / 1024.0 / bodies.length,
                parsed.stream()
                        .flatMap(List::stream)
                        .mapToInt(e -> e.document().length)
                        .average()
                        .orElse(0));

        calibrateParsing(parser, events);

        Map<String, String> env = new HashMap<>(Map.of(
                "PORT",
                "0",
                "DRAIN_CREDENTIALS",
                USER + ":" + PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS",
                bootstrap,
                "KAFKA_EVENTS_TOPIC",
                EVENTS,
                "KAFKA_DEAD_LETTER_TOPIC",
                DEAD_LETTERS));
        ShipperSettings settings = ShipperSettings.fromEnvironment(env);
        IngestService server = new IngestService(settings, new PrometheusRegistry());
        KafkaProducer<byte[], byte[]> plain = new KafkaProducer<>(
                plainProducerProperties(bootstrap), new ByteArraySerializer(), new ByteArraySerializer());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/logs/" + LoadMix.APP);
        try {
            Side ingest = () -> postOne(http, uri);
            Side reference = () -> sendOne(plain);
            phase("warm-up ingest", ingest, warmup);
            phase("warm-up plain", reference, warmup);
            Result a = phase(plainFirst ? "plain producer" : "ingest (HTTP)", plainFirst ? reference : ingest, seconds);
            Result b = phase(plainFirst ? "ingest (HTTP)" : "plain producer", plainFirst ? ingest : reference, seconds);
            Result ingestResult = plainFirst ? b : a;
            Result plainResult = plainFirst ? a : b;
            System.out.println();
            System.out.println("| side | events/s | MB/s (drain bytes) | requests/s | p50 ms | p99 ms | max ms"
                    + " | requests | non-2xx | JVM cores used | JVM CPU µs/event |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            System.out.println(ingestResult.row());
            System.out.println(plainResult.row());
            System.out.printf(
                    Locale.ROOT,
                    "%nratio ingest/plain (events/s): %.2f (target >= 0.8); load average" + " after: %s%n",
                    ingestResult.eventsPerSecond() / plainResult.eventsPerSecond(),
                    Load.loadAverage());
        } finally {
            server.close();
            plain.close(Duration.ofSeconds(10));
            http.close();
        }
    }

    /** CPU time of framing and parsing alone, on this thread: what the drain adds per event besides HTTP. */
    private void calibrateParsing(DrainBodyParser parser, long eventsPerRound) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        long cpu = 0;
        int rounds = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (System.nanoTime() < until || rounds < 3) {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < bodies.length; i++) {
                sink += parser.parseBody(
                                bodies[i],
                                new DrainContext(LoadMix.APP, LoadMix.TOKEN, LoadMix.frameId(runId, i), Instant.now()))
                        .events()
                        .size();
            }
            long used = threads.getCurrentThreadCpuTime() - cpuBefore;
            // The first rounds warm the parser up; the last half is what counts.
            if (System.nanoTime() > until - TimeUnit.SECONDS.toNanos(4)) {
                cpu += used;
                rounds++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "framing+parsing alone (one thread, warm): %.2f µs CPU per event, %,.0f"
                        + " events per CPU-second (%d events checked)%n",
                cpu / 1e3 / (rounds * eventsPerRound),
                rounds * eventsPerRound / (cpu / 1e9),
                sink);
    }

    /** The shipper's own producer settings, so that the reference differs only in what the drain adds. */
    private static Map<String, Object> plainProducerProperties(String bootstrap) {
        Map<String, Object> properties = new HashMap<>(KafkaEventPublisher.producerProperties(
                KafkaSettings.from(new Environment(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap))), Map.of()));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "plain-reference");
        return properties;
    }

    /** One unit of work: a posted batch or a produced batch. */
    private interface Side {
        Outcome one() throws Exception;
    }

    private record Outcome(int status, int events, int bytes) {}

    private int postCount(long n) {
        return (int) (n % bodies.length);
    }

    private Outcome postOne(HttpClient http, URI uri) throws Exception {
        long n = sequence.getAndIncrement();
        int index = postCount(n);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/logplex-1")
                .header("Logplex-Drain-Token", LoadMix.TOKEN)
                .header("Logplex-Frame-Id", LoadMix.frameId(runId, n))
                .header("Logplex-Msg-Count", Integer.toString(parsed.get(index).size()))
                .header("User-Agent", "Logplex/v123")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[index]))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        return new Outcome(response.statusCode(), parsed.get(index).size(), bodies[index].length);
    }

    private Outcome sendOne(KafkaProducer<byte[], byte[]> producer) throws Exception {
        int index = postCount(sequence.getAndIncrement());
        List<ParsedEvent> events = parsed.get(index);
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(events.size());
        Callback callback = (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else if (pending.decrementAndGet() == 0) {
                done.complete(null);
            }
        };
        for (ParsedEvent event : events) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(new RecordHeader(EventHeaders.ID, event.id().getBytes(StandardCharsets.UTF_8)));
            headers.add(new RecordHeader(EventHeaders.DATASET, event.dataset().getBytes(StandardCharsets.UTF_8)));
            producer.send(
                    new ProducerRecord<>(
                            PLAIN,
                            null,
                            event.partitionKey().getBytes(StandardCharsets.UTF_8),
                            event.document(),
                            headers),
                    callback);
        }
        try {
            done.get(4, TimeUnit.SECONDS);
            return new Outcome(204, events.size(), bodies[index].length);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return new Outcome(503, events.size(), bodies[index].length);
        }
    }

    private record Result(
            String name,
            long requests,
            long events,
            long bytes,
            double seconds,
            double cpuSeconds,
            long[] latencies,
            Map<Integer, Long> failures) {
        double eventsPerSecond() {
            return events / seconds;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %s | %.2f | %.1f |",
                    name,
                    eventsPerSecond(),
                    bytes / seconds / 1e6,
                    requests / seconds,
                    Load.percentileMs(latencies, 0.5),
                    Load.percentileMs(latencies, 0.99),
                    Load.percentileMs(latencies, 1.0),
                    requests,
                    failures.isEmpty() ? "0" : failures.toString(),
                    cpuSeconds / seconds,
                    cpuSeconds * 1e6 / Math.max(1, events));
        }
    }

    /** Runs {@code clients} threads doing {@code side} until {@code seconds} are over (or the request bound). */
    private Result phase(String name, Side side, int seconds) throws Exception {
        LongAdder requests = new LongAdder();
        LongAdder events = new LongAdder();
        LongAdder bytes = new LongAdder();
        Map<Integer, Long> failures = new ConcurrentSkipListMap<>();
        List<List<Long>> latencies = new ArrayList<>();
        long started = System.nanoTime();
        long cpuStarted = Load.processCpuNanos();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong budget = new AtomicLong(maxRequests);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>(1 << 14);
            latencies.add(mine);
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                    long t0 = System.nanoTime();
                    Outcome outcome;
                    try {
                        outcome = side.one();
                    } catch (Exception e) {
                        outcome = new Outcome(-1, 0, 0);
                    }
                    long took = System.nanoTime() - t0;
                    if (outcome.status() / 100 == 2) {
                        requests.increment();
                        events.add(outcome.events());
                        bytes.add(outcome.bytes());
                        mine.add(took);
                    } else {
                        failures.merge(outcome.status(), 1L, Long::sum);
                        if (outcome.status() == 429 || outcome.status() == 503 || outcome.status() < 0) {
                            sleepQuietly(100);
                        }
                    }
                }
            }));
        }
        long lastEvents = 0;
        long lastAt = started;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            long tick = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (Thread t : threads) {
                long left = tick - System.nanoTime();
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
            }
            long now = System.nanoTime();
            long total = events.sum();
            System.out.printf(
                    Locale.ROOT,
                    "  %-15s %5.1f s  requests %,8d  events %,10d  now %,9.0f events/s" + "  failures %s%n",
                    name,
                    (now - started) / 1e9,
                    requests.sum(),
                    total,
                    (total - lastEvents) / ((now - lastAt) / 1e9),
                    failures);
            lastEvents = total;
            lastAt = now;
        }
        double elapsed = Load.seconds(started);
        double cpu = (Load.processCpuNanos() - cpuStarted) / 1e9;
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Result result = new Result(
                name,
                requests.sum(),
                events.sum(),
                bytes.sum(),
                elapsed,
                cpu,
                Load.sorted(all),
                new TreeMap<>(failures));
        System.out.println("  " + result.row());
        return result;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
