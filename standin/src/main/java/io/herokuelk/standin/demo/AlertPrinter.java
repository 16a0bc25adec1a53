package io.herokuelk.standin.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Prints each alert notification with its context, once: a redelivered notification is not printed again. */
final class AlertPrinter implements Consumer<ReceivedAlert> {

    private static final int MEMORY_LINES = 4;

    private final Console console;
    private final Set<String> printed = new HashSet<>();

    AlertPrinter(Console console) {
        this.console = console;
    }

    @Override
    public synchronized void accept(ReceivedAlert alert) {
        if (!printed.add(alert.rule() + "|" + alert.dyno() + "|" + alert.state() + "|" + alert.summary())) {
            return;
        }
        String where = alert.app() + (alert.dyno().isEmpty() ? "" : " " + alert.dyno());
        if (alert.firing()) {
            console.mark("ALERT " + alert.rule() + " (" + alert.severity() + ") firing for " + where);
            console.detail(alert.summary());
            if (!alert.figures().isEmpty()) {
                console.detail("figures: "
                        + String.join(
                                ", ",
                                alert.figures().entrySet().stream()
                                        .map(figure -> figure.getKey() + "=" + figure.getValue())
                                        .toList()));
            }
            List<String> memory = alert.memory();
            if (!memory.isEmpty()) {
                console.detail("memory before it (newest last):");
                memory.subList(Math.max(0, memory.size() - MEMORY_LINES), memory.size())
                        .forEach(sample -> console.detail("  " + sample));
            }
            if (!alert.busiest().isEmpty()) {
                console.detail("busiest paths: " + String.join("; ", alert.busiest()));
            }
            if (alert.diagnosis() != null) {
                ReceivedDiagnosis d = alert.diagnosis();
                console.detail("diagnosis: " + d.headline() + " " + d.summary());
                console.detail("  from " + String.join(", ", d.signals())
                        + (d.others().isEmpty() ? "" : "; also " + String.join(", ", d.others())));
            }
            if (!alert.remediation().isEmpty()) {
                console.detail("what to do: " + alert.remediation());
            }
        } else {
            console.mark("RESOLVED " + alert.rule() + " for " + where + ": " + alert.summary());
        }
    }
}
