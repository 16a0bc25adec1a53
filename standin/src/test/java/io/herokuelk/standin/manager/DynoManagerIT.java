package io.herokuelk.standin.manager;

import static io.herokuelk.standin.logplex.ShipperDocuments.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.standin.CollectingSink;
import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.dyno.Dyno;
import io.herokuelk.standin.dyno.DynoState;
import io.herokuelk.standin.dyno.Formation;
import io.herokuelk.standin.dyno.ProcessTreeMemory;
import io.herokuelk.standin.dyno.Release;
import io.herokuelk.standin.logplex.ShipperDocuments;
import io.herokuelk.standin.router.RouteTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The dyno manager watching the real app: R14 over the quota, R15 and a SIGKILL past the limit, then a restart. */
class DynoManagerIT {

    static final Path APP_JAR =
            Path.of(System.getProperty("app.jar", "../app/target/app.jar")).toAbsolutePath();
    static final Duration WAIT = Duration.ofSeconds(60);
    /** The app idles well under this with a 64 MB heap and the serial collector (about 75 MB here). */
    static final double QUOTA_MB = 128;
    /** The app holds direct memory on request; the JVM's default ceiling (the heap's size) would be too low. */
    static final String COMMAND =
            "java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1" + " -XX:MaxDirectMemorySize=512m -jar " + APP_JAR;

    @TempDir
    Path appRoot;

    private final CollectingSink lines = new CollectingSink();
    private final List<ProcessHandle> started = new ArrayList<>();
    private final HttpClient client =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private Formation formation;
    private DynoManager manager;

    @AfterEach
    void stopEverything() {
        if (manager != null) {
            manager.close();
        }
        if (formation != null) {
            formation.dynos().forEach(this::track);
            formation.close();
        }
        client.close();
        List<ProcessHandle> alive =
                started.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        assertThat(alive)
                .as("processes still running after the formation closed")
                .isEmpty();
    }

    private void track(Dyno dyno) {
        dyno.processes().forEach(process -> {
            started.add(process);
            process.descendants().forEach(started::add);
        });
    }

