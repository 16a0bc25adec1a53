package io.herokuelk.shipper.alert.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A dyno's memory at one moment, as every check reads it: the quota, the memory now, the instance's start, the app
 * processes alive, the last release of the app.
 *
 * @param at        the moment diagnosed (the alert's)
 * @param dyno      {@code web.1}
 * @param timeline  what is known of the dyno
 * @param quotaMb   the dyno's quota, or null when nothing says
 * @param memoryMb  the dyno's memory now as Heroku measures it (rss + swap), or null
 * @param start     where the running instance began, or null
 * @param live      the app processes reporting now, each with a sample (none when the app reports nothing)
 * @param release   the app's last release before {@code at}, or null
 */
record Situation(
        Instant at,
        String dyno,
        DynoTimeline timeline,
        Double quotaMb,
        Double memoryMb,
        DynoTimeline.Start start,
        List<DynoTimeline.ProcessTrack> live,
        Releases.Release release) {

    /** Memory figures older than this are not "now". */
    static final Duration CURRENT = Duration.ofMinutes(2);
    /** A process silent for this long after the newest sample is taken as gone. */
    static final Duration SILENT = Duration.ofSeconds(75);

    static Situation of(String dyno, DynoTimeline timeline, Releases.Release release, Instant at) {
        DynoTimeline.Start start = timeline.startBefore(at);
        Instant from = start != null ? start.at() : at.minus(Duration.ofHours(2));
        List<DynoTimeline.ProcessTrack> seen = timeline.processesSeen(from, at);
        Instant newest = seen.stream()
                .map(track -> DynoTimeline.lastSample(track, at).at())
                .max(Instant::compareTo)
                .orElse(at);
        List<DynoTimeline.ProcessTrack> live = new ArrayList<>();
        for (DynoTimeline.ProcessTrack track : seen) {
            if (!DynoTimeline.lastSample(track, at).at().isBefore(newest.minus(SILENT))) {
                live.add(track);
            }
        }
        return new Situation(
                at,
                dyno,
                timeline,
                timeline.quotaMb(),
                timeline.memoryMb(at, CURRENT),
                start,
                List.copyOf(live),
                release);
    }

    /** The instance's start, or failing that the first sign of it: the earliest app process start. */
    Instant startedAt() {
        if (start != null) {
            return start.at();
        }
        return live.stream()
                .map(DynoTimeline.ProcessTrack::startedAt)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** The live processes' last samples, in pid order. */
    List<DynoTimeline.ProcessSample> lastSamples() {
        return live.stream().map(track -> DynoTimeline.lastSample(track, at)).toList();
    }

    String percentOfQuota(double mb) {
        return quotaMb == null
                ? ""
                : " (" + Math.round(mb * 100 / quotaMb) + "% of the " + Mb.text(quotaMb) + " quota)";
    }
}
