package io.herokuelk.shipper.ingest;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a drain request's body within a deadline, with its memory reserved from the in-flight budget: the declared
 * length up front when there is one, else chunk by chunk as the bytes arrive. A body that stalls past the deadline
 * gets its connection closed (the read fails at once, and its reservation is returned), so that slow or stalled
 * uploads cannot hold the budget that honest batches need.
 */
final class BodyReader implements AutoCloseable {

    /** Unknown lengths are reserved and read in steps of this many bytes. */
    static final int STEP = 64 * 1024;

    /** How a read ended. */
    enum Status {
        READ,
        TOO_LARGE,
        OVER_BUDGET,
        TIMED_OUT
    }

    /**
     * @param status      {@link Status#READ} with the body, or why not
     * @param body        the bytes, when read
     * @param reservation budget units held; the caller returns them once the body is no longer needed
     */
    record Result(Status status, byte[] body, int reservation) {}

    private final InFlightBudget budget;
    private final int maxBodyBytes;
    private final Duration deadline;
    /** One timer for every request: a stalled read is ended by closing its exchange from here. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("drain-read-deadline").daemon().factory());

    BodyReader(InFlightBudget budget, int maxBodyBytes, Duration deadline) {
        this.budget = budget;
        this.maxBodyBytes = maxBodyBytes;
        this.deadline = deadline;
    }

    /** Reads the body; {@code declared} is the Content-Length, or -1. Never throws on a client's behaviour. */
    Result read(HttpExchange exchange, long declared) {
        int reservation = 0;
        if (declared >= 0) {
            reservation = budget.tryReserve(declared);
            if (reservation == 0) {
                return new Result(Status.OVER_BUDGET, null, 0);
            }
        }
        ScheduledFuture<?> watchdog = timer.schedule(exchange::close, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try (InputStream in = exchange.getRequestBody()) {
            if (declared >= 0) {
                byte[] body = in.readNBytes(maxBodyBytes + 1);
                return new Result(body.length > maxBodyBytes ? Status.TOO_LARGE : Status.READ, body, reservation);
            }
            byte[] buffer = new byte[0];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (buffer.length > maxBodyBytes) {
                        return new Result(Status.TOO_LARGE, null, reservation);
                    }
                    int more = budget.tryReserve(STEP);
                    if (more == 0) {
                        return new Result(Status.OVER_BUDGET, null, reservation);
                    }
                    reservation += more;
                    buffer = Arrays.copyOf(buffer, buffer.length + STEP);
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
            return new Result(
                    length > maxBodyBytes ? Status.TOO_LARGE : Status.READ, Arrays.copyOf(buffer, length), reservation);
        } catch (IOException e) {
            // The deadline closed the exchange, or the client went away: either way the body will not come.
            return new Result(Status.TIMED_OUT, null, reservation);
        } finally {
            watchdog.cancel(false);
        }
    }

    /**
     * Reads and throws away the body of a request answered without it, so that the connection stays usable for the
     * client's next request; true when done, false when the body is too large or too slow to be worth it (the
     * answer must then close the connection).
     */
    boolean discard(HttpExchange exchange, long declared) {
        if (declared < 0 || declared > maxBodyBytes) {
            return false;
        }
        ScheduledFuture<?> watchdog = timer.schedule(exchange::close, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try (InputStream in = exchange.getRequestBody()) {
            byte[] sink = new byte[8192];
            for (long left = declared; left > 0; ) {
                int read = in.read(sink, 0, (int) Math.min(sink.length, left));
                if (read < 0) {
                    return false;
                }
                left -= read;
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            watchdog.cancel(false);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
