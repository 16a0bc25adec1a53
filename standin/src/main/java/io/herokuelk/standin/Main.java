package io.herokuelk.standin;

import io.herokuelk.standin.dyno.Release;
import io.herokuelk.standin.load.LoadGenerator;
import io.herokuelk.standin.logplex.LogplexSettings;
import io.herokuelk.standin.logplex.LogplexStats;
import io.herokuelk.standin.manager.ManagerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar standin/target/standin.jar [run|load]}: the local Heroku stand-in, configured by the environment
 * (see {@link StandInSettings}).
 *
 * <pre>
 *   run    start the app's web dynos behind the router and feed the drain until Ctrl-C (the default)
 *   load   the same, with LOAD_RPS requests a second through the router for LOAD_SECONDS, a progress line every
 *          second and a summary at the end
 * </pre>
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        if (!command.equals("run") && !command.equals("load")) {
            System.err.println("Unknown command '" + command + "'. Commands: run, load");
            System.exit(2);
        }
        StandInSettings settings;
        Release release;
        try {
            settings = StandInSettings.fromEnvironment(System.getenv());
            release = new Release(
                    "v1",
                    Release.webCommand(Files.readAllLines(settings.procfile())),
                    settings.configVars(),
                    settings.processes());
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LogplexSettings logplex = LogplexSettings.defaults(settings.drainUrl());
        if (!settings.drainToken().isEmpty()) {
            logplex = logplex.withDrainToken(settings.drainToken());
        }
        ManagerSettings manager =
                ManagerSettings.heroku().withQuotaMb(settings.quotaMb()).withSampleInterval(settings.metricsInterval());
        StandIn standIn = StandIn.start(
                logplex,
                settings.dynos(),
                settings.appRoot(),
                manager,
                settings.routerPort(),
                settings.routerTimeout(),
                line -> {},
                Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            standIn.close();
                            stopped.countDown();
                        },
                        "standin-shutdown"));
        System.out.println("Starting " + settings.dynos() + " web dyno(s) of " + settings.processes()
                + " process(es) each: " + release.command());
        standIn.formation().start(release);
        System.out.println("Router: " + standIn.routerUrl() + "   drain: "
                + logplex.drainUrl().getHost() + logplex.drainUrl().getPath() + "   Ctrl-C stops.");
        if (command.equals("load")) {
            runLoad(standIn, settings);
            System.exit(0);
        }
        stopped.await();
    }

    /** Open-loop load with a progress line a second; the summary says what the app and the drain saw. */
    private static void runLoad(StandIn standIn, StandInSettings settings) throws InterruptedException {
        try (LoadGenerator load = new LoadGenerator(standIn.routerUrl())) {
            load.start(settings.loadRate());
            long seconds = settings.loadDuration().toSeconds();
            for (long second = 1; second <= seconds; second++) {
                Thread.sleep(Duration.ofSeconds(1));
                System.out.println(
                        progress(second, load.totals(), standIn.logplex().stats()));
            }
            load.stop();
            Thread.sleep(Duration.ofSeconds(2)); // answers in flight, and Logplex's next flush
            System.out.println("Done: "
                    + progress(seconds, load.totals(), standIn.logplex().stats()));
        }
    }

    static String progress(long second, LoadGenerator.Totals totals, LogplexStats drain) {
        return String.format(
                Locale.ROOT,
                "%4ds  sent %d  2xx/3xx %d  4xx %d  5xx %d  failed %d  p50 %d ms  p99 %d ms"
                        + "  | drain: %d lines in %d batches, %d retries, %d dropped, %d waiting",
                second,
                totals.sent(),
                totals.succeeded(),
                totals.clientErrors(),
                totals.serverErrors(),
                totals.failed(),
                totals.p50Ms(),
                totals.p99Ms(),
                drain.messagesDelivered(),
                drain.batchesDelivered(),
                drain.retries(),
                drain.messagesDropped(),
                drain.buffered());
    }
}
