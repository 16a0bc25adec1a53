package io.herokuelk.shipper.setup;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What setup did, one line per action, printed as it happens so that a slow or failing step shows where it is. */
public final class SetupReport {

    /**
     * The outcome of one action. {@code FAILED} makes the command exit non-zero; the others do not. {@code MANUAL}:
     * the service does not let setup do it, and the line says what to run instead.
     */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        SKIPPED,
        NOTE,
        MANUAL,
        FAILED
    }

    /** One action: which service, what happened, to what, and why when that is not obvious. */
    public record Line(String service, Outcome outcome, String subject, String detail) {

        String format() {
            return String.format(
                    "%-13s %-9s %s%s",
                    service, outcome.name().toLowerCase(Locale.ROOT), subject, detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private final PrintStream out;
    private final List<Line> lines = new ArrayList<>();

    public SetupReport(PrintStream out) {
        this.out = out;
    }

    public void add(String service, Outcome outcome, String subject, String detail) {
        Line line = new Line(service, outcome, subject, detail);
        lines.add(line);
        out.println(line.format());
        out.flush();
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public boolean failed() {
        return lines.stream().anyMatch(line -> line.outcome() == Outcome.FAILED);
    }
}
