package io.herokuelk.standin.demo;

import io.herokuelk.devstack.runner.ServiceStartException;
import io.herokuelk.devstack.stack.DrainCredentials;
import io.herokuelk.devstack.stack.LocalStack;
import io.herokuelk.devstack.stack.StackSettings;
import io.herokuelk.standin.StandIn;
import io.herokuelk.standin.dyno.Release;
import io.herokuelk.standin.logplex.LogplexSettings;
import io.herokuelk.standin.manager.ManagerSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./dev run}: the 909 MB incident, end to end on this machine. Starts Kafka, Elasticsearch and the shipper
 * (setup, ingest, indexer, alerter) with their data in {@code STACK_DIR} (default {@code .local/demo}, emptied at
 * every run), then the stand-in with the real app, plays the {@link Incident} and prints the {@link DemoReport}.
 * Everything keeps running afterwards for a look around, until Ctrl-C; {@code --exit} stops after the report, with
 * status 0 only when every expected alert fired and resolved.
 *
 * <pre>
 *   --pace=quick|default|heroku   how fast the story plays (see DemoPace); default: default
 *   --exit                        stop after the report
 * </pre>
 */
public final class Demo {

    static final String APP_NAME = "demo-app";
    /** Marks a folder as the demo's own, so that emptying it at the next run can never hit anything else. */
    static final String MARKER = ".heroku-elk-demo";

    private Demo() {}

    public static void main(String[] args) throws Exception {
        DemoPace pace = DemoPace.named("default");
        boolean exitAfterReport = false;
        for (String arg : args) {
            if (arg.startsWith("--pace=")) {
                pace = DemoPace.named(arg.substring("--pace=".length()));
            } else if (arg.equals("--exit")) {
                exitAfterReport = true;
            } else {
                System.err.println("Unknown option " + arg + ". Options: --pace=" + String.join("|", DemoPace.names())
                        + ", --exit");
                System.exit(2);
            }
        }
        DemoSettings settings;
        try {
            settings = DemoSettings.fromEnvironment(System.getenv());
            prepare(settings.stack().directory());
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status;
        try {
            status = run(pace, settings, exitAfterReport);
        } catch (Exception | Error e) {
            // Whatever went wrong, the shutdown hook still stops every process the demo started.
            System.err.println("The demo failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static int run(DemoPace pace, DemoSettings demoSettings, boolean exitAfterReport) throws Exception {
        StackSettings settings = demoSettings.stack();
        Map<String, String> environment = demoSettings.environment();
        Clock clock = Clock.systemUTC();
        Console console = new Console(System.out, clock);
        AlertReceiver receiver = new AlertReceiver(clock);
        receiver.onAlert(new AlertPrinter(console));
        Map<String, String> shipperEnvironment = new HashMap<>(environment);
        shipperEnvironment.put("ALERT_WEBHOOK_URL", receiver.url().toString());
        if (pace.timeLapse() > 1) {
            Path rules = settings.directory().resolve("alert-rules.yml");
            Files.writeString(rules, DemoRules.yaml(pace));
            shipperEnvironment.put("ALERT_RULES_FILE", rules.toString());
        }
        String credentials = DrainCredentials.resolve(environment, settings.directory())
                .split(",")[0]
                .strip();
        Path shipperJar = Path.of(System.getProperty(LocalStack.SHIPPER_JAR_PROPERTY, "shipper/target/shipper.jar"))
                .toAbsolutePath();
        LocalStack stack = new LocalStack(
                LocalStack.services(settings, shipperJar, credentials, shipperEnvironment), "", System.out);
        StandIn[] standIn = new StandIn[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(
                () -> {
                    if (standIn[0] != null) {
                        standIn[0].close();
                    }
                    stack.stop();
                    receiver.close();
                    stopped.countDown();
                },
                "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        console.mark("Starting Kafka, Elasticsearch and the shipper (setup, ingest, indexer, alerter) in "
                + settings.directory() + "; pace '" + pace.name() + "'");
        try {
            stack.start();
        } catch (ServiceStartException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        URI elasticsearch = URI.create("http://127.0.0.1:" + settings.elasticsearchPort());
        URI drain = URI.create("http://" + credentials + "@127.0.0.1:" + settings.shipperPort() + "/logs/" + APP_NAME);
        console.mark("Pipeline up: drain http://127.0.0.1:" + settings.shipperPort() + "/logs/" + APP_NAME
                + ", Elasticsearch " + elasticsearch + ", alerts to " + receiver.url());

        PlatformWatch platform = new PlatformWatch(console);
        ManagerSettings manager = ManagerSettings.heroku().withSampleInterval(pace.metricsInterval());
        standIn[0] = StandIn.start(
                LogplexSettings.defaults(drain),
                1,
                Path.of("").toAbsolutePath(),
                manager,
                demoSettings.routerPort(),
                Duration.ofSeconds(30),
                platform,
                clock);
        console.mark("Heroku stand-in up: router " + standIn[0].routerUrl() + ", runtime metrics every "
                + pace.metricsInterval().toSeconds() + " s, Logplex to the drain as " + APP_NAME);

        Release frugal = DemoReleases.frugal(pace, Release.webCommand(Files.readAllLines(Path.of("app/Procfile"))));
        try (HttpClient client = HttpClient.newHttpClient()) {
            Incident.Outcome outcome = new Incident(
                            standIn[0],
                            receiver,
                            console,
                            pace,
                            client,
                            new OnDemandDiagnosis(shipperJar, elasticsearch, APP_NAME))
                    .play(DemoReleases.bad(pace), DemoReleases.workerFix(pace), frugal);
            Thread.sleep(Duration.ofSeconds(3)); // the last lines through Logplex, Kafka and the indexer
            DemoReport.print(
                    console,
                    outcome,
                    standIn[0].logplex().stats(),
                    platform,
                    new ElasticsearchCounts(client, elasticsearch).counts(),
                    elasticsearch,
                    standIn[0].routerUrl());
            if (exitAfterReport) {
                return outcome.complete() ? 0 : 1;
            }
        }
        console.say("Everything keeps running for a look around (the queries above, the app at "
                + standIn[0].routerUrl() + "). Ctrl-C stops it all.");
        stopped.await();
        return 0;
    }

    /** Empties the demo's folder from a previous run: each run tells the story from the start. */
    static void prepare(Path directory) throws IOException {
        if (Files.exists(directory)) {
            if (!Files.exists(directory.resolve(MARKER))) {
                throw new IOException(directory + " exists and is not a demo folder; set STACK_DIR to another"
                        + " folder (the demo empties its folder at every run).");
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(MARKER), "The heroku-elk demo empties this folder at every run.\n");
    }
}
