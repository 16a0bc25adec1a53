package io.herokuelk.standin.demo;

import io.herokuelk.standin.logplex.LogplexStats;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** The closing report: the timeline, the figures, what reached Elasticsearch and how to look at it there. */
final class DemoReport {

    private DemoReport() {}

    private static String row(String release, double mb) {
        return String.format(Locale.ROOT, "  %-36s %5.0f MB  %4.0f%% of 512 MB", release, mb, mb / 512 * 100);
    }

    /** Each diagnosis beside the memory it predicted and the memory measured after the fix that followed it. */
    private static void diagnoses(Console console, Incident.Outcome outcome) {
        console.detail("Diagnoses, and what the fix that followed measured:");
        ReceivedDiagnosis r14 = outcome.r14Diagnosis();
        if (r14 == null) {
            console.detail("  v1 at its R14: no diagnosis arrived");
        } else {
            Double predicted = r14.figures().get("one_process_estimate_mb");
            console.detail("  v1 at its R14: " + r14.headline()
                    + (predicted == null
                            ? ""
                            : String.format(Locale.ROOT, "; one process would hold about %.0f MB", predicted))
                    + String.format(Locale.ROOT, "; v2 (one process) measured %.0f MB", outcome.afterWorkerFixMb()));
        }
        ReceivedDiagnosis v2 = outcome.workerFixDiagnosis();
        if (v2 == null) {
            console.detail("  v2 on demand: shipper.jar diagnose gave no answer");
        } else {
            console.detail("  v2 on demand (shipper.jar diagnose): " + v2.headline() + " " + v2.summary());
            console.detail(String.format(
                    Locale.ROOT,
                    "    v3 (the app's Procfile: a capped heap, components built on" + " first use) measured %.0f MB",
                    outcome.afterFrugalMb()));
        }
    }

    static void print(
            Console console,
            Incident.Outcome outcome,
            LogplexStats drain,
            PlatformWatch platform,
            Map<String, Long> counts,
            URI elasticsearch,
            URI router) {
        console.blank();
        console.say("Report");
        console.detail("Timeline:");
        for (Console.Moment moment : console.timeline()) {
            console.detail("  " + Console.stamp(moment.at()) + "  " + moment.what());
        }
        console.detail("");
        console.detail("Memory of web.1 (rss + swap, as Heroku judges it), each release under the same traffic:");
        console.detail(row("v1, the bad deployment, at rest", outcome.baselineMb()));
        console.detail(row("v1 at its peak", outcome.peakMb()));
        console.detail(row("v2, the worker fix", outcome.afterWorkerFixMb()));
        console.detail(row("v3, what was never needed removed", outcome.afterFrugalMb()));
        diagnoses(console, outcome);
        console.detail("Alerts fired: " + String.join(", ", outcome.fired()) + "; resolved: "
                + String.join(", ", outcome.resolved()) + ".");
        console.detail("Heroku lines: " + platform.r14Lines() + " R14, " + platform.r15Lines() + " R15.");
        console.detail(String.format(
                Locale.ROOT,
                "Traffic: %d requests, %d answered 2xx/3xx, %d 4xx, %d 5xx, %d failed;" + " p50 %d ms, p99 %d ms.",
                outcome.traffic().sent(),
                outcome.traffic().succeeded(),
                outcome.traffic().clientErrors(),
                outcome.traffic().serverErrors(),
                outcome.traffic().failed(),
                outcome.traffic().p50Ms(),
                outcome.traffic().p99Ms()));
        console.detail("Logplex: " + drain.messagesDelivered() + " lines in " + drain.batchesDelivered()
                + " batches delivered, " + drain.retries() + " retries, " + drain.messagesDropped() + " dropped.");
        console.detail("");
        console.detail("In Elasticsearch (" + elasticsearch + "), counted just now:");
        counts.forEach((what, count) ->
                console.detail(String.format(Locale.ROOT, "  %-32s %s", what, count < 0 ? "(no answer)" : count)));
        console.detail("");
        console.detail("Look for yourself:");
        ElasticsearchCounts.QUERIES.forEach(
                (what, query) -> console.detail("  curl -s '" + elasticsearch + query + "'    # " + what));
        console.detail("  curl -s '" + elasticsearch + "/logs-heroku_elk.alert-*/_search?sort=@timestamp:asc&size=20"
                + "&filter_path=hits.hits._source.message'    # the alerts, oldest first");
        console.detail("  curl -s '" + router + "/health'    # the fixed app, through the router");
        console.blank();
        console.say(
                outcome.complete()
                        ? "The story is complete: every expected alert fired and resolved."
                        : "The story is NOT complete: expected " + String.join(", ", Incident.EXPECTED_RULES)
                                + " to fire and resolve.");
    }
}
