package io.herokuelk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.app.config.AppConfig;
import io.herokuelk.app.log.LogCapture;
import io.herokuelk.app.memory.HostPaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The app over a real socket on an ephemeral port, with prepared procfs files for its memory. */
class AppHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REQUEST_LOGGER = "io.herokuelk.app.request";

    @TempDir
    Path root;

    private App app;
    private LogCapture requestLog;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        if (requestLog != null) {
            requestLog.detach(REQUEST_LOGGER);
        }
    }

    @Test
    void healthAnswersInTheOldServicesShapeFirstThenExtras() throws Exception {
        start(false);
        HttpResponse<String> response = get("/health", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        List<String> keys = List.copyOf(body.propertyNames());
        assertThat(keys.subList(0, 5))
                .containsExactly("status", "memory_mb", "memory_limit_mb", "within_limit", "percent_of_limit");
        assertThat(response.body())
                .startsWith(
                        "{\"status\":\"running\",\"memory_mb\":234.56,\"memory_limit_mb\":512.0,\"within_limit\":true,"
                                + "\"percent_of_limit\":45.8,");
        assertThat(keys).contains("memory_limit_source", "heap_used_mb", "heap_max_mb", "threads", "uptime_seconds");
        assertThat(body.get("memory_limit_source").asString()).isEqualTo("heroku_ulimit");
    }

    @Test
    void herokusRequestIdIsEchoedAndLogged() throws Exception {
        start(false);
        String id = "6f1c2b9e-1d7a-4a51-9d42-0c8f5e2b7a10";
        HttpResponse<String> response = get("/health", Map.of("X-Request-ID", id, "User-Agent", "probe/1.0"));

        assertThat(response.headers().firstValue("X-Request-ID")).hasValue(id);
        String line = awaitRequestLine();
        assertThat(line)
                .contains(
                        "\"http.request.id\":\"" + id + "\"",
                        "\"url.path\":\"/health\"",
                        "\"http.response.status_code\":200",
                        "\"user_agent.original\":\"probe/1.0\"",
                        "\"event.dataset\":\"app.request\"");
    }

    @Test
    void withoutARequestIdOneIsMadeEchoedAndLogged() throws Exception {
        start(false);
        HttpResponse<String> response = get("/api/notes", Map.of());

        String id = response.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(awaitRequestLine()).contains("\"http.request.id\":\"" + id + "\"");
    }

    @Test
    void theQueryStringIsNeverLogged() throws Exception {
        start(false);
        get("/api/notes?limit=5&token=secret-value", Map.of());
        assertThat(awaitRequestLine()).contains("\"url.path\":\"/api/notes\"").doesNotContain("secret-value");
    }

    @Test
    void notesCanBeCreatedFoundAndDeleted() throws Exception {
        start(false);
        HttpResponse<String> created = send("POST", "/api/notes", "{\"text\":\"Dynos restart every day.\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/notes/1");

        HttpResponse<String> found = get("/api/notes/search?q=restarts+dynos", Map.of());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).get("hits")).isEmpty(); // no stemming: "restarts" is not "restart"
        found = get("/api/notes/search?q=restart+dynos", Map.of());
        assertThat(JSON.readTree(found.body())
                        .get("hits")
                        .get(0)
                        .get("note")
                        .get("id")
                        .asInt())
                .isEqualTo(1);

        assertThat(send("DELETE", "/api/notes/1", null).statusCode()).isEqualTo(204);
        assertThat(get("/api/notes/1", Map.of()).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/notes", "{\"nope\":1}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/notes", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void theDemoEndpointDoesNotExistUnlessTurnedOn() throws Exception {
        start(false);
        assertThat(send("POST", "/demo/hold?mb=1", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theDemoEndpointHoldsAndReleasesMemoryWhenTurnedOn() throws Exception {
        start(true);
        HttpResponse<String> held = send("POST", "/demo/hold?mb=2", null);
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(held.body()).get("held_mb").asInt()).isEqualTo(2);
        HttpResponse<String> released = send("DELETE", "/demo/hold", null);
        assertThat(JSON.readTree(released.body()).get("released_mb").asInt()).isEqualTo(2);
    }

    private void start(boolean demo) throws IOException {
        Path proc = Files.createDirectories(root.resolve("proc/self"));
        // 240189 kB = 234.56 MB, 45.8% of the 512 MB that a process limit of 256 means on Heroku.
        Files.writeString(proc.resolve("status"), "Name:\tjava\nVmRSS:\t  240189 kB\nVmSwap:\t       0 kB\n");
        Files.writeString(
                proc.resolve("limits"),
                "Limit                     Soft Limit           Hard Limit           Units     \n"
                        + "Max processes             256                  256                  processes\n");
        Map<String, String> env = demo ? Map.of("DEMO_MEMORY_ENDPOINT", "true") : Map.of();
        AppConfig config = AppConfig.from(env);
        config = new AppConfig(
                new AppConfig.Http(0, 4, Duration.ofSeconds(1), 64),
                config.memory(),
                config.notes(),
                config.worker(),
                config.demoMemoryEndpoint(),
                config.preload(),
                config.logLevel());
        requestLog = LogCapture.attach(REQUEST_LOGGER);
        app = App.start(config, new HostPaths(root.resolve("proc"), root.resolve("cgroup")));
    }

    /** The request event is written after the response is sent, so it may trail the client by a moment. */
    private String awaitRequestLine() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (requestLog.lines().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(requestLog.lines()).hasSize(1);
        return requestLog.lines().getFirst();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }
}
