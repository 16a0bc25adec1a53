package io.herokuelk.bench.load;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.herokuelk.bench.Directories;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.config.ShipperSettings;
import io.herokuelk.shipper.index.DataStreams;
import io.herokuelk.shipper.index.IndexerService;
import io.herokuelk.shipper.index.IndexerSettings;
import io.herokuelk.shipper.ingest.IngestService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end lag: the real drain receiver, broker and indexer in this JVM and a real Elasticsearch node, all with
 * their default settings and the real templates. Batches of the realistic mix (~100 KiB) are posted at a steady
 * rate; each carries one marker router line with a unique {@code request_id}. A poller searches
 * {@code http.request.id} every 50 ms for the markers not yet seen; the lag of a marker is from the start of its
 * POST to the start of the first search that found it.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp bench/target/classes:$(cat bench/target/load-classpath.txt) \
 *   -Dheroku-elk.elasticsearch.home=devstack/target/elasticsearch-9.5.3 \
 *   io.herokuelk.bench.load.EndToEndLag --rate 5 --seconds 100 --warmup 15
 * </pre>
 */
public final class EndToEndLag {

    private static final String TOPIC = "lag-events";
    private static final String DEAD_LETTERS = "lag-dead-letters";
    private static final String USER = "drain";
    private static final String PASSWORD = "correct horse battery staple";
    private static final int POLL_MS = 50;

    private final Map<String, Long> outstanding = new ConcurrentHashMap<>();
    private final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> postLatencies = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Long> statuses = new ConcurrentHashMap<>();

    public static void main(String[] argv) throws Exception {
        Load.Args args = new Load.Args(argv, "rate", "seconds", "warmup", "es-heap-mb", "body-kib");
        int rate = args.integer("rate", 5);
        int seconds = args.integer("seconds", 100);
        int warmup = args.integer("warmup", 15);
        int heapMb = args.integer("es-heap-mb", 1024);
        int bodyBytes = args.integer("body-kib", 100) * 1024;
        Load.quietLogging();
        System.out.println("machine: " + Load.machine());
        System.out.printf(
                Locale.ROOT,
                "%d batches/s of <= %d KiB for %d s (the first %d s not sampled), node heap" + " %d MB%n",
                rate,
                bodyBytes / 1024,
                warmup + seconds,
                warmup,
                heapMb);
        Path directory = Files.createTempDirectory("lag-load-");
        try (EmbeddedKafka kafka = Load.kafka(directory.resolve("kafka"));
                ElasticsearchProcess node = Load.elasticsearch(directory.resolve("elasticsearch"), heapMb)) {
            Load.setup(node.address(), kafka.address(), TOPIC, DEAD_LETTERS);
            new EndToEndLag().run(kafka.address(), node.address(), rate, warmup, seconds, bodyBytes);
        } finally {
            Directories.deleteQuietly(directory);
        }
    }

