package io.herokuelk.shipper.telemetry;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The registry of a shipper process: its own metrics, and the JVM's and the process's (a tool about memory shows its own). */
public final class JvmInstrumentation {

    private JvmInstrumentation() {}

    /** A new registry with {@code jvm_*} (memory pools, GC, threads, classes) and {@code process_*} (RSS, CPU) series. */
    public static PrometheusRegistry newRegistry() {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        return registry;
    }
}
