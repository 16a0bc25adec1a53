package io.herokuelk.shipper.alert.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One notification: a condition of one rule for one group (app, and dyno where the rule is per dyno) started firing,
 * fired again after the re-alert interval, or resolved.
 *
 * @param rule        the rule's name from the rules file ({@code r14}, {@code memory-pressure}, ...)
 * @param type        the rule type ({@code r14}, {@code r15}, {@code memory_pressure}, {@code predictive},
 *                    {@code router_errors}, {@code drain_loss}, {@code silence})
 * @param severity    {@code warning} or {@code critical}
 * @param state       {@code firing} or {@code resolved}
 * @param app         the Heroku app
 * @param dyno        the dyno, or null for app-wide rules
 * @param startedAt   when this episode of the condition began; with the key it identifies the episode
 * @param at          when this notification was decided
 * @param summary     one sentence a person reads first
 * @param figures     the numbers that crossed the threshold (name to value)
 * @param context     recent memory samples and the busiest and slowest paths of the dyno
 * @param remediation what to change: the diagnosis's action when it names a cause, else what usually fixes it
 * @param diagnosis   which cause the figures point to (firing memory alerts of a dyno), or null
 */
public record Alert(
        String rule,
        String type,
        String severity,
        String state,
        String app,
        String dyno,
        Instant startedAt,
        Instant at,
        String summary,
        Map<String, Object> figures,
        Context context,
        String remediation,
        Diagnosis diagnosis) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    /** Identifies the condition and group: the same for every notification of it, across episodes. */
    public String key() {
        return rule + "/" + app + (dyno == null ? "" : "/" + dyno);
    }

    /** Identifies the episode: what PagerDuty's dedup key and de-duplication of deliveries use. */
    public String episodeId() {
        return key() + "@" + startedAt.toEpochMilli();
    }

    /** Identifies this notification (firing, re-alerts and the resolve of one episode differ). */
    public String id() {
        return episodeId() + "/" + state + "@" + at.toEpochMilli();
    }

    /**
     * @param memory  the last memory samples of the dyno, oldest first
     * @param busiest paths with the most requests on the dyno in the minutes before
     * @param slowest paths with the highest service times on the dyno in the minutes before
     */
    public record Context(List<MemorySample> memory, List<PathStat> busiest, List<PathStat> slowest) {
        public static final Context EMPTY = new Context(List.of(), List.of(), List.of());
    }

    /** One memory reading: Heroku's ({@code heroku}) or the app's own ({@code app}). */
    public record MemorySample(Instant at, String source, double usedMb, Double quotaMb, Double percent) {}

    /** Requests to one path in the window: how many, and their service time in ms. */
    public record PathStat(String path, long requests, double p95ServiceMs, double maxServiceMs) {}
}
