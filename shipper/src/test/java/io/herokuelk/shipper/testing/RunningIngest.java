package io.herokuelk.shipper.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;


import io.herokuelk.shipper.config.ShipperSettings;
import io.herokuelk.shipper.ingest.IngestService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The real HTTPS drain receiver on a free port, publishing to a real broker, and a client to post to it. */
public final class RunningIngest implements AutoCloseable {

    public static final String USER = "drain";
    public static final String PASSWORD = "correct horse";

    private final ShipperSettings settings;
    private final IngestService service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningIngest(ShipperSettings settings, IngestService service) {
        this.settings = settings;
        this.service = service;
    }

    /** Starts with drain credentials {@link #USER}:{@link #PASSWORD} and the given extra variables. */
    public static RunningIngest start(String bootstrap, String eventsTopic, String deadLetterTopic,
                                     Map<String, String> extra) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", "0",
                "DRAIN_CREDENTIALS", USER + ":" + PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "KAFKA_EVENTS_TOPIC", eventsTopic,
                "KAFKA_DEAD_LETTER_TOPIC", deadLetterTopic));
        env.putAll(extra);
        ShipperSettings settings = ShipperSettings.fromEnvironment(env);
        Topics.create(bootstrap, 1, eventsTopic, deadLetterTopic); // as setup does, before the first batch
        return new RunningIngest(settings, new IngestService(settings, new PrometheusRegistry()));
    }

    public ShipperSettings settings() {
        return settings;
    }

    public int port() {
        return service.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    /** Posts a Logplex batch as Logplex does (headers, credentials); {@code frameId} may be null. */
    public HttpResponse<String> post(String path, byte[] body, String frameId, boolean authenticated) throws Exception {
        HttpRequest.Builder request = request(path, body)
                .header("Content-Type", "application/logplex-1")
                .header("Logplex-Drain-Token", "d.01234567-89ab-4def-8123-456789abcdef")
                .header("User-Agent", "Logplex/v123");
        if (frameId != null) {
            request.header("Logplex-Frame-Id", frameId);
        }
        if (authenticated) {
            request.header("Authorization", basic(USER, PASSWORD));
        }
        return send(request);
    }

    public HttpRequest.Builder request(String path, byte[] body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        service.close();
    }
}
