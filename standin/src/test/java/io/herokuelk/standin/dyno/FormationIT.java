package io.herokuelk.standin.dyno;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.standin.CollectingSink;
import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.logplex.ShipperDocuments;
import io.herokuelk.standin.router.RouteTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Dynos running real processes: the app itself, and small shell and Python commands where those say it simpler. */
class FormationIT {

    static final Path APP_JAR =
            Path.of(System.getProperty("app.jar", "../app/target/app.jar")).toAbsolutePath();
    /** Generous: two JVMs starting at once on a busy 2-core machine. */
    static final Duration BOOT = Duration.ofSeconds(60);

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A listener on $PORT that exits with status 3 once a file named exit-$PORT appears in the app's folder. */
    static final String EXITS_ON_REQUEST = "exec python3 -c '\n"
            + "import os, socket, time\n"
            + "port = os.environ[\"PORT\"]\n"
            + "s = socket.socket()\n"
            + "s.bind((\"127.0.0.1\", int(port)))\n"
            + "s.listen()\n"
            + "print(\"dyno\", os.environ.get(\"DYNO\"), \"greeting\", os.environ.get(\"GREETING\"),"
            + " \"home\", os.environ.get(\"HOME\"), flush=True)\n"
            + "while not os.path.exists(\"exit-\" + port):\n"
            + "    time.sleep(0.05)\n"
            + "os._exit(3)\n"
            + "'";

    @TempDir
    Path appRoot;

    private final CollectingSink lines = new CollectingSink();
    private final List<ProcessHandle> started = new ArrayList<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private Formation formation;

    private Formation formation(int dynos, Duration bootTimeout, Duration stopGrace) {
        formation = new Formation(dynos, appRoot, lines, Clock.systemUTC(), bootTimeout, stopGrace);
        return formation;
    }

    private static Release release(String command, int processes) {
        return new Release("v1", command, Map.of("GREETING", "hello from the config"), processes);
    }

    /** Remembers the dyno's processes and what they started, to be sure that none outlives the test. */
    private void track(Dyno dyno) {
        dyno.processes().forEach(process -> {
            started.add(process);
            process.descendants().forEach(started::add);
        });
    }

    @AfterEach
    void stopEverything() {
        if (formation != null) {
            formation.close();
        }
        List<ProcessHandle> alive =
                started.stream().filter(process -> !gone(process.pid())).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        assertThat(alive)
                .as("processes still running after the formation closed")
                .isEmpty();
    }

    @Test
    void theAppGoesUpOnTwoPortsServesInTurnAndStopsOnSigterm() throws Exception {
        Formation formation = formation(1, BOOT, Duration.ofSeconds(20));
        String command = "java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar " + APP_JAR;

        formation.start(release(command, 2));
        Dyno web1 = formation.dynos().getFirst();
        track(web1);

        assertThat(formation.allUp()).isTrue();
        assertThat(web1.state()).isEqualTo(DynoState.UP);
        assertThat(web1.dynoId()).matches("heroku\\.[0-9]{9}\\." + UUID);
        assertThat(web1.processes()).hasSize(2).allMatch(ProcessHandle::isAlive);
        assertThat(lines.platform("web.1"))
                .containsExactly(
                        "State changed from down to starting",
                        "Starting process with command `" + command + "`",
                        "State changed from starting to up");

        // Each process says on which port it started; the router gets them in turn.
        lines.awaitUntil(
                "both processes to say they started", WAIT, () -> startedPorts().size() == 2);
        Set<Integer> ports = startedPorts();
        List<RouteTarget> picks = Stream.generate(formation::pick)
                .limit(4)
                .map(Optional::orElseThrow)
                .toList();
        assertThat(picks).extracting(RouteTarget::dyno).containsOnly("web.1");
        List<Integer> pickedPorts =
                picks.stream().map(pick -> pick.address().getPort()).toList();
        assertThat(new HashSet<>(pickedPorts)).isEqualTo(ports);
        assertThat(pickedPorts.get(0)).isNotEqualTo(pickedPorts.get(1));
        assertThat(pickedPorts.get(2)).isEqualTo(pickedPorts.get(0));
        assertThat(pickedPorts.get(3)).isEqualTo(pickedPorts.get(1));

        try (HttpClient client =
                HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            for (RouteTarget pick : picks.subList(0, 2)) {
                InetSocketAddress at = pick.address();
                HttpResponse<String> health = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            }
        }
        lines.awaitUntil(
                "both /health requests in the app's log",
                WAIT,
                () -> lines.app("web.1").stream()
                                .filter(line -> line.text().contains("\"GET /health answered 200"))
                                .count()
                        == 2);

        // What the app printed reaches the shipper as the app's own JSON events of web.1.
        List<LogLine> appLines = lines.app("web.1");
        List<JsonNode> docs = ShipperDocuments.documents(appLines);
        assertThat(docs).hasSameSizeAs(appLines).allSatisfy(doc -> {
            assertThat(ShipperDocuments.field(doc, "heroku.dyno").stringValue()).isEqualTo("web.1");
            assertThat(ShipperDocuments.field(doc, "heroku.source").stringValue())
                    .isEqualTo("app");
            assertThat(ShipperDocuments.field(doc, "event.dataset").stringValue())
                    .startsWith("app.");
        });
        assertThat(docs)
                .extracting(doc -> ShipperDocuments.field(doc, "event.dataset").stringValue())
                .contains("app.lifecycle", "app.request");

        List<ProcessHandle> processes = web1.processes();
        web1.stop();

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(web1.state()).isEqualTo(DynoState.DOWN);
        assertThat(formation.pick()).isEmpty();
        assertThat(lines.platform("web.1"))
                .endsWith(
                        "Stopping all processes with SIGTERM",
                        "Process exited with status 143",
                        "State changed from up to down");
        // What the processes print while they shut down still arrives: SIGTERM must not close their output.
        lines.awaitUntil(
                "both processes' last words",
                WAIT,
                () -> lines.app("web.1").stream()
                                .filter(line -> line.text().contains("\"app-stopping\""))
                                .count()
                        == 2);
    }

