package io.herokuelk.standin.demo;

import io.herokuelk.standin.StandIn;
import io.herokuelk.standin.dyno.Dyno;
import io.herokuelk.standin.dyno.Release;
import io.herokuelk.standin.load.LoadGenerator;
import io.herokuelk.standin.manager.DynoManager;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The story, played on a running stand-in: the bad deployment under traffic, memory climbing to about 909 MB of
 * 512 MB, the alerts; then the incident's two fixes in turn (one worker, then what was never needed removed), memory
 * back down, the resolves. Returns what it saw for the report.
 */
final class Incident {

    /** The incident's peak. */
    static final double PEAK_MB = 909;
    /** The alerts the story must raise, and resolve after the fix. */
    static final List<String> EXPECTED_RULES = List.of("memory-trend", "r14", "memory-pressure");

    /**
     * What the incident measured.
     *
     * @param r14Diagnosis        what the R14 alert's diagnosis said, or null
     * @param workerFixDiagnosis  what {@code shipper.jar diagnose} said of the worker fix's memory, or null
     */
    record Outcome(
            double baselineMb,
            double peakMb,
            double afterWorkerFixMb,
            double afterFrugalMb,
            Set<String> fired,
            Set<String> resolved,
            LoadGenerator.Totals traffic,
            ReceivedDiagnosis r14Diagnosis,
            ReceivedDiagnosis workerFixDiagnosis) {

        boolean complete() {
            return fired.containsAll(EXPECTED_RULES) && resolved.containsAll(fired);
        }
    }

    private final StandIn standIn;
    private final AlertReceiver alerts;
    private final Console console;
    private final DemoPace pace;
    private final HttpClient client;
    private final OnDemandDiagnosis diagnose;
    private volatile double peakMb;

    Incident(
            StandIn standIn,
            AlertReceiver alerts,
            Console console,
            DemoPace pace,
            HttpClient client,
            OnDemandDiagnosis diagnose) {
        this.standIn = standIn;
        this.alerts = alerts;
        this.console = console;
        this.pace = pace;
        this.client = client;
        this.diagnose = diagnose;
        standIn.manager()
                .onSample(sample -> peakMb = Math.max(peakMb, sample.usage().quotaUsedMb()));
    }

    Outcome play(Release bad, Release workerFix, Release frugal) throws InterruptedException {
        Dyno web1 = standIn.formation().dynos().getFirst();
        DynoManager manager = standIn.manager();
        console.mark("Deploying " + bad.version() + ", the bad deployment: " + bad.processes() + " JVMs per dyno"
                + " (2 x 2 cores + 1), every component loaded at start, JAVA_TOOL_OPTIONS="
                + DemoReleases.PLATFORM_JAVA_TOOL_OPTIONS
                + " in each");
        standIn.formation().start(bad);
        console.mark("web.1 is up with " + web1.processes().size() + " processes; traffic on at "
                + Math.round(pace.requestsPerSecond()) + " requests/s through the router");
        try (LoadGenerator load = new LoadGenerator(standIn.routerUrl())) {
            load.start(pace.requestsPerSecond());
            sleep(pace.metricsInterval().multipliedBy(2));
            double baseline = manager.read(web1).usage().quotaUsedMb();
            console.mark(String.format(
                    Locale.ROOT,
                    "Baseline of the bad deployment: %.0f MB of 512 MB (%.0f%%);" + " now the workers' memory climbs",
                    baseline,
                    baseline / 512 * 100));
            climb(web1, baseline);

            deploy(
                    load,
                    workerFix,
                    "the worker fix: WEB_CONCURRENCY=1, one JVM, still loading everything at start"
                            + " with the platform's JVM defaults");
            Instant workerFixUp = Instant.now();
            awaitResolves(web1);
            Duration settle = Duration.between(workerFixUp, Instant.now());
            double afterWorkerFix = measure(web1, "After the worker fix");
            // No alert fires now; what is left is asked for, as an operator would ask the shipper.
            Thread.sleep(Duration.ofSeconds(3)); // the last samples through Logplex, Kafka and the indexer
            ReceivedDiagnosis workerFixDiagnosis = diagnose.of(
                    web1.name(), Duration.between(workerFixUp, Instant.now()).plusMinutes(1));
            if (workerFixDiagnosis != null) {
                console.mark("shipper.jar diagnose of web.1 now: " + workerFixDiagnosis.headline() + " "
                        + workerFixDiagnosis.summary());
            }

            deploy(
                    load,
                    frugal,
                    "what was never needed removed: the app's Procfile (bounded heap and threads,"
                            + " components built on first use): " + frugal.command());
            // Measured after as long under the same traffic as the worker fix was, so that the two compare.
            sleep(settle);
            double afterFrugal = measure(web1, "After the frugal release");
            load.stop();
            return new Outcome(
                    baseline,
                    peakMb,
                    afterWorkerFix,
                    afterFrugal,
                    rules(true),
                    rules(false),
                    load.totals(),
                    firstDiagnosis("r14"),
                    workerFixDiagnosis);
        }
    }

