package io.herokuelk.shipper.setup.kibana;

/**
 * How a number is shown. Kibana's {@code percent} format multiplies by 100 and ours are already percentages, and it
 * has no megabyte format for values that are MB already; so MB and percent are plain numbers with a unit suffix, and
 * milliseconds and nanoseconds use its duration format.
 */
public enum Unit {
    NONE,
    MB,
    PERCENT,
    MS,
    NANOS,
    COUNT
}
