package io.herokuelk.standin.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's terminal: lines stamped with the time since the demo began, and the timeline kept for the report.
 * Safe to call from any thread (alerts arrive on the receiver's threads).
 */
final class Console {

    /** A moment of the story, for the report. */
    record Moment(Duration at, String what) {}

    private final PrintStream out;
    private final Clock clock;
    private final Instant start;
    private final List<Moment> timeline = new ArrayList<>();

    Console(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
    }

    Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    synchronized void say(String text) {
        out.println("[" + stamp(elapsed()) + "] " + text);
        out.flush();
    }

    synchronized void detail(String text) {
        out.println("        " + text);
        out.flush();
    }

    synchronized void blank() {
        out.println();
    }

    /** Says it and keeps it for the report's timeline. */
    synchronized void mark(String text) {
        timeline.add(new Moment(elapsed(), text));
        say(text);
    }

    synchronized List<Moment> timeline() {
        return List.copyOf(timeline);
    }

    static String stamp(Duration at) {
        long seconds = Math.max(0, at.toSeconds());
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
