package io.herokuelk.shipper.setup.kibana;

import java.util.List;

/**
 * A Lens panel placed on a 48-column dashboard grid.
 *
 * @param seriesType XY only: {@code line}, {@code bar_stacked}, {@code area}
 * @param query      applies to every layer of the panel; null for none
 */
public record Panel(
        String title, Kind kind, String seriesType, List<Layer> layers, Condition query, int x, int y, int w, int h) {

    /** Lens visualization types. */
    public enum Kind {
        XY("lnsXY"),
        METRIC("lnsMetric"),
        TABLE("lnsDatatable");

        private final String lens;

        Kind(String lens) {
            this.lens = lens;
        }

        public String lens() {
            return lens;
        }
    }
}
