package io.herokuelk.standin.demo;

import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.LogSink;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the lines on their way to Logplex for the moments the story is about: the first R14 (and R15) Heroku
 * logs, and crashes. Counts R14 lines for the report.
 */
final class PlatformWatch implements LogSink {

    private final Console console;
    private final AtomicInteger r14Lines = new AtomicInteger();
    private final AtomicInteger r15Lines = new AtomicInteger();
    private volatile String lastProcessRunning = "";

    PlatformWatch(Console console) {
        this.console = console;
    }

    @Override
    public void accept(LogLine line) {
        if (!LogLine.HEROKU.equals(line.appName()) || "router".equals(line.procId())) {
            return;
        }
        String text = line.text();
        if (text.startsWith("Process running mem=")) {
            lastProcessRunning = text;
        } else if (text.startsWith("Error R14")) {
            if (r14Lines.incrementAndGet() == 1) {
                console.mark(
                        "Heroku logs its first R14 for " + line.procId() + ": " + lastProcessRunning + " / " + text);
            }
        } else if (text.startsWith("Error R15")) {
            if (r15Lines.incrementAndGet() == 1) {
                console.mark("Heroku logs R15 for " + line.procId() + ": " + lastProcessRunning + " / " + text);
            }
        } else if (text.contains("to crashed")) {
            console.mark(line.procId() + ": " + text);
        }
    }

    int r14Lines() {
        return r14Lines.get();
    }

    int r15Lines() {
        return r15Lines.get();
    }
}
