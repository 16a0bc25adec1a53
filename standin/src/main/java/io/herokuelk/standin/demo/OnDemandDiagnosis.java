package io.herokuelk.standin.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the shipper what the figures say of a dyno's memory when no alert does: {@code shipper.jar diagnose --json}
 * against the demo's Elasticsearch, as an operator would run it.
 */
final class OnDemandDiagnosis {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final Path shipperJar;
    private final URI elasticsearch;
    private final String app;

    OnDemandDiagnosis(Path shipperJar, URI elasticsearch, String app) {
        this.shipperJar = shipperJar;
        this.elasticsearch = elasticsearch;
        this.app = app;
    }

    /** The diagnosis of {@code dyno} over the last {@code window}, or null when the command gave none. */
    ReceivedDiagnosis of(String dyno, Duration window) throws InterruptedException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                shipperJar.toString(),
                "diagnose",
                "--app",
                app,
                "--dyno",
                dyno,
                "--window",
                Math.max(1, window.toSeconds()) + "s",
                "--json");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ELASTICSEARCH_URL", elasticsearch.toString());
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return ReceivedDiagnosis.from(JSON.readTree(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
