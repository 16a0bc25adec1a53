package io.herokuelk.shipper.testing;

import io.herokuelk.shipper.config.ShipperSettings;
import io.herokuelk.shipper.ingest.IngestService;
import io.herokuelk.shipper.telemetry.JvmInstrumentation;
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

/** The real HTTPS drain receiver on a free port, publishing to a real broker, and a client to post to it. */
public final class RunningIngest implements AutoCloseable {

    public static final String USER = "drain";
    public static final String PASSWORD = "correct horse battery staple";
    /** {@code METRICS_CREDENTIALS}, when a test sets it: what {@link #metrics()} signs in with. */
    public static final String METRICS_USER = "prometheus";

    public static final String METRICS_PASSWORD = "scrape-me-0123456789";

    private final ShipperSettings settings;
    private final IngestService service;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningIngest(ShipperSettings settings, IngestService service) {
        this.settings = settings;
        this.service = service;
    }

    /** Starts with drain credentials {@link #USER}:{@link #PASSWORD} and the given extra variables. */
    public static RunningIngest start(
            String bootstrap, String eventsTopic, String deadLetterTopic, Map<String, String> extra)
            throws IOException {
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", "0",
                "DRAIN_CREDENTIALS", USER + ":" + PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "KAFKA_EVENTS_TOPIC", eventsTopic,
                "KAFKA_DEAD_LETTER_TOPIC", deadLetterTopic));
        env.putAll(extra);
        ShipperSettings settings = ShipperSettings.fromEnvironment(env);
        Topics.create(bootstrap, 1, eventsTopic, deadLetterTopic); // as setup does, before the first batch
        return new RunningIngest(settings, new IngestService(settings, JvmInstrumentation.newRegistry()));
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
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code /metrics} on the drain's port, signed in with {@link #METRICS_USER}. */
    public HttpResponse<String> metrics() throws Exception {
        return send(HttpRequest.newBuilder(uri("/metrics"))
                .GET()
                .header("Authorization", basic(METRICS_USER, METRICS_PASSWORD)));
    }

    public IngestService service() {
        return service;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        service.close();
    }
}
