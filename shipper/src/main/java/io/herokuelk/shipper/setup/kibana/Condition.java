package io.herokuelk.shipper.setup.kibana;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A filter a panel, a column or a rule applies, written once and rendered as KQL for Kibana. Only the few shapes the
 * dashboards need, so that the KQL stays simple enough to be translated back to an Elasticsearch query and checked.
 */
public sealed interface Condition {

    String kql();

    /** Every field the condition reads, for the static checks. */
    List<String> fields();

    /** {@code field : "a"} or {@code field : ("a" or "b")}. */
    record Is(String field, List<String> values) implements Condition {
        @Override
        public String kql() {
            String quoted = values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(" or "));
            return field + " : " + (values.size() == 1 ? quoted : "(" + quoted + ")");
        }

        @Override
        public List<String> fields() {
            return List.of(field);
        }
    }

    /** {@code field : *}: the field has a value. */
    record Exists(String field) implements Condition {
        @Override
        public String kql() {
            return field + " : *";
        }

        @Override
        public List<String> fields() {
            return List.of(field);
        }
    }

    /** Every part holds. */
    record All(List<Condition> parts) implements Condition {
        @Override
        public String kql() {
            return parts.stream()
                    .map(p -> p instanceof Any ? "(" + p.kql() + ")" : p.kql())
                    .collect(Collectors.joining(" and "));
        }

        @Override
        public List<String> fields() {
            return parts.stream().flatMap(p -> p.fields().stream()).toList();
        }
    }

    /** At least one part holds. */
    record Any(List<Condition> parts) implements Condition {
        @Override
        public String kql() {
            return parts.stream()
                    .map(p -> p instanceof All ? "(" + p.kql() + ")" : p.kql())
                    .collect(Collectors.joining(" or "));
        }

        @Override
        public List<String> fields() {
            return parts.stream().flatMap(p -> p.fields().stream()).toList();
        }
    }

    static Condition is(String field, String... values) {
        return new Is(field, List.of(values));
    }

    static Condition exists(String field) {
        return new Exists(field);
    }

    static Condition all(Condition... parts) {
        return new All(List.of(parts));
    }

    static Condition any(Condition... parts) {
        return new Any(List.of(parts));
    }

    /** The KQL of an optional condition: empty text matches everything. */
    static String kqlOf(Condition condition) {
        return condition == null ? "" : condition.kql();
    }

    static Stream<String> fieldsOf(Condition condition) {
        return condition == null ? Stream.empty() : condition.fields().stream();
    }
}
