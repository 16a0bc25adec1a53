package io.herokuelk.shipper.setup.kibana;

import java.util.List;

/**
 * One Lens layer: a data view and its columns, bucket columns first (Lens nests them in that order).
 *
 * @param x     the column on the horizontal axis (XY), or null
 * @param split the column that splits series (XY), or null
 */
public record Layer(String id, DataView dataView, List<Column> columns, String x, String split, boolean referenceLine) {

    public List<Column> buckets() {
        return columns.stream().filter(c -> c.op().bucketed()).toList();
    }

    public List<Column> metrics() {
        return columns.stream().filter(c -> !c.op().bucketed()).toList();
    }
}
