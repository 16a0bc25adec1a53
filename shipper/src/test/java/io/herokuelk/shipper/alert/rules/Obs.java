package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.model.Observation;
import java.time.Duration;
import java.time.Instant;

/** Synthetic observations for rule tests: only what a test sets is non-null. */
public final class Obs {

    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private Instant timestamp = T0;
    private String app = "myapp";
    private String dyno = "web.1";
    private String dataset = "heroku.platform";
    private String code;
    private String dynoId;
    private Double quotaPct;
    private Double rssMb;
    private Double swapMb;
    private Double quotaMb;
    private Double processMb;
    private Double appPercent;
    private Integer status;
    private Double serviceMs;
    private String path;
    private Long dropped;
    private String stateTo;
    private Integer exitCode;
    private Double durationMs;
    private String message;
    private Double cacheMb;
    private String action;
    private Double appRssMb;
    private Double appHeapUsedMb;
    private Double appLimitMb;
    private Long pid;
    private Integer workerIndex;
    private Integer concurrency;
    private Double heapCommittedMb;
    private Double heapMaxMb;
    private Integer threads;

    public static Obs at(Duration sinceT0) {
        Obs obs = new Obs();
        obs.timestamp = T0.plus(sinceT0);
        return obs;
    }

    public static Obs atSeconds(long seconds) {
        return at(Duration.ofSeconds(seconds));
    }

    public static Observation r14(long seconds) {
        return atSeconds(seconds).code("R14").build();
    }

    public static Observation processRunning(long seconds, double mb, double pct) {
        Obs obs = atSeconds(seconds);
        obs.processMb = mb;
        obs.quotaPct = pct;
        return obs.build();
    }

    /** A runtime-metrics sample: rss in MB against a quota (percent computed as the parser does). */
    public static Observation metrics(long seconds, double rssMb, double quotaMb) {
        Obs obs = atSeconds(seconds).dataset("heroku.runtime_metrics");
        obs.rssMb = rssMb;
        obs.swapMb = 0.0;
        obs.quotaMb = quotaMb;
        obs.quotaPct = Math.round(rssMb * 10000 / quotaMb) / 100.0;
        obs.dynoId = "heroku.1.a";
        return obs.build();
    }

    public static Observation quotaPct(long seconds, double pct) {
        Obs obs = atSeconds(seconds).dataset("heroku.runtime_metrics");
        obs.quotaPct = pct;
        return obs.build();
    }

    public static Observation router(long seconds, String dyno, String code, String path, double serviceMs) {
        Obs obs = atSeconds(seconds).dataset("heroku.router").dyno(dyno).code(code);
        obs.path = path;
        obs.serviceMs = serviceMs;
        obs.status = code == null ? 200 : 503;
        return obs.build();
    }

    public Obs app(String value) {
        app = value;
        return this;
    }

    public Obs dyno(String value) {
        dyno = value;
        return this;
    }

    public Obs dataset(String value) {
        dataset = value;
        return this;
    }

    public Obs code(String value) {
        code = value;
        return this;
    }

    public Obs dynoId(String value) {
        dynoId = value;
        return this;
    }

    public Obs stateTo(String value) {
        stateTo = value;
        return this;
    }

    public Obs exitCode(int value) {
        exitCode = value;
        return this;
    }

    public Obs dropped(long value) {
        dropped = value;
        return this;
    }

    public Obs appPercent(double value) {
        appPercent = value;
        dataset = "app.memory";
        return this;
    }

    public Obs appRequest(String value, double ms) {
        dataset = "app.request";
        path = value;
        durationMs = ms;
        return this;
    }

    public Obs metricsWith(double rss, double quota, String id) {
        dataset = "heroku.runtime_metrics";
        rssMb = rss;
        swapMb = 0.0;
        quotaMb = quota;
        quotaPct = rss * 100 / quota;
        dynoId = id;
        return this;
    }

    public Obs message(String value) {
        message = value;
        return this;
    }

    public Obs swap(double value) {
        swapMb = value;
        quotaPct = quotaMb == null ? quotaPct : (rssMb + value) * 100 / quotaMb;
        return this;
    }

    public Obs cache(double value) {
        cacheMb = value;
        return this;
    }

    /** An app memory sample of one process: rss, heap used, committed and ceiling, threads. */
    public Obs appMemory(
            long processId, double rss, double heapUsed, double heapCommitted, double heapMax, int threadCount) {
        dataset = "app.memory";
        action = "memory-sampled";
        pid = processId;
        appRssMb = rss;
        appHeapUsedMb = heapUsed;
        heapCommittedMb = heapCommitted;
        heapMaxMb = heapMax;
        threads = threadCount;
        return this;
    }

    /** The app's start event of one process, with its heap ceiling. */
    public Obs appStarted(long processId, double heapMax) {
        dataset = "app.lifecycle";
        action = "app-started";
        pid = processId;
        heapMaxMb = heapMax;
        return this;
    }

    public Obs limit(double mb) {
        appLimitMb = mb;
        return this;
    }

    public Obs worker(int index, int of) {
        workerIndex = index;
        concurrency = of;
        return this;
    }

    public Observation build() {
        Double totalMb = rssMb == null ? null : rssMb + (swapMb == null ? 0 : swapMb) + (cacheMb == null ? 0 : cacheMb);
        Observation.AppProcess process = pid == null
                ? null
                : new Observation.AppProcess(pid, workerIndex, concurrency, heapCommittedMb, heapMaxMb, null, threads);
        return new Observation(
                timestamp,
                app,
                dyno,
                dataset,
                code,
                dynoId,
                quotaPct,
                rssMb,
                swapMb,
                totalMb,
                quotaMb,
                processMb,
                appPercent,
                appRssMb,
                appHeapUsedMb,
                appLimitMb,
                status,
                serviceMs,
                path,
                dropped,
                stateTo,
                exitCode,
                message,
                durationMs,
                cacheMb,
                action,
                process);
    }
}
