package io.herokuelk.standin.demo;

import java.time.Duration;
import java.util.List;

/**
 * How fast the demo plays the incident. Heroku samples a dyno's memory every 20 s and the default alert rules are
 * tuned to that; {@code default} and {@code quick} play the same story time-lapsed, with samples and rule windows
 * shortened together (the rules file the demo writes says by how much), and {@code heroku} plays it at Heroku's own
 * pace with the shipped rules.
 *
 * @param metricsInterval runtime-metrics lines per dyno (and the app's own memory events) this often
 * @param approach        memory rises from where the bad deployment starts to just under the quota in this long
 * @param overshoot       then on to about 909 MB in this long
 * @param atPeak          and stays there at least this long before the fix
 * @param alertWait       the fix comes at the latest this long after the climb began, alerts or not
 * @param resolveWait     how long the demo waits for the resolves after the fix
 * @param requestsPerSecond traffic through the router all along
 * @param timeLapse       how much shorter than Heroku's the rule windows are (1 for none)
 */
public record DemoPace(
        String name,
        Duration metricsInterval,
        Duration approach,
        Duration overshoot,
        Duration atPeak,
        Duration alertWait,
        Duration resolveWait,
        double requestsPerSecond,
        int timeLapse) {

    public static DemoPace named(String name) {
        return switch (name) {
            case "quick" ->
                new DemoPace(
                        "quick",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(24),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(90),
                        8,
                        10);
            case "default" ->
                new DemoPace(
                        "default",
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(50),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(240),
                        Duration.ofSeconds(150),
                        10,
                        4);
            case "heroku" ->
                new DemoPace(
                        "heroku",
                        Duration.ofSeconds(20),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(3),
                        Duration.ofMinutes(25),
                        Duration.ofMinutes(10),
                        10,
                        1);
            default -> throw new IllegalArgumentException("Unknown pace '" + name + "'; paces: " + names());
        };
    }

    public static List<String> names() {
        return List.of("quick", "default", "heroku");
    }
}
