package io.herokuelk.shipper.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/** Reads metrics back from a registry. */
public final class Metrics {

    private Metrics() {}

    /** A counter's value for the labels given as name, value pairs (0 when never counted). */
    public static double counter(PrometheusRegistry registry, String name, String... labels) {
        Labels wanted = Labels.of(labels);
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot instanceof CounterSnapshot counter
                    && (name.equals(counter.getMetadata().getName())
                            || name.equals(counter.getMetadata().getName() + "_total"))) {
                for (CounterSnapshot.CounterDataPointSnapshot point : counter.getDataPoints()) {
                    if (point.getLabels().equals(wanted)) {
                        return point.getValue();
                    }
                }
            }
        }
        return 0;
    }

    /** How many observations a histogram holds for the labels. */
    public static long observations(PrometheusRegistry registry, String name, String... labels) {
        Labels wanted = Labels.of(labels);
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot instanceof HistogramSnapshot histogram
                    && name.equals(histogram.getMetadata().getName())) {
                for (HistogramSnapshot.HistogramDataPointSnapshot point : histogram.getDataPoints()) {
                    if (point.getLabels().equals(wanted)) {
                        return point.getCount();
                    }
                }
            }
        }
        return 0;
    }
}
