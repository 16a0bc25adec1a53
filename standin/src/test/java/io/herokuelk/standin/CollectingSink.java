package io.herokuelk.standin;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** Keeps every line the stand-in's parts write, for tests to wait for and look at. */
public final class CollectingSink implements LogSink {

    private final List<LogLine> lines = new CopyOnWriteArrayList<>();

    @Override
    public void accept(LogLine line) {
        lines.add(line);
    }

    public List<LogLine> all() {
        return List.copyOf(lines);
    }

    /** The platform's lines about {@code dyno}, as text, in the order written. */
    public List<String> platform(String dyno) {
        return lines.stream()
                .filter(line -> LogLine.HEROKU.equals(line.appName()) && dyno.equals(line.procId()))
                .map(LogLine::text)
                .toList();
    }

    /** What {@code dyno}'s processes printed, one entry per message. */
    public List<LogLine> app(String dyno) {
        return lines.stream()
                .filter(line -> LogLine.APP.equals(line.appName()) && dyno.equals(line.procId()))
                .toList();
    }

    /** Waits until the platform said {@code text} about {@code dyno}, {@code times} times in all. */
    public void awaitPlatform(String dyno, String text, int times, Duration atMost) {
        awaitUntil(
                dyno + " to say \"" + text + "\" " + times + " time(s)",
                atMost,
                () -> platform(dyno).stream().filter(text::equals).count() >= times);
    }

    public void awaitPlatform(String dyno, String text, Duration atMost) {
        awaitPlatform(dyno, text, 1, atMost);
    }

    /** Waits until one of {@code dyno}'s processes printed a line that matches, and returns it. */
    public LogLine awaitApp(String dyno, Predicate<String> matching, Duration atMost) {
        awaitUntil(
                "an app line of " + dyno + " that matches",
                atMost,
                () -> app(dyno).stream().map(LogLine::text).anyMatch(matching));
        return app(dyno).stream()
                .filter(line -> matching.test(line.text()))
                .findFirst()
                .orElseThrow();
    }

    /** Waits for the condition; on timeout the failure lists every line so far, to show what happened instead. */
    public void awaitUntil(String what, Duration atMost, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Waited " + atMost.toSeconds() + " s for " + what + "; the lines so far:\n" + this, e);
        }
    }

    /** Every line, one a row, long ones cut: what a failing test prints. */
    @Override
    public String toString() {
        return lines.stream()
                .map(line -> line.appName() + "[" + line.procId() + "]: " + shortened(line))
                .collect(Collectors.joining("\n"));
    }

    private static String shortened(LogLine line) {
        String text = line.text();
        return text.length() <= 300 ? text : text.substring(0, 120) + "... (" + line.bytes().length + " bytes)";
    }
}
