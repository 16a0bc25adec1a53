package io.herokuelk.shipper.alert.rules;

import java.time.Duration;
import java.time.Instant;

import io.herokuelk.shipper.alert.Observation;

/** Synthetic observations for rule tests: only what a test sets is non-null. */
final class Obs {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

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

    static Obs at(Duration sinceT0) {
        Obs obs = new Obs();
        obs.timestamp = T0.plus(sinceT0);
        return obs;
    }

    static Obs atSeconds(long seconds) {
        return at(Duration.ofSeconds(seconds));
    }

    static Observation r14(long seconds) {
        return atSeconds(seconds).code("R14").build();
    }

    static Observation processRunning(long seconds, double mb, double pct) {
        Obs obs = atSeconds(seconds);
        obs.processMb = mb;
        obs.quotaPct = pct;
        return obs.build();
    }

    /** A runtime-metrics sample: rss in MB against a quota (percent computed as the parser does). */
    static Observation metrics(long seconds, double rssMb, double quotaMb) {
        Obs obs = atSeconds(seconds).dataset("heroku.runtime_metrics");
        obs.rssMb = rssMb;
        obs.swapMb = 0.0;
        obs.quotaMb = quotaMb;
        obs.quotaPct = Math.round(rssMb * 10000 / quotaMb) / 100.0;
        obs.dynoId = "heroku.1.a";
        return obs.build();
    }

    static Observation quotaPct(long seconds, double pct) {
        Obs obs = atSeconds(seconds).dataset("heroku.runtime_metrics");
        obs.quotaPct = pct;
        return obs.build();
    }

    static Observation router(long seconds, String dyno, String code, String path, double serviceMs) {
        Obs obs = atSeconds(seconds).dataset("heroku.router").dyno(dyno).code(code);
        obs.path = path;
        obs.serviceMs = serviceMs;
        obs.status = code == null ? 200 : 503;
        return obs.build();
    }

    Obs app(String value) {
        app = value;
        return this;
    }

    Obs dyno(String value) {
        dyno = value;
        return this;
    }

    Obs dataset(String value) {
        dataset = value;
        return this;
    }

    Obs code(String value) {
        code = value;
        return this;
    }

    Obs dynoId(String value) {
        dynoId = value;
        return this;
    }

    Obs stateTo(String value) {
        stateTo = value;
        return this;
    }

    Obs exitCode(int value) {
        exitCode = value;
        return this;
    }

    Obs dropped(long value) {
        dropped = value;
        return this;
    }

    Obs appPercent(double value) {
        appPercent = value;
        dataset = "app.memory";
        return this;
    }

    Obs appRequest(String value, double ms) {
        dataset = "app.request";
        path = value;
        durationMs = ms;
        return this;
    }

    Obs metricsWith(double rss, double quota, String id) {
        dataset = "heroku.runtime_metrics";
        rssMb = rss;
        swapMb = 0.0;
        quotaMb = quota;
        quotaPct = rss * 100 / quota;
        dynoId = id;
        return this;
    }

    Observation build() {
        Double totalMb = rssMb == null ? null : rssMb + (swapMb == null ? 0 : swapMb);
        return new Observation(timestamp, app, dyno, dataset, code, dynoId, quotaPct, rssMb, swapMb, totalMb, quotaMb,
                processMb, appPercent, null, null, null, status, serviceMs, path, dropped, stateTo, exitCode, null,
                durationMs);
    }
}
