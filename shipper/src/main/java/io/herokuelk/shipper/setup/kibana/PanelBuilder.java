package io.herokuelk.shipper.setup.kibana;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one dashboard's panels left to right, wrapping at 48 columns, and gives columns and layers their ids
 * (stable: derived from the panel's position), so the definition only says what each panel shows.
 */
final class PanelBuilder {

    static final int GRID_COLUMNS = 48;

    private final String dashboardId;
    private final List<Panel> panels = new ArrayList<>();
    private int x;
    private int y;
    private int rowHeight;

    PanelBuilder(String dashboardId) {
        this.dashboardId = dashboardId;
    }

    /** One layer's columns: buckets first; a terms column's {@code orderBy} may name another column by index "#n". */
    record Spec(DataView view, List<Column> columns) {}

    static Spec layer(DataView view, Column... columns) {
        return new Spec(view, List.of(columns));
    }

    PanelBuilder xy(String title, String seriesType, Condition query, int w, int h, Spec... specs) {
        return add(title, Panel.Kind.XY, seriesType, query, w, h, specs);
    }

    PanelBuilder metric(String title, Condition query, int w, int h, Spec spec) {
        return add(title, Panel.Kind.METRIC, null, query, w, h, spec);
    }

    PanelBuilder table(String title, Condition query, int w, int h, Spec spec) {
        return add(title, Panel.Kind.TABLE, null, query, w, h, spec);
    }

    /** A reference line layer at {@code value} on the panel added last (Lens draws it across the chart). */
    PanelBuilder withReferenceLine(double value, String label) {
        Panel last = panels.removeLast();
        List<Layer> layers = new ArrayList<>(last.layers());
        String layerId = last.layers().getFirst().id().replaceAll("-l\\d+$", "") + "-ref";
        Column line = Column.constant(value, label).withId(layerId + "-c0");
        layers.add(new Layer(layerId, last.layers().getFirst().dataView(), List.of(line), null, null, true));
        panels.add(new Panel(
                last.title(),
                last.kind(),
                last.seriesType(),
                layers,
                last.query(),
                last.x(),
                last.y(),
                last.w(),
                last.h()));
        return this;
    }

    private PanelBuilder add(
            String title, Panel.Kind kind, String seriesType, Condition query, int w, int h, Spec... specs) {
        if (x + w > GRID_COLUMNS) {
            x = 0;
            y += rowHeight;
            rowHeight = 0;
        }
        String panelId = dashboardId + "-p" + panels.size();
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < specs.length; l++) {
            layers.add(layer(panelId + "-l" + l, specs[l], kind));
        }
        panels.add(new Panel(title, kind, seriesType, layers, query, x, y, w, h));
        x += w;
        rowHeight = Math.max(rowHeight, h);
        return this;
    }

    private static Layer layer(String layerId, Spec spec, Panel.Kind kind) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < spec.columns().size(); c++) {
            Column column = spec.columns().get(c).withId(layerId + "-c" + c);
            if (column.orderBy() != null && column.orderBy().startsWith("#")) {
                column = column.orderedBy(layerId + "-c" + column.orderBy().substring(1));
            }
            columns.add(column);
        }
        String x = null;
        String split = null;
        if (kind == Panel.Kind.XY) {
            for (Column column : columns) {
                if (column.op() == Column.Op.DATE_HISTOGRAM && x == null) {
                    x = column.id();
                } else if (column.op().bucketed()) {
                    split = column.id();
                }
            }
        }
        return new Layer(layerId, spec.view(), columns, x, split, false);
    }

    List<Panel> panels() {
        return List.copyOf(panels);
    }
}