    /** The diagnosis of the first firing notification of a rule, or null. */
    private ReceivedDiagnosis firstDiagnosis(String rule) {
        return alerts.received().stream()
                .filter(a -> a.firing() && a.rule().equals(rule) && a.diagnosis() != null)
                .map(ReceivedAlert::diagnosis)
                .findFirst()
                .orElse(null);
    }

    /** A new release, deployed as Heroku does without preboot: traffic pauses while the dyno restarts. */
    private void deploy(LoadGenerator load, Release release, String what) throws InterruptedException {
        Dyno web1 = standIn.formation().dynos().getFirst();
        console.mark("Deploying " + release.version() + ", " + what);
        load.stop(); // requests during the restart would only add H10s to the story
        standIn.formation().deploy(release);
        load.start(pace.requestsPerSecond());
        console.mark("web.1 is up again with " + web1.processes().size() + " process; traffic back on");
    }

    private double measure(Dyno web1, String when) {
        double memory = standIn.manager().read(web1).usage().quotaUsedMb();
        console.mark(String.format(Locale.ROOT, "%s: %.0f MB of 512 MB (%.0f%%)", when, memory, memory / 512 * 100));
        return memory;
    }

    /** Climbs, then holds the peak until the expected alerts fired (or the pace's patience ran out). */
    private void climb(Dyno web1, double baseline) throws InterruptedException {
        MemoryClimb climb = new MemoryClimb(client, standIn.routerUrl(), standIn.manager(), web1, pace, PEAK_MB);
        Instant began = Instant.now();
        Instant lastShown = Instant.MIN;
        while (true) {
            Duration since = Duration.between(began, Instant.now());
            double memory = climb.step(baseline, since);
            peakMb = Math.max(peakMb, memory);
            if (!Instant.now().isBefore(lastShown.plus(pace.metricsInterval().multipliedBy(2)))) {
                console.say(String.format(
                        Locale.ROOT, "web.1 memory %.0f MB of 512 MB (%.0f%%)", memory, memory / 512 * 100));
                lastShown = Instant.now();
            }
            boolean heldPeak =
                    since.compareTo(pace.approach().plus(pace.overshoot()).plus(pace.atPeak())) >= 0;
            if (heldPeak && rules(true).containsAll(EXPECTED_RULES)) {
                return;
            }
            if (since.compareTo(pace.alertWait()) >= 0) {
                console.mark("Not every expected alert arrived within "
                        + pace.alertWait().toSeconds() + " s; applying the fix anyway");
                return;
            }
            Thread.sleep(Duration.ofSeconds(1));
        }
    }

    private void awaitResolves(Dyno web1) throws InterruptedException {
        Instant deadline = Instant.now().plus(pace.resolveWait());
        Instant lastShown = Instant.MIN;
        while (!rules(false).containsAll(rules(true)) && Instant.now().isBefore(deadline)) {
            if (!Instant.now().isBefore(lastShown.plus(pace.metricsInterval().multipliedBy(2)))) {
                double memory = standIn.manager().read(web1).usage().quotaUsedMb();
                console.say(String.format(
                        Locale.ROOT,
                        "web.1 memory %.0f MB of 512 MB (%.0f%%); waiting for %s",
                        memory,
                        memory / 512 * 100,
                        String.join(", ", unresolved())));
                lastShown = Instant.now();
            }
            Thread.sleep(Duration.ofSeconds(1));
        }
        if (!rules(false).containsAll(rules(true))) {
            console.mark(
                    "Still open after " + pace.resolveWait().toSeconds() + " s: " + String.join(", ", unresolved()));
        }
    }

    private Set<String> unresolved() {
        Set<String> open = rules(true);
        open.removeAll(rules(false));
        return open;
    }

    /** The rules that fired (or resolved) at least once. */
    private Set<String> rules(boolean firing) {
        Set<String> rules = new LinkedHashSet<>();
        alerts.received().stream().filter(alert -> alert.firing() == firing).forEach(alert -> rules.add(alert.rule()));
        return rules;
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }
}