    @Test
    void overTheQuotaGivesR14PastTheLimitR15AndAKillThenTheDynoComesBackAsANewDyno() throws Exception {
        ManagerSettings settings = new ManagerSettings(
                QUOTA_MB, 2.0, Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofSeconds(1));
        formation = new Formation(1, appRoot, lines, Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(10));
        manager = new DynoManager(formation, new ProcessTreeMemory(), lines, Clock.systemUTC(), settings);
        Dyno web1 = formation.dynos().getFirst();

        formation.start(new Release("v1", COMMAND, Map.of("DEMO_MEMORY_ENDPOINT", "true"), 1));
        track(web1);
        assertThat(web1.state()).isEqualTo(DynoState.UP);
        String firstId = web1.dynoId();
        manager.start();

        // Samples come every interval, under the quota: no R14 yet.
        lines.awaitUntil(
                "a memory sample of web.1", WAIT, () -> !memorySamples(firstId).isEmpty());
        double idle = manager.read(web1).usage().quotaUsedMb();
        assertThat(idle).as("the idle app's rss + swap, MB").isGreaterThan(10).isLessThan(QUOTA_MB - 16);
        assertThat(lines.platform("web.1")).doesNotContain(RuntimeMetricsLines.R14);

        // Over the quota: R14 comes with the next sample.
        hold((int) Math.ceil(QUOTA_MB - idle) + 24);
        lines.awaitPlatform("web.1", RuntimeMetricsLines.R14, WAIT);
        List<String> said = lines.platform("web.1");
        int r14 = said.indexOf(RuntimeMetricsLines.R14);
        assertThat(said.get(r14 - 1)).startsWith("Process running mem=");
        assertThat(said.get(r14 - 2)).startsWith("source=web.1 dyno=" + firstId + " sample#load_avg_1m=");
        assertThat(said.get(r14 - 3))
                .startsWith("source=web.1 dyno=" + firstId + " sample#memory_total=")
                .contains("sample#memory_quota=128.00MB");
        JsonNode overQuota = platformDocument(said.get(r14 - 3));
        assertThat(field(overQuota, "heroku.memory.quota_pct").asDouble()).isGreaterThan(100);
        assertThat(field(overQuota, "heroku.memory.rss_mb").asDouble()).isGreaterThan(QUOTA_MB);
        assertThat(field(overQuota, "heroku.dyno_id").stringValue()).isEqualTo(firstId);
        JsonNode running = platformDocument(said.get(r14 - 1));
        assertThat(field(running, "heroku.memory.quota_pct").asDouble())
                .isGreaterThan(100)
                .isLessThan(200);
        assertThat(manager.latest().get("web.1").percentOfQuota()).isGreaterThan(100);
        assertThat(web1.state()).isEqualTo(DynoState.UP);

        // Past twice the quota: R15, the SIGKILL, and the crash, one after the other.
        double over = manager.read(web1).usage().quotaUsedMb();
        hold((int) Math.ceil(settings.r15LimitMb() - over) + 32);
        lines.awaitPlatform("web.1", "State changed from up to crashed", WAIT);
        said = lines.platform("web.1");
        int r15 = said.indexOf(RuntimeMetricsLines.R15);
        assertThat(r15).as("R15 in\n" + lines).isPositive();
        assertThat(said.get(r15 - 1)).startsWith("Process running mem=");
        JsonNode vastly = platformDocument(said.get(r15 - 1));
        assertThat(field(vastly, "heroku.memory.quota_pct").asDouble()).isGreaterThanOrEqualTo(200);
        assertThat(said.subList(r15, r15 + 4))
                .containsExactly(
                        "Error R15 (Memory quota vastly exceeded)",
                        "Stopping process with SIGKILL",
                        "Process exited with status 137",
                        "State changed from up to crashed");

        // After the restart delay the dyno starts again: same name, a new dyno id, samples under the new id.
        lines.awaitPlatform("web.1", "State changed from starting to up", 2, WAIT);
        track(web1);
        String secondId = web1.dynoId();
        assertThat(secondId).isNotEqualTo(firstId).startsWith("heroku.");
        said = lines.platform("web.1");
        assertThat(said.subList(said.indexOf("State changed from up to crashed") + 1, said.size()))
                .containsSubsequence(
                        "State changed from crashed to starting",
                        "Starting process with command `" + COMMAND + "`",
                        "State changed from starting to up");
        lines.awaitUntil(
                "a memory sample of the new dyno",
                WAIT,
                () -> !memorySamples(secondId).isEmpty());
        assertThat(formation.pick()).map(RouteTarget::dyno).hasValue("web.1");

        // Every platform line of the episode reads as the documented fields.
        List<LogLine> platform = lines.all().stream()
                .filter(line -> LogLine.HEROKU.equals(line.appName()))
                .toList();
        List<JsonNode> docs = ShipperDocuments.documents(platform);
        assertThat(docs).hasSameSizeAs(platform);
        assertThat(docs)
                .filteredOn(doc -> "heroku.runtime_metrics"
                        .equals(field(doc, "event.dataset").stringValue(null)))
                .isNotEmpty()
                .allSatisfy(doc ->
                        assertThat(field(doc, "heroku.dyno_id").stringValue()).isIn(firstId, secondId));
        assertThat(docs)
                .extracting(doc -> field(doc, "error.code").stringValue(null))
                .contains("R14", "R15");
        assertThat(docs)
                .filteredOn(doc -> field(doc, "process.exit_code").asInt() == 137)
                .hasSize(1);
    }

    /** A line of web.1 as the shipper reads it. */
    private static JsonNode platformDocument(String text) {
        return ShipperDocuments.document(LogLine.heroku(Instant.now(), "web.1", text));
    }

    /** The memory lines written about the dyno with this id. */
    private List<String> memorySamples(String dynoId) {
        return lines.platform("web.1").stream()
                .filter(text -> text.startsWith("source=web.1 dyno=" + dynoId + " sample#memory_total="))
                .toList();
    }

    /** Asks the app, through the dyno the formation picks, to hold this much more memory. */
    private void hold(int mb) throws InterruptedException {
        RouteTarget target = formation.pick().orElseThrow();
        URI uri = URI.create("http://127.0.0.1:" + target.address().getPort() + "/demo/hold?mb=" + mb);
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"direct_limit_reached\":false");
        } catch (IOException e) {
            // Past the R15 limit the dyno may be killed before it answers: the lines tell what happened.
        }
    }
}
