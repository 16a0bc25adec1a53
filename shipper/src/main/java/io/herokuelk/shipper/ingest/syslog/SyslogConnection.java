package io.herokuelk.shipper.ingest.syslog;

import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.SyslogStreamParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One syslog connection: read, parse, hand to Kafka, read on while what Kafka has not yet acknowledged stays within
 * bounds ({@link InFlight}). When the stream ends (the sender closed, it was idle too long, or the server closes) a
 * frame left incomplete is published as a dead letter, and every batch is waited for before the socket closes.
 */
final class SyslogConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogConnection.class);
    /** Logplex writes frames of a few hundred bytes; 16 KiB per connection keeps 1,000 connections at 16 MiB. */
    private static final int READ_BUFFER_BYTES = 16 * 1024;
    /** A sender completes its handshake at once; one that does not would hold a place until the idle timeout. */
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final String transport;
    private final SyslogStreamParser stream;
    private final InFlight inFlight;
    private final Map<String, String> appsByDrainToken;
    private final Duration idleTimeout;
    private final ShutdownSignal shutdown;
    private final Clock clock;

    private DrainTokenSniffer sniffer;
    private String appName = DrainContext.UNKNOWN_APP;
    /** Bytes read since the last batch that held anything; counted with the next one. */
    private long uncountedBytes;

    SyslogConnection(
            Socket socket,
            String transport,
            SyslogStreamParser stream,
            InFlight inFlight,
            Map<String, String> appsByDrainToken,
            Duration idleTimeout,
            ShutdownSignal shutdown,
            Clock clock) {
        this.socket = socket;
        this.transport = transport;
        this.stream = stream;
        this.inFlight = inFlight;
        this.appsByDrainToken = appsByDrainToken;
        this.idleTimeout = idleTimeout;
        this.shutdown = shutdown;
        this.clock = clock;
        // Without a token map the token could name nothing: skip holding bytes back.
        this.sniffer = appsByDrainToken.isEmpty() ? null : new DrainTokenSniffer();
    }

    @Override
    public void run() {
        try (socket) {
            if (handshake() && read()) {
                endOfStream();
            }
        } catch (IOException | RuntimeException e) {
            // One connection's failure stays its own: the listener and every other connection go on.
            LOG.atError()
                    .addKeyValue("error", e.toString())
                    .log("A {} connection from {} failed and was closed.", transport, remote());
        }
    }

    /** Completes the TLS handshake up front, under its own short timeout; true for a plain socket. */
    private boolean handshake() throws IOException {
        if (!(socket instanceof SSLSocket tls)) {
            return true;
        }
        socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
        try {
            tls.startHandshake();
            return true;
        } catch (IOException e) {
            if (!shutdown.raised()) {
                LOG.atWarn()
                        .addKeyValue("error", e.toString())
                        .log("A {} connection from {} failed its TLS handshake and was closed.", transport, remote());
            }
            return false;
        }
    }

    /** Reads until the stream ends; returns false when reading stopped because a batch was abandoned. */
    private boolean read() throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        while (true) {
            int count;
            try {
                count = in.read(buffer);
            } catch (SocketTimeoutException e) {
                LOG.info(
                        "Closing a {} connection from {}: nothing arrived for {} s.",
                        transport,
                        remote(),
                        idleTimeout.toSeconds());
                return true;
            } catch (SSLException e) {
                LOG.atWarn()
                        .addKeyValue("error", e.toString())
                        .log(
                                "A {} connection from {} sent data that is not valid TLS and was closed.",
                                transport,
                                remote());
                return true;
            } catch (IOException e) {
                if (!shutdown.raised()) {
                    LOG.atInfo()
                            .addKeyValue("error", e.toString())
                            .log("A {} connection from {} ended with an error.", transport, remote());
                }
                return true;
            }
            if (count < 0) {
                return true;
            }
            if (!received(buffer, count)) {
                return false;
            }
        }
    }

    private boolean received(byte[] buffer, int count) {
        if (sniffer != null) {
            if (!sniffer.offer(buffer, 0, count)) {
                return true;
            }
            return feedHeld();
        }
        return feed(buffer, 0, count);
    }

    /** The app name is decided: parse what was held back to decide it. */
    private boolean feedHeld() {
        String token = sniffer.token();
        byte[] held = sniffer.held();
        sniffer = null;
        if (token != null) {
            appName = appsByDrainToken.getOrDefault(token, DrainContext.UNKNOWN_APP);
        }
        return feed(held, 0, held.length);
    }

    private boolean feed(byte[] bytes, int offset, int length) {
        DrainContext context = DrainContext.of(appName, clock.instant());
        return deliver(stream.feed(bytes, offset, length, context), context, length);
    }

    private boolean deliver(ParsedBatch batch, DrainContext context, int length) {
        uncountedBytes += length;
        if (batch.events().isEmpty() && batch.garbage().isEmpty()) {
            return true; // the read ended inside a frame: nothing to publish yet
        }
        long bytes = uncountedBytes;
        uncountedBytes = 0;
        return inFlight.add(batch, context, bytes);
    }

    private void endOfStream() {
        if (sniffer != null) {
            sniffer.giveUp();
            if (!feedHeld()) {
                return;
            }
        }
        DrainContext context = DrainContext.of(appName, clock.instant());
        if (deliver(stream.finish(context), context, 0)) {
            inFlight.drain();
        }
    }

    private String remote() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }
}
