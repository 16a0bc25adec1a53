package io.herokuelk.shipper.alert.config;

import java.util.List;
import java.util.stream.Collectors;

/** A rules file that cannot be used: every problem found, each with its line, so one edit fixes them all. */
public final class RuleConfigException extends RuntimeException {

    /** One problem at one line (1-based; 0 when the file as a whole is at fault). */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + message : message;
        }
    }

    private final String source;
    private final List<Problem> problems;

    public RuleConfigException(String source, List<Problem> problems) {
        super("Alert rules file " + source + " is invalid:\n"
                + problems.stream().map(p -> "  " + source + " " + p).collect(Collectors.joining("\n")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }
}
