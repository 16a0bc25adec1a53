package io.herokuelk.shipper.alert.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects what is wrong with a rules file so that one run reports all of it. */
final class Problems {

    private final List<RuleConfigException.Problem> found = new ArrayList<>();

    void add(Node at, String message) {
        add(line(at), message);
    }

    void add(int line, String message) {
        found.add(new RuleConfigException.Problem(line, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny(String source) {
        if (!found.isEmpty()) {
            found.sort(Comparator.comparingInt(RuleConfigException.Problem::line));
            throw new RuleConfigException(source, found);
        }
    }

    /** SnakeYAML counts lines from 0; people count from 1. */
    static int line(Node node) {
        return node == null || node.getStartMark() == null
                ? 0
                : node.getStartMark().getLine() + 1;
    }
}
