package io.herokuelk.standin.router;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Opens (and closes) a TCP connection to a dyno before the request goes out. The JDK HTTP client does not say how
 * long connecting took nor tell "refused" apart early, and both matter: {@code connect=} is part of every router line,
 * and a refused dyno can be passed over safely only while the request has not been sent.
 */
final class ConnectProbe {

    enum Outcome {
        CONNECTED,
        REFUSED,
        TIMED_OUT
    }

    record Result(Outcome outcome, long millis) {}

    private ConnectProbe() {}

    static Result connect(InetSocketAddress address, Duration timeout) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            return new Result(Outcome.CONNECTED, millisSince(started));
        } catch (SocketTimeoutException e) {
            return new Result(Outcome.TIMED_OUT, millisSince(started));
        } catch (IOException e) {
            return new Result(Outcome.REFUSED, millisSince(started));
        }
    }

    static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
