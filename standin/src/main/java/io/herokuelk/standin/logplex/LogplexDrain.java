package io.herokuelk.standin.logplex;

import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.LogSink;
import java.time.Clock;
import java.util.Objects;

/**
 * Logplex's HTTPS drain sender: buffers lines, sends them in {@code application/logplex-1} batches one at a time
 * (so order is kept), retries and drops batches as Logplex does, and reports every loss in an L10 message at the
 * head of the next batch.
 *
 * <pre>{@code
 * try (LogplexDrain drain = LogplexDrain.start(LogplexSettings.defaults(URI.create("https://u:p@host/logs/app")))) {
 *     drain.accept(LogLine.app(Instant.now(), "web.1", "hello"));
 *     drain.stats();
 * }
 * }</pre>
 */
public final class LogplexDrain implements LogSink, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LogplexDrain.class.getName());

    private final LogplexSettings settings;
    private final Clock clock;
    private final LineBuffer buffer;
    private final DropLedger ledger = new DropLedger();
    private final DrainCounters counters = new DrainCounters();
    private final DrainClient client;
    private final Thread sender;
    private volatile boolean closed;

    private LogplexDrain(LogplexSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.buffer = new LineBuffer(settings.bufferCapacity());
        this.client = new DrainClient(settings, counters);
        this.sender = Thread.ofPlatform().name("logplex-drain").daemon(true).unstarted(this::run);
    }

    /** A drain with its sender thread running. */
    public static LogplexDrain start(LogplexSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** With the clock that stamps drops and L10 messages (lines carry their own time). */
    public static LogplexDrain start(LogplexSettings settings, Clock clock) {
        LogplexDrain drain = new LogplexDrain(settings, clock);
        drain.sender.start();
        LOG.log(System.Logger.Level.DEBUG, "draining to {0}", DrainUrl.parse(settings.drainUrl()));
        return drain;
    }

    /** Never waits: a full buffer drops the line and counts it for the next L10. Ignored once closed. */
    @Override
    public void accept(LogLine line) {
        Objects.requireNonNull(line, "line");
        if (closed) {
            return;
        }
        if (!buffer.offer(line)) {
            ledger.dropped(1, clock.instant());
            counters.overflowed(1);
        }
    }

    public LogplexStats stats() {
        return counters.snapshot(buffer.size());
    }

    public LogplexSettings settings() {
        return settings;
    }

    /**
     * Sends what is buffered, waiting at most the close timeout; lines still unsent then are counted as dropped.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        buffer.close();
        try {
            sender.join(settings.closeTimeout());
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(settings.requestTimeout());
            }
        } catch (InterruptedException e) {
            sender.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    private void run() {
        long flushNanos = settings.flushInterval().toNanos();
        BatchBuilder batch = null;
        try {
            while (true) {
                if (!buffer.await(flushNanos)) {
                    if (buffer.isClosed()) {
                        // A loss report waits for the next line; at the end there is none, so it goes out alone.
                        sendLossReport();
                        return;
                    }
                    continue;
                }
                batch = newBatch();
                long deadline = System.nanoTime() + flushNanos;
                LogLine line;
                while (!batch.full() && (line = buffer.poll(deadline - System.nanoTime())) != null) {
                    batch.add(line);
                }
                send(batch.build());
                batch = null;
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
            }
        } catch (InterruptedException e) {
            // close() ran out of time: what is left never leaves.
            long lost = buffer.clear();
            if (batch != null) {
                lost += batch.lineCount();
                ledger.restore(batch.loss());
            }
            ledger.dropped(lost, clock.instant());
            counters.lost(lost);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "logplex drain sender stopped", e);
        }
    }

    private BatchBuilder newBatch() {
        return new BatchBuilder(
                settings.batchTargetBytes(), settings.maxBatchMessages(), ledger.take(), clock.instant());
    }

    private void sendLossReport() {
        BatchBuilder batch = newBatch();
        if (!batch.isEmpty()) {
            send(batch.build());
        }
    }

    private void send(Batch batch) {
        if (client.deliver(batch)) {
            counters.delivered(batch);
            return;
        }
        counters.dropped(batch);
        ledger.restore(batch.loss());
        ledger.dropped(batch.lineCount(), clock.instant());
    }
}
