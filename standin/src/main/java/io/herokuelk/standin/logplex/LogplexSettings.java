package io.herokuelk.standin.logplex;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a {@link LogplexDrain} sends: where, as which drain, how much it buffers and how it retries.
 *
 * @param drainUrl         the drain as {@code heroku drains:add} takes it, {@code https://user:pass@host/path?query};
 *                         the user info becomes the {@code Authorization} header and is never sent in the URL
 * @param drainToken       {@code Logplex-Drain-Token}, {@code d.<uuid>}, stable for the drain
 * @param bufferCapacity   lines held while waiting to be sent; lines arriving when it is full are dropped (L10)
 * @param batchTargetBytes a batch is sent once its body reaches this size (Logplex aims at about 100 KiB)
 * @param maxBatchMessages a batch is sent once it holds this many lines (a loss report comes on top)
 * @param flushInterval    the longest a line waits for its batch to fill
 * @param maxTries         attempts per batch on 429, 5xx, timeouts and connection errors (Logplex: 3 in all)
 * @param retryPause       pause between two attempts of a batch
 * @param connectTimeout   TCP (and TLS) connect timeout per attempt
 * @param requestTimeout   time for the drain to answer an attempt
 * @param closeTimeout     how long {@link LogplexDrain#close()} waits for the buffer to be sent
 * @param userAgent        the {@code User-Agent} header
 */
public record LogplexSettings(
        URI drainUrl,
        String drainToken,
        int bufferCapacity,
        int batchTargetBytes,
        int maxBatchMessages,
        Duration flushInterval,
        int maxTries,
        Duration retryPause,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration closeTimeout,
        String userAgent) {

    public static final int DEFAULT_BUFFER_CAPACITY = 10_000;
    public static final int DEFAULT_BATCH_TARGET_BYTES = 100 * 1024;
    public static final int DEFAULT_MAX_BATCH_MESSAGES = 1_000;
    public static final String DEFAULT_USER_AGENT = "Logplex/v72";

    public LogplexSettings {
        DrainUrl.parse(Objects.requireNonNull(drainUrl, "drainUrl")); // fails early on a URL it cannot send to
        Objects.requireNonNull(drainToken, "drainToken");
        positive("bufferCapacity", bufferCapacity);
        positive("batchTargetBytes", batchTargetBytes);
        positive("maxBatchMessages", maxBatchMessages);
        positive("maxTries", maxTries);
        positive("flushInterval", flushInterval);
        notNegative("retryPause", retryPause);
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        notNegative("closeTimeout", closeTimeout);
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** Logplex's behaviour: 10,000 lines of buffer, 100 KiB batches, 1 s flushes, 3 tries, 3 s / 5 s timeouts. */
    public static LogplexSettings defaults(URI drainUrl) {
        return new LogplexSettings(
                drainUrl,
                newDrainToken(),
                DEFAULT_BUFFER_CAPACITY,
                DEFAULT_BATCH_TARGET_BYTES,
                DEFAULT_MAX_BATCH_MESSAGES,
                Duration.ofSeconds(1),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                DEFAULT_USER_AGENT);
    }

    public static String newDrainToken() {
        return "d." + UUID.randomUUID();
    }

    public LogplexSettings withDrainToken(String token) {
        Changes c = changes();
        c.drainToken = token;
        return c.settings();
    }

    public LogplexSettings withBufferCapacity(int lines) {
        Changes c = changes();
        c.bufferCapacity = lines;
        return c.settings();
    }

    public LogplexSettings withBatchLimits(int targetBytes, int maxMessages) {
        Changes c = changes();
        c.batchTargetBytes = targetBytes;
        c.maxBatchMessages = maxMessages;
        return c.settings();
    }

    public LogplexSettings withFlushInterval(Duration interval) {
        Changes c = changes();
        c.flushInterval = interval;
        return c.settings();
    }

    public LogplexSettings withRetries(int tries, Duration pause) {
        Changes c = changes();
        c.maxTries = tries;
        c.retryPause = pause;
        return c.settings();
    }

    public LogplexSettings withTimeouts(Duration connect, Duration request) {
        Changes c = changes();
        c.connectTimeout = connect;
        c.requestTimeout = request;
        return c.settings();
    }

    public LogplexSettings withCloseTimeout(Duration timeout) {
        Changes c = changes();
        c.closeTimeout = timeout;
        return c.settings();
    }

    public LogplexSettings withUserAgent(String agent) {
        Changes c = changes();
        c.userAgent = agent;
        return c.settings();
    }

    private Changes changes() {
        return new Changes(this);
    }

    /** A copy of these settings to change a field or two of; {@link #settings()} validates the result. */
    private static final class Changes {
        private final URI drainUrl;
        private String drainToken;
        private int bufferCapacity;
        private int batchTargetBytes;
        private int maxBatchMessages;
        private Duration flushInterval;
        private int maxTries;
        private Duration retryPause;
        private Duration connectTimeout;
        private Duration requestTimeout;
        private Duration closeTimeout;
        private String userAgent;

        Changes(LogplexSettings from) {
            drainUrl = from.drainUrl;
            drainToken = from.drainToken;
            bufferCapacity = from.bufferCapacity;
            batchTargetBytes = from.batchTargetBytes;
            maxBatchMessages = from.maxBatchMessages;
            flushInterval = from.flushInterval;
            maxTries = from.maxTries;
            retryPause = from.retryPause;
            connectTimeout = from.connectTimeout;
            requestTimeout = from.requestTimeout;
            closeTimeout = from.closeTimeout;
            userAgent = from.userAgent;
        }

        LogplexSettings settings() {
            return new LogplexSettings(
                    drainUrl,
                    drainToken,
                    bufferCapacity,
                    batchTargetBytes,
                    maxBatchMessages,
                    flushInterval,
                    maxTries,
                    retryPause,
                    connectTimeout,
                    requestTimeout,
                    closeTimeout,
                    userAgent);
        }
    }

    /** Without the drain's password: settings end up in logs and reports. */
    @Override
    public String toString() {
        return "LogplexSettings[drainUrl=" + DrainUrl.parse(drainUrl).redacted() + ", drainToken=" + drainToken
                + ", bufferCapacity=" + bufferCapacity + ", batchTargetBytes=" + batchTargetBytes
                + ", maxBatchMessages=" + maxBatchMessages + ", flushInterval=" + flushInterval
                + ", maxTries=" + maxTries + ", retryPause=" + retryPause + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", closeTimeout=" + closeTimeout
                + ", userAgent=" + userAgent + "]";
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void notNegative(String name, Duration value) {
        if (Objects.requireNonNull(value, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
