package io.herokuelk.shipper.ingest.syslog;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the syslog listeners stretch.
 *
 * @param maxConnections   open connections across both listeners; one more is refused (closed at once) and logged
 * @param idleTimeout      a connection that sends nothing for this long is closed; Logplex keeps its connections
 *                         open and quiet apps log rarely, so this is generous
 * @param closeGrace       how long {@link SyslogServer#close()} waits for batches already handed to Kafka
 * @param retryInitial     first pause after Kafka refused a batch; it doubles per attempt
 * @param retryMax         the longest pause between attempts; attempts go on at this pace until Kafka takes the batch
 * @param maxInFlightPerConnection bytes a connection may have read and handed to Kafka without its acknowledgement
 *                         yet; past it, the connection waits for its oldest batch before reading on. This is what a
 *                         crash of the process can lose per connection (syslog has no acknowledgement)
 */
public record SyslogLimits(
        int maxConnections,
        Duration idleTimeout,
        Duration closeGrace,
        Duration retryInitial,
        Duration retryMax,
        int maxInFlightPerConnection) {

    public SyslogLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
        }
        positive(idleTimeout, "idleTimeout");
        positive(closeGrace, "closeGrace");
        positive(retryInitial, "retryInitial");
        positive(retryMax, "retryMax");
        if (maxInFlightPerConnection < 1) {
            throw new IllegalArgumentException(
                    "maxInFlightPerConnection must be positive, was " + maxInFlightPerConnection);
        }
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("retryMax must not be shorter than retryInitial");
        }
    }

    /**
     * 1,000 connections (Logplex opens a few per drain), 10 minutes idle, 5 s grace, retries from 100 ms to 30 s,
     * 1 MiB in flight per connection (enough to keep Kafka's batches full; the drains' shared budget bounds the sum).
     */
    public static SyslogLimits defaults() {
        return new SyslogLimits(
                1_000,
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                Duration.ofMillis(100),
                Duration.ofSeconds(30),
                1024 * 1024);
    }

    public SyslogLimits withMaxConnections(int max) {
        return new SyslogLimits(max, idleTimeout, closeGrace, retryInitial, retryMax, maxInFlightPerConnection);
    }

    public SyslogLimits withIdleTimeout(Duration timeout) {
        return new SyslogLimits(maxConnections, timeout, closeGrace, retryInitial, retryMax, maxInFlightPerConnection);
    }

    public SyslogLimits withRetry(Duration initial, Duration max) {
        return new SyslogLimits(maxConnections, idleTimeout, closeGrace, initial, max, maxInFlightPerConnection);
    }

    public SyslogLimits withCloseGrace(Duration grace) {
        return new SyslogLimits(maxConnections, idleTimeout, grace, retryInitial, retryMax, maxInFlightPerConnection);
    }

    public SyslogLimits withMaxInFlightPerConnection(int bytes) {
        return new SyslogLimits(maxConnections, idleTimeout, closeGrace, retryInitial, retryMax, bytes);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
