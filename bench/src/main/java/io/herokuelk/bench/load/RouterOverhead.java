package io.herokuelk.bench.load;

import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.dyno.Dyno;
import io.herokuelk.standin.dyno.Formation;
import io.herokuelk.standin.dyno.Release;
import io.herokuelk.standin.load.LoadGenerator;
import io.herokuelk.standin.router.Router;
import io.herokuelk.standin.router.RouterSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the stand-in's router costs: the same open-loop request mix at the same rate, sent to the app's process
 * directly (the reference) and through the router (which forwards, times and logs each request), in alternating
 * rounds of one run so that the machine's drift falls on both. One dyno of the app's own Procfile command.
 *
 * <pre>
 *   java -cp bench/target/classes:$(cat bench/target/load-classpath.txt) io.herokuelk.bench.load.RouterOverhead \
 *     [--rps 100] [--seconds 20] [--rounds 2]
 * </pre>
 */
public final class RouterOverhead {

    private RouterOverhead() {}

    public static void main(String[] arguments) throws Exception {
        Load.Args args = new Load.Args(arguments, "rps", "seconds", "rounds");
        int rps = args.integer("rps", 100);
        Duration round = Duration.ofSeconds(args.integer("seconds", 20));
        int rounds = args.integer("rounds", 2);
        AtomicLong routerLines = new AtomicLong();
        // Room for every note the rounds create: a full store answers 507, which would measure the app, not the router.
        Release release = new Release(
                "bench",
                Release.webCommand(Files.readAllLines(Path.of("app/Procfile"))),
                Map.of("NOTES_MAX_COUNT", "100000"),
                1);
        System.out.println("Machine: " + Load.machine());
        try (Formation formation = new Formation(
                        1,
                        Path.of("").toAbsolutePath(),
                        line -> {
                            if (LogLine.HEROKU.equals(line.appName()) && "router".equals(line.procId())) {
                                routerLines.incrementAndGet();
                            }
                        },
                        Clock.systemUTC());
                Router router =
                        Router.start(RouterSettings.defaults(0), formation, line -> routerLines.incrementAndGet())) {
            formation.start(release);
            Dyno dyno = formation.dynos().getFirst();
            InetSocketAddress app =
                    dyno.pickProcess().orElseThrow(() -> new IllegalStateException("the app did not start"));
            URI direct = URI.create("http://127.0.0.1:" + app.getPort());
            URI routed = URI.create("http://127.0.0.1:" + router.port());
            run(direct, rps, round); // warm-up: the JIT and the app's lazy parts
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %8s %8s %8s %8s %8s %8s %8s%n",
                    "target",
                    "sent",
                    "2xx/3xx",
                    "4xx",
                    "5xx",
                    "failed",
                    "p50 ms",
                    "p99 ms");
            for (int i = 0; i < rounds; i++) {
                print("direct", run(direct, rps, round));
                long before = routerLines.get();
                LoadGenerator.Totals totals = run(routed, rps, round);
                print("router", totals);
                System.out.printf(
                        Locale.ROOT, "           router lines logged in that round: %d%n", routerLines.get() - before);
            }
        }
    }

    private static LoadGenerator.Totals run(URI target, int rps, Duration round) throws InterruptedException {
        try (LoadGenerator load = new LoadGenerator(target)) {
            load.start(rps);
            Thread.sleep(round);
            load.stop();
            Thread.sleep(Duration.ofSeconds(2)); // the answers still in flight
            return load.totals();
        }
    }

    private static void print(String name, LoadGenerator.Totals totals) {
        System.out.printf(
                Locale.ROOT,
                "%-10s %8d %8d %8d %8d %8d %8d %8d%n",
                name,
                totals.sent(),
                totals.succeeded(),
                totals.clientErrors(),
                totals.serverErrors(),
                totals.failed(),
                totals.p50Ms(),
                totals.p99Ms());
    }
}
