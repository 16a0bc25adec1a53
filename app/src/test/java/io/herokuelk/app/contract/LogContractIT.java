package io.herokuelk.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParserSettings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract between the app and the shipper: the app's real stdout (its jar, run as Heroku runs it), framed as
 * Logplex frames it, parsed by the shipper's parser, gives the fields the indexer, alerts and dashboards rely on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogContractIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private Process app;
    private int port;

    @BeforeAll
    void startTheApp() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx96m", "-jar", System.getProperty("app.jar"))
                .redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("MEMORY_SAMPLE_SECONDS", "1");
        app = builder.start();
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(stdout::add);
            } catch (java.io.IOException e) {
                // the app stopped
            }
        });
        awaitLine("\"memory-sampled\"");
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .header("X-Request-ID", "6f1c2b9e-join-key")
                                .header("User-Agent", "contract-test/1.0")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        awaitLine("6f1c2b9e-join-key");
    }

    @AfterAll
    void stopTheApp() throws Exception {
        app.destroy();
        app.waitFor();
    }

    @Test
    void everyLineIsOneJsonObjectWellUnderHerokusSplit() {
        assertThat(stdout).isNotEmpty().allSatisfy(line -> {
            assertThat(line).startsWith("{").endsWith("}");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThan(10_000);
        });
    }

    @Test
    void theRequestEventArrivesWithTheJoinKeyAndTheDocumentedFields() {
        JsonNode request = parsed().stream()
                .filter(d -> "app.request".equals(text(d, "event.dataset")))
                .findFirst()
                .orElseThrow();

        assertThat(text(request, "http.request.id")).isEqualTo("6f1c2b9e-join-key");
        assertThat(text(request, "http.request.method")).isEqualTo("GET");
        assertThat(text(request, "url.path")).isEqualTo("/health");
        assertThat(field(request, "http.response.status_code").asInt()).isEqualTo(200);
        assertThat(field(request, "event.duration").asLong()).isPositive();
        assertThat(text(request, "user_agent.original")).isEqualTo("contract-test/1.0");
        assertThat(text(request, "heroku.dyno")).isEqualTo("web.1");
        assertThat(text(request, "heroku.app")).isEqualTo("myapp");
        assertThat(text(request, "log.level"))
                .as("ECS log.level, lower-cased by the shipper")
                .isEqualTo("info");
    }

    @Test
    void theMemoryEventArrivesWithItsFigures() {
        JsonNode memory = parsed().stream()
                .filter(d -> "memory-sampled".equals(text(d, "event.action")))
                .findFirst()
                .orElseThrow();

        assertThat(text(memory, "event.dataset")).isEqualTo("app.memory");
        for (String name : List.of(
                "rss_mb",
                "limit_mb",
                "percent_of_limit",
                "heap_used_mb",
                "heap_max_mb",
                "nonheap_used_mb",
                "threads",
                "gc_count",
                "gc_time_ms")) {
            assertThat(field(memory, "app.memory." + name).isNumber())
                    .as("app.memory.%s", name)
                    .isTrue();
        }
        assertThat(field(memory, "app.memory.within_limit").isBoolean()).isTrue();
        assertThat(field(memory, "@timestamp").asString()).isNotBlank();
    }

    /** Every captured line as the shipper sees it: octet-counted frames from dyno web.1 of app "myapp". */
    private List<JsonNode> parsed() {
        List<String> lines = List.copyOf(stdout); // the app keeps printing meanwhile
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String line : lines) {
            String message = "<190>1 " + Instant.now() + " host app web.1 - " + line + "\n";
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            body.writeBytes((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(bytes);
        }
        ParsedBatch batch = new DrainBodyParser(ParserSettings.defaults())
                .parseBody(body.toByteArray(), DrainContext.of("myapp", Instant.now()));
        assertThat(batch.garbage()).isEmpty();
        assertThat(batch.events()).hasSameSizeAs(lines);
        return batch.events().stream()
                .map(event -> JSON.readTree(event.document()))
                .toList();
    }

    /** A field by its dotted name, whether the document nests it or keeps the dotted key. */
    private static JsonNode field(JsonNode document, String dotted) {
        if (document.has(dotted)) {
            return document.get(dotted);
        }
        int dot = dotted.indexOf('.');
        for (int at = dot; at > 0; at = dotted.indexOf('.', at + 1)) {
            JsonNode child = document.get(dotted.substring(0, at));
            if (child != null && child.isObject()) {
                JsonNode found = field(child, dotted.substring(at + 1));
                if (!found.isMissingNode()) {
                    return found;
                }
            }
        }
        return JSON.missingNode();
    }

    private static String text(JsonNode document, String dotted) {
        JsonNode value = field(document, dotted);
        return value.isMissingNode() ? null : value.asString();
    }

    private void awaitLine(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stdout.stream().noneMatch(line -> line.contains(fragment))) {
            assertThat(System.nanoTime())
                    .as("a line with %s; the app printed %s", fragment, stdout)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
