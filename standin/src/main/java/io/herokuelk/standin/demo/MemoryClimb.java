package io.herokuelk.standin.demo;

import io.herokuelk.standin.dyno.Dyno;
import io.herokuelk.standin.manager.DynoManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Makes the bad deployment's memory climb the way the incident's did, by asking the app itself to hold memory
 * ({@code POST /demo/hold?mb=..} through the router, so the holding lands on the dyno's processes in turn) whenever
 * the dyno's real memory is below the curve: a steady rise to just under the quota, then on to the peak. Memory the
 * app grows on its own counts too; the climb never takes any back.
 */
final class MemoryClimb {

    private static final double MAX_HOLD_PER_REQUEST_MB = 48;
    private static final double NEAR_QUOTA = 0.94;

    private final HttpClient client;
    private final URI router;
    private final DynoManager manager;
    private final Dyno dyno;
    private final DemoPace pace;
    private final double peakMb;

    MemoryClimb(HttpClient client, URI router, DynoManager manager, Dyno dyno, DemoPace pace, double peakMb) {
        this.client = client;
        this.router = router;
        this.manager = manager;
        this.dyno = dyno;
        this.pace = pace;
        this.peakMb = peakMb;
    }

    /** Where the curve is {@code since} after the climb began, from {@code startMb}. */
    double targetMb(double startMb, Duration since) {
        double nearQuota = Math.max(startMb, NEAR_QUOTA * manager.settings().quotaMb());
        double approach = pace.approach().toMillis();
        double t = since.toMillis();
        if (t < approach) {
            return startMb + (nearQuota - startMb) * t / approach;
        }
        double rest = Math.min(1, (t - approach) / pace.overshoot().toMillis());
        return nearQuota + (peakMb - nearQuota) * rest;
    }

    /** One step: holds what is missing to reach the curve now; returns the dyno's memory after it. */
    double step(double startMb, Duration since) throws InterruptedException {
        double now = manager.read(dyno).usage().quotaUsedMb();
        double missing = targetMb(startMb, since) - now;
        if (missing >= 1) {
            hold((int) Math.round(Math.min(missing, MAX_HOLD_PER_REQUEST_MB)));
            now = manager.read(dyno).usage().quotaUsedMb();
        }
        return now;
    }

    boolean reachedPeak(Duration since) {
        return since.compareTo(pace.approach().plus(pace.overshoot())) >= 0;
    }

    private void hold(int mb) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(router.resolve("/demo/hold?mb=" + mb))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // A dyno that is restarting does not answer; the next step tries again.
        }
    }
}
