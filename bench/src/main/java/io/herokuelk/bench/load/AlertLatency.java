package io.herokuelk.bench.load;

import com.sun.net.httpserver.HttpServer;
import io.herokuelk.bench.Directories;
import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.shipper.alert.AlertService;
import io.herokuelk.shipper.alert.AlerterSettings;
import io.herokuelk.shipper.alert.notify.Destinations;
import io.herokuelk.shipper.alert.notify.NotifierSettings;
import io.herokuelk.shipper.alert.rules.RuleTypes;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.config.ShipperSettings;
import io.herokuelk.shipper.ingest.IngestService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Latency from a drain POST carrying an R14 to the alert arriving at a webhook: the real drain receiver, broker,
 * alerter (default rules) and an HTTP receiver on loopback. Each sample is a new dyno's R14, so each is one alert.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/load-classpath.txt) io.herokuelk.bench.load.AlertLatency --samples 300 --rate 5</pre>
 */
public final class AlertLatency {

    private static final String USER = "drain";
    private static final String PASSWORD = "correct horse battery staple";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AlertLatency() {}

    public static void main(String[] argv) throws Exception {
        Load.Args args = new Load.Args(argv, "samples", "rate", "warmup");
        int samples = args.integer("samples", 300);
        int rate = args.integer("rate", 5);
        int warmup = args.integer("warmup", 20);
        Load.quietLogging();
        System.out.println("machine: " + Load.machine());
        Path directory = Files.createTempDirectory("alert-latency-");
        Map<String, Long> posted = new ConcurrentHashMap<>();
        Map<String, Long> received = new ConcurrentHashMap<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        webhook.createContext("/hook", exchange -> {
            try (exchange) {
                long now = System.nanoTime();
                var alert = JSON.readTree(exchange.getRequestBody().readAllBytes());
                if ("firing".equals(alert.at("/heroku_elk/alert/state").asString())) {
                    received.putIfAbsent(alert.at("/heroku/dyno").asString(), now);
                }
                exchange.sendResponseHeaders(202, -1);
            }
        });
        webhook.start();
        try (EmbeddedKafka kafka = Load.kafka(directory.resolve("kafka"))) {
            Load.createTopics(kafka.address(), 6, "latency-events", "latency-alerts", "latency-dead");
            Map<String, String> variables = new HashMap<>(Map.of(
                    "PORT", "0",
                    "DRAIN_CREDENTIALS", USER + ":" + PASSWORD,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.address(),
                    "KAFKA_EVENTS_TOPIC", "latency-events",
                    "KAFKA_DEAD_LETTER_TOPIC", "latency-dead",
                    "KAFKA_ALERTS_TOPIC", "latency-alerts",
                    "ALERT_WEBHOOK_URL",
                            "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"));
            ShipperSettings shipper = ShipperSettings.fromEnvironment(variables);
            PrometheusRegistry registry = new PrometheusRegistry();
            Environment env = new Environment(variables);
            KafkaSettings kafkaSettings = KafkaSettings.from(env);
            var destinations = Destinations.fromEnvironment(env);
            env.validate();
            try (IngestService drain = new IngestService(shipper, registry);
                    AlertService alerter = new AlertService(
                            kafkaSettings,
                            AlerterSettings.from(env, kafkaSettings),
                            RuleTypes.rulesFile().loadDefaults(),
                            destinations,
                            NotifierSettings.DEFAULTS,
                            registry,
                            Clock.systemUTC())) {
                Thread.sleep(5_000); // the alerter joins its groups
                post(drain.port(), samples, rate, posted);
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (received.size() < samples && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
        } finally {
            webhook.stop(0);
            Directories.deleteQuietly(directory);
        }
        report(samples, warmup, posted, received);
    }

    private static void post(int port, int samples, int rate, Map<String, Long> posted) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String authorization =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        long intervalNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            String dyno = "web." + (i + 1);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/logs/myapp"))
                    .header("Content-Type", "application/logplex-1")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(r14(dyno, Instant.now())))
                    .build();
            posted.put(dyno, System.nanoTime());
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                System.out.println("drain answered " + response.statusCode() + " for " + dyno);
            }
            next += intervalNanos;
            long pause = next - System.nanoTime();
            if (pause > 0) {
                Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
            }
            System.out.printf(Locale.ROOT, "\rposted %d/%d", i + 1, samples);
        }
        System.out.println();
    }

    private static byte[] r14(String dyno, Instant at) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String message : List.of(
                "<45>1 " + at + " host heroku " + dyno + " - Process running mem=909M(177.6%)\n",
                "<45>1 " + at.plusMillis(1) + " host heroku " + dyno + " - Error R14 (Memory quota exceeded)\n")) {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            body.writeBytes((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(bytes);
        }
        return body.toByteArray();
    }

    private static void report(int samples, int warmup, Map<String, Long> posted, Map<String, Long> received) {
        List<Long> latencies = new ArrayList<>();
        for (int i = warmup; i < samples; i++) {
            String dyno = "web." + (i + 1);
            Long sent = posted.get(dyno);
            Long arrived = received.get(dyno);
            if (sent != null && arrived != null) {
                latencies.add(arrived - sent);
            }
        }
        long[] sorted = Load.sorted(latencies);
        System.out.printf(
                Locale.ROOT,
                "alerts received %d of %d; measured %d (after %d warm-up)%n",
                received.size(),
                samples,
                sorted.length,
                warmup);
        if (sorted.length > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "drain POST -> webhook: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    Load.percentileMs(sorted, 0.50),
                    Load.percentileMs(sorted, 0.99),
                    Load.percentileMs(sorted, 1.0));
        }
    }
}