    private void run(String bootstrap, String url, int rate, int warmup, int seconds, int bodyBytes) throws Exception {
        String namespace = "lag" + System.currentTimeMillis() % 100_000;
        int distinct = 32;
        byte[][] fillers = new byte[distinct][];
        for (int i = 0; i < distinct; i++) {
            fillers[i] = LoadMix.body(9000 + i, bodyBytes - 400);
        }

        Map<String, String> variables = Load.indexerEnvironment(bootstrap, url, TOPIC, DEAD_LETTERS, namespace);
        variables.put("PORT", "0");
        variables.put("DRAIN_CREDENTIALS", USER + ":" + PASSWORD);
        ShipperSettings shipper = ShipperSettings.fromEnvironment(variables);
        IngestService server = new IngestService(shipper, new PrometheusRegistry());
        Environment env = new Environment(variables);
        KafkaSettings kafka = KafkaSettings.from(env);
        IndexerSettings settings = IndexerSettings.from(env, kafka);
        IndexerService indexer =
                new IndexerService(kafka, ElasticsearchSettings.from(env), settings, new PrometheusRegistry());
        System.out.printf(
                Locale.ROOT,
                "drain receiver on 127.0.0.1:%d, indexer into namespace %s (batch %d docs /" + " %d ms wait)%n",
                server.port(),
                namespace,
                settings.batchDocuments(),
                settings.batchWait().toMillis());

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/logs/" + LoadMix.APP);
        String authorization =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String stream = DataStreams.name("heroku.router", namespace);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        long started = System.nanoTime();
        long sampleFrom = started + TimeUnit.SECONDS.toNanos(warmup);
        long total = (long) rate * (warmup + seconds);
        long runId = System.currentTimeMillis();
        try (ElasticsearchClient searcher = Load.client(url)) {
            for (long n = 0; n < total; n++) {
                long number = n;
                scheduler.schedule(
                        () -> post(
                                http,
                                uri,
                                authorization,
                                fillers[(int) (number % distinct)],
                                runId,
                                number,
                                sampleFrom),
                        n * 1_000_000_000L / rate,
                        TimeUnit.NANOSECONDS);
            }
            long end = started + TimeUnit.SECONDS.toNanos(warmup + seconds);
            long giveUp = end + TimeUnit.SECONDS.toNanos(60);
            long lastPrint = started;
            while (System.nanoTime() < giveUp && (System.nanoTime() < end || !outstanding.isEmpty())) {
                long pollStarted = System.nanoTime();
                poll(searcher, stream, pollStarted);
                if (pollStarted - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                    lastPrint = pollStarted;
                    long[] sorted = Load.sorted(new ArrayList<>(lags));
                    System.out.printf(
                            Locale.ROOT,
                            "  %5.1f s  posted %d  samples %d  outstanding %d  p50 %.0f ms"
                                    + "  p99 %.0f ms  statuses %s%n",
                            Load.seconds(started),
                            statuses.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum(),
                            sorted.length,
                            outstanding.size(),
                            Load.percentileMs(sorted, 0.5),
                            Load.percentileMs(sorted, 0.99),
                            new TreeMap<>(statuses));
                }
                long sleep = POLL_MS - (System.nanoTime() - pollStarted) / 1_000_000;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
        } finally {
            scheduler.shutdownNow();
            indexer.close();
            server.close();
            http.close();
        }
        long[] sorted = Load.sorted(new ArrayList<>(lags));
        long[] posts = Load.sorted(new ArrayList<>(postLatencies));
        System.out.println();
        System.out.println("| what | samples | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        System.out.printf(
                Locale.ROOT,
                "| POST to searchable | %d | %.0f | %.0f | %.0f | %.0f |%n",
                sorted.length,
                Load.percentileMs(sorted, 0.5),
                Load.percentileMs(sorted, 0.9),
                Load.percentileMs(sorted, 0.99),
                Load.percentileMs(sorted, 1.0));
        System.out.printf(
                Locale.ROOT,
                "| POST answered (204) | %d | %.0f | %.0f | %.0f | %.0f |%n",
                posts.length,
                Load.percentileMs(posts, 0.5),
                Load.percentileMs(posts, 0.9),
                Load.percentileMs(posts, 0.99),
                Load.percentileMs(posts, 1.0));
        System.out.printf(
                Locale.ROOT,
                "%nmarkers never found: %d; statuses %s; load average after: %s%n",
                outstanding.size(),
                new TreeMap<>(statuses),
                Load.loadAverage());
    }

    private void post(
            HttpClient http, URI uri, String authorization, byte[] filler, long runId, long n, long sampleFrom) {
        String requestId = "lag-" + runId + "-" + n;
        ByteArrayOutputStream body = new ByteArrayOutputStream(filler.length + 400);
        body.writeBytes(filler);
        body.writeBytes(LoadMix.markerFrame(requestId, Instant.now()));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/logplex-1")
                .header("Logplex-Drain-Token", LoadMix.TOKEN)
                .header("Logplex-Frame-Id", LoadMix.frameId(runId, n))
                .header("User-Agent", "Logplex/v123")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        long t0 = System.nanoTime();
        boolean sampled = t0 >= sampleFrom;
        if (sampled) {
            outstanding.put(requestId, t0);
        }
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        statuses.merge(status, 1L, Long::sum);
        if (status == 204) {
            if (sampled) {
                postLatencies.add(System.nanoTime() - t0);
            }
        } else {
            outstanding.remove(requestId);
        }
    }

    private void poll(ElasticsearchClient client, String stream, long pollStarted) {
        List<String> ids = new ArrayList<>(outstanding.keySet());
        if (ids.isEmpty()) {
            return;
        }
        if (ids.size() > 1000) {
            ids = ids.subList(0, 1000);
        }
        List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
        int size = ids.size();
        SearchResponse<Void> response;
        try {
            response = client.search(
                    s -> s.index(stream)
                            .allowNoIndices(true)
                            .ignoreUnavailable(true)
                            .size(size)
                            .source(src -> src.fetch(false))
                            .fields(f -> f.field("http.request.id"))
                            .query(q -> q.terms(t -> t.field("http.request.id").terms(v -> v.value(values)))),
                    Void.class);
        } catch (Exception e) {
            // A data stream created a moment ago answers 503 until its shard is started: nothing found yet.
            return;
        }
        for (Hit<Void> hit : response.hits().hits()) {
            JsonData field = hit.fields().get("http.request.id");
            if (field == null) {
                continue;
            }
            for (String id : field.to(String[].class)) {
                Long postedAt = outstanding.remove(id);
                if (postedAt != null) {
                    lags.add(pollStarted - postedAt);
                }
            }
        }
    }
}
