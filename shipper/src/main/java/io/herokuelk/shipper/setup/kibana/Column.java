package io.herokuelk.shipper.setup.kibana;

import java.util.List;

/**
 * One Lens column: a bucket (date histogram, terms, ranges) or a metric over {@code field}.
 *
 * @param filter  only documents matching it count for this column (Lens' per-column filter); null for all
 * @param size    terms: how many values; percentile: which percentile; static value: the value
 * @param orderBy terms: the metric column whose value orders the values, or null for document count
 */
public record Column(
        String id,
        Op op,
        String field,
        String label,
        Unit unit,
        Condition filter,
        double size,
        String orderBy,
        List<Range> ranges) {

    /** Lens operation types, with their names in the saved state. */
    public enum Op {
        DATE_HISTOGRAM("date_histogram"),
        TERMS("terms"),
        RANGE("range"),
        COUNT("count"),
        MAX("max"),
        MIN("min"),
        AVERAGE("average"),
        SUM("sum"),
        MEDIAN("median"),
        PERCENTILE("percentile"),
        UNIQUE_COUNT("unique_count"),
        LAST_VALUE("last_value"),
        STATIC_VALUE("static_value");

        private final String lens;

        Op(String lens) {
            this.lens = lens;
        }

        public String lens() {
            return lens;
        }

        public boolean bucketed() {
            return this == DATE_HISTOGRAM || this == TERMS || this == RANGE;
        }
    }

    /** A bucket of a range column: {@code from} inclusive, {@code to} exclusive. */
    public record Range(double from, double to, String label) {}

    public Column withId(String newId) {
        return new Column(newId, op, field, label, unit, filter, size, orderBy, ranges);
    }

    public Column where(Condition condition) {
        return new Column(id, op, field, label, unit, condition, size, orderBy, ranges);
    }

    public Column as(String newLabel) {
        return new Column(id, op, field, newLabel, unit, filter, size, orderBy, ranges);
    }

    public Column in(Unit newUnit) {
        return new Column(id, op, field, label, newUnit, filter, size, orderBy, ranges);
    }

    public Column orderedBy(String columnId) {
        return new Column(id, op, field, label, unit, filter, size, columnId, ranges);
    }

    // Factories; ids are given by the panel (position in the layer), so the definition only says what to show.

    public static Column time() {
        return new Column("", Op.DATE_HISTOGRAM, "@timestamp", "@timestamp", Unit.NONE, null, 0, null, List.of());
    }

    public static Column terms(String field, int size, String label) {
        return new Column("", Op.TERMS, field, label, Unit.NONE, null, size, null, List.of());
    }

    public static Column ranges(String field, String label, List<Range> ranges) {
        return new Column("", Op.RANGE, field, label, Unit.NONE, null, 0, null, ranges);
    }

    public static Column count(String label) {
        return new Column("", Op.COUNT, "___records___", label, Unit.COUNT, null, 0, null, List.of());
    }

    public static Column metric(Op op, String field, String label, Unit unit) {
        return new Column("", op, field, label, unit, null, 0, null, List.of());
    }

    public static Column percentile(double percentile, String field, String label, Unit unit) {
        return new Column("", Op.PERCENTILE, field, label, unit, null, percentile, null, List.of());
    }

    public static Column constant(double value, String label) {
        return new Column("", Op.STATIC_VALUE, null, label, Unit.PERCENT, null, value, null, List.of());
    }
}
