package io.herokuelk.shipper.alert.diagnosis;

import io.herokuelk.shipper.alert.model.Diagnosis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Most of the memory is there right after a start, before traffic: dependencies loaded at start, used or not. Reads
 * the first memory figure after the instance began (Heroku's runtime metrics, else the app's processes together)
 * and the router's requests until then.
 */
final class HeavyAtStart implements Check {

    /** The first figure must come this soon after the start to say what the start holds. */
    static final Duration AFTER_START = Duration.ofMinutes(3);
    /** Fewer requests than this by then: the memory is the start's, not the traffic's. */
    static final long FEW_REQUESTS = 20;

    @Override
    public Optional<Finding> check(Situation s) {
        Instant started = s.startedAt();
        if (started == null || s.quotaMb() == null) {
            return Optional.empty();
        }
        Instant until = started.plus(AFTER_START).isBefore(s.at()) ? started.plus(AFTER_START) : s.at();
        List<String> signals = new ArrayList<>();
        Double startMb = null;
        Instant sampleAt = null;
        List<DynoTimeline.HerokuSample> first = s.timeline().heroku(started, until);
        if (!first.isEmpty()) {
            startMb = first.getFirst().usedMb();
            sampleAt = first.getFirst().at();
            signals.add("heroku memory after the start");
        } else if (!s.live().isEmpty()) {
            double sum = 0;
            for (DynoTimeline.ProcessTrack track : s.live()) {
                DynoTimeline.ProcessSample sample = firstAfter(track, started, until);
                if (sample == null) {
                    sum = Double.NaN;
                    break;
                }
                sum += sample.rssMb();
                sampleAt = sampleAt == null || sample.at().isAfter(sampleAt) ? sample.at() : sampleAt;
            }
            if (!Double.isNaN(sum)) {
                startMb = sum;
                signals.add("app.memory of every process after the start");
            }
        }
        if (startMb == null) {
            return Optional.empty();
        }
        double share = startMb / s.quotaMb();
        double score = share >= 0.7 ? 0.8 : share >= 0.5 ? 0.6 : share >= 0.25 ? 0.35 : 0;
        if (score == 0) {
            return Optional.empty();
        }
        boolean trafficKnown = s.timeline().seesTraffic();
        long requests = trafficKnown ? s.timeline().requests(started, sampleAt) : -1;
        if (requests > FEW_REQUESTS) {
            score -= 0.2;
        }
        if (trafficKnown) {
            signals.add("router traffic");
        }
        signals.add(s.start() != null ? s.start().reason() : "app start events");
        if (s.memoryMb() != null && s.memoryMb() > 0 && startMb / s.memoryMb() >= 0.8) {
            score += 0.1; // and it is most of what the dyno holds now
        }
        String release = "";
        if (s.release() != null && !s.release().at().isBefore(started.minus(Duration.ofMinutes(10)))) {
            release = ", the first start of " + s.release().version();
            signals.add("release " + s.release().version());
            score += 0.05;
        }
        long seconds = Duration.between(started, sampleAt).toSeconds();
        String traffic = requests < 0
                ? ""
                : requests == 0
                        ? ", before the first request"
                        : ", after only " + requests + " request" + (requests == 1 ? "" : "s");
        String summary = Mb.text(startMb) + s.percentOfQuota(startMb) + " " + seconds + " s after the dyno started"
                + release + traffic + ": what the app loads at start"
                + (share >= 0.5 ? " is most of the quota." : " is a large share of its memory.");
        String action = "Load heavy dependencies lazily (on first use) and drop the ones never used; what is loaded at"
                + " start is paid by every process and every restart.";
        Figures figures = new Figures()
                .put("start_mb", startMb)
                .put("quota_mb", s.quotaMb())
                .put("start_quota_pct", share * 100)
                .put("seconds_after_start", seconds)
                .put("requests_before", requests < 0 ? null : requests)
                .put("dyno_mb", s.memoryMb())
                .put("release", s.release() == null ? null : s.release().version());
        return Optional.of(new Finding(
                Diagnosis.HEAVY_AT_START,
                Math.min(Math.max(score, 0.1), 0.9),
                summary,
                action,
                signals,
                figures.build()));
    }

    private static DynoTimeline.ProcessSample firstAfter(DynoTimeline.ProcessTrack track, Instant from, Instant to) {
        for (DynoTimeline.ProcessSample sample : track.samples()) {
            if (!sample.at().isBefore(from) && !sample.at().isAfter(to)) {
                return sample;
            }
        }
        return null;
    }
}