    @Test
    void whatACrashedProcessStartedDiesWithTheDyno() throws Exception {
        Formation formation = formation(1, BOOT, Duration.ofSeconds(10));
        Dyno web1 = formation.dynos().getFirst();
        formation.start(release("sleep 300 & echo \"child $!\"; " + EXITS_ON_REQUEST, 1));
        track(web1);
        lines.awaitUntil(
                "the child's pid",
                WAIT,
                () -> lines.app("web.1").stream().anyMatch(line -> line.text().startsWith("child ")));
        long child = Long.parseLong(lines.app("web.1").stream()
                .map(LogLine::text)
                .filter(text -> text.startsWith("child "))
                .findFirst()
                .orElseThrow()
                .substring("child ".length()));
        assertThat(ProcessHandle.of(child))
                .as("the background child runs")
                .hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());

        Files.createFile(
                appRoot.resolve("exit-" + web1.pickProcess().orElseThrow().getPort()));

        lines.awaitPlatform("web.1", "State changed from up to crashed", WAIT);
        lines.awaitUntil("the orphaned child to be killed with the dyno", WAIT, () -> gone(child));
    }

    /** Exited, or a zombie nobody has reaped yet (which a container's first process may be slow to do). */
    private static boolean gone(long pid) {
        if (ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true)) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private Set<Integer> startedPorts() {
        Set<Integer> ports = new HashSet<>();
        for (LogLine line : lines.app("web.1")) {
            if (line.text().contains("\"app-started\"")) {
                ports.add(json.readTree(line.text()).path("app.http.port").asInt());
            }
        }
        return ports;
    }

    @Test
    void aProcessThatExitsByItselfCrashesTheDynoAndTakesTheOtherProcessWithIt() throws Exception {
        Formation formation = formation(1, BOOT, Duration.ofSeconds(10));
        AtomicInteger crashes = new AtomicInteger();
        Dyno web1 = formation.dynos().getFirst();
        web1.onCrash(crashes::incrementAndGet);

        formation.start(release(EXITS_ON_REQUEST, 2));
        track(web1);
        assertThat(web1.state()).isEqualTo(DynoState.UP);
        List<ProcessHandle> processes = web1.processes();
        int first = web1.pickProcess().orElseThrow().getPort();
        int second = web1.pickProcess().orElseThrow().getPort();
        assertThat(first).isNotEqualTo(second);

        // The dyno's environment: its name, its port, the config vars, and HOME in the app's folder.
        lines.awaitUntil(
                "both processes to print their environment",
                WAIT,
                () -> lines.app("web.1").size() == 2);
        assertThat(lines.app("web.1"))
                .extracting(LogLine::text)
                .containsOnly("dyno web.1 greeting hello from the config home " + appRoot);

        Files.createFile(appRoot.resolve("exit-" + first));

        lines.awaitPlatform("web.1", "State changed from up to crashed", WAIT);
        assertThat(lines.platform("web.1"))
                .endsWith("Process exited with status 3", "State changed from up to crashed");
        assertThat(web1.state()).isEqualTo(DynoState.CRASHED);
        lines.awaitUntil(
                "both processes to be gone", WAIT, () -> processes.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(listens(second)).as("the other process's port").isFalse();
        assertThat(crashes).hasValue(1);
        assertThat(formation.pick()).isEmpty();
        // The other process was killed with the dyno, not counted as a crash of its own.
        assertThat(lines.platform("web.1"))
                .filteredOn(text -> text.startsWith("Process exited"))
                .hasSize(1);
    }

    @Test
    void aCommandThatNeverBindsItsPortGetsR10AndCrashes() throws Exception {
        Formation formation = formation(1, Duration.ofSeconds(1), Duration.ofSeconds(10));
        Dyno web1 = formation.dynos().getFirst();
        AtomicInteger crashes = new AtomicInteger();
        web1.onCrash(crashes::incrementAndGet);

        formation.start(release("sleep 30", 1));

        assertThat(web1.state()).isEqualTo(DynoState.CRASHED);
        assertThat(lines.platform("web.1"))
                .containsExactly(
                        "State changed from down to starting",
                        "Starting process with command `sleep 30`",
                        "Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 1 seconds of launch",
                        "Stopping process with SIGKILL",
                        "Process exited with status 137",
                        "State changed from starting to crashed");
        assertThat(crashes).hasValue(1);
        assertThat(web1.processes()).noneMatch(ProcessHandle::isAlive);
        assertThat(formation.pick()).isEmpty();
        assertLinesParse();
    }

    @Test
    void aLineOf25000BytesArrivesAsThreeMessages() throws Exception {
        Formation formation = formation(1, BOOT, Duration.ofSeconds(10));

        formation.start(release(
                "head -c 25000 /dev/zero | tr '\\0' a; echo; echo after;"
                        + " exec python3 -m http.server \"$PORT\" --bind 127.0.0.1",
                1));
        track(formation.dynos().getFirst());

        lines.awaitApp("web.1", "after"::equals, WAIT);
        List<LogLine> printed = lines.app("web.1");
        assertThat(printed.subList(0, 4))
                .extracting(LogLine::text)
                .containsExactly("a".repeat(10_000), "a".repeat(10_000), "a".repeat(5_000), "after");
    }

    @Test
    void aProcessThatIgnoresSigtermGetsR12AndIsKilled() throws Exception {
        Formation formation = formation(1, BOOT, Duration.ofSeconds(1));
        formation.start(release("trap '' TERM; exec python3 -m http.server \"$PORT\" --bind 127.0.0.1", 1));
        Dyno web1 = formation.dynos().getFirst();
        track(web1);
        List<ProcessHandle> processes = web1.processes();

        web1.stop();

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(web1.state()).isEqualTo(DynoState.DOWN);
        assertThat(lines.platform("web.1"))
                .endsWith(
                        "Stopping all processes with SIGTERM",
                        "Error R12 (Exit timeout) -> At least one process failed to exit within 1 seconds of SIGTERM",
                        "Stopping remaining processes with SIGKILL",
                        "Process exited with status 137",
                        "State changed from up to down");
        assertLinesParse();
    }

    /** Every platform line the dynos wrote is one the shipper reads, with the fields of its kind. */
    private void assertLinesParse() {
        List<LogLine> platform = lines.all().stream()
                .filter(line -> LogLine.HEROKU.equals(line.appName()))
                .toList();
        List<JsonNode> docs = ShipperDocuments.documents(platform);
        assertThat(docs).hasSameSizeAs(platform);
        for (JsonNode doc : docs) {
            String message = ShipperDocuments.field(doc, "message").stringValue();
            assertThat(ShipperDocuments.field(doc, "event.dataset").stringValue())
                    .isEqualTo("heroku.platform");
            assertThat(ShipperDocuments.field(doc, "heroku.dyno").stringValue()).isEqualTo("web.1");
            if (message.startsWith("Error R")) {
                assertThat(ShipperDocuments.field(doc, "error.code").stringValue())
                        .isEqualTo(message.substring(6, 9));
            } else if (message.startsWith("State changed from ")) {
                assertThat(ShipperDocuments.field(doc, "heroku.state.to").stringValue())
                        .isNotEmpty();
            } else if (message.startsWith("Process exited with status ")) {
                assertThat(ShipperDocuments.field(doc, "process.exit_code").asInt())
                        .isEqualTo(Integer.parseInt(message.substring("Process exited with status ".length())));
            } else if (message.startsWith("Stopping process") || message.startsWith("Stopping all")) {
                assertThat(ShipperDocuments.field(doc, "heroku.signal").stringValue())
                        .startsWith("SIG");
            }
        }
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
