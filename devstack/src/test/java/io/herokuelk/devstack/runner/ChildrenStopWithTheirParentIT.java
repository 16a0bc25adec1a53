package io.herokuelk.devstack.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.devstack.testing.RealServices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local stack's services are child processes: they must stop when their parent is killed with {@code kill -9},
 * and a new start on the same directories must find the data written before.
 */
class ChildrenStopWithTheirParentIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killingTheParentStopsKafkaAndElasticsearchAndARestartKeepsTheirData() throws Exception {
        Path directory = RealServices.runDirectory().resolve("orphan-" + UUID.randomUUID());
        Process parent = startParent(directory);
        String[] ready = awaitReadyLine(parent);
        String kafkaAddress = ready[1];
        String elasticsearchUrl = ready[2];
        String topic = "orphan-check";
        List<String> sent = KafkaRunnerIT.produce(kafkaAddress, topic, 10);
        send("PUT", elasticsearchUrl + "/orphan-check/_doc/1?refresh=true", "{\"survives\":true}");
        List<ProcessHandle> children = parent.descendants().toList();
        assertThat(children).as("the parent's service processes").hasSizeGreaterThanOrEqualTo(3);

        parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(children.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::info))
                .as("processes left running after kill -9 of their parent")
                .isEmpty();

        try (KafkaProcess kafka = new KafkaProcess(directory.resolve("kafka"), 0, 0, "256m");
                ElasticsearchProcess elasticsearch =
                        new ElasticsearchProcess(directory.resolve("elasticsearch"), 0, 256)) {
            kafka.start();
            elasticsearch.start();
            assertThat(KafkaRunnerIT.consume(kafka.address(), topic, sent.size()))
                    .containsExactlyElementsOf(sent);
            assertThat(send("GET", elasticsearch.address() + "/orphan-check/_doc/1", null))
                    .contains("\"survives\":true");
        }
    }

    private static Process startParent(Path directory) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-Xmx128m",
                        "-D" + ElasticsearchProcess.HOME_PROPERTY + "="
                                + System.getProperty(ElasticsearchProcess.HOME_PROPERTY),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanParentMain.class.getName(),
                        directory.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the parent's output until its ready line, keeping what it printed for the failure message. */
    private static String[] awaitReadyLine(Process parent) throws Exception {
        StringBuilder output = new StringBuilder();
        CompletableFuture<String[]> ready = CompletableFuture.supplyAsync(() -> {
            try (var reader =
                    new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.append(line).append('\n');
                    if (line.startsWith("READY ")) {
                        return line.split(" ");
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        String[] line = ready.get(240, TimeUnit.SECONDS);
        assertThat(line).as("the parent's ready line; it printed:%n%s", output).isNotNull();
        return line;
    }

    private String send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, url, response.body())
                .isBetween(200, 299);
        return response.body();
    }
}
