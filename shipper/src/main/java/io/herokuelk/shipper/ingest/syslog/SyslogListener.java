package io.herokuelk.shipper.ingest.syslog;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on one server socket (plain or TLS) and opens each, or refuses it when every place is taken.
 * TLS handshakes happen on the connection's own thread, so a slow client never holds up accepting.
 */
final class SyslogListener {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogListener.class);

    private final ServerSocket server;
    private final String transport;
    private final OpenConnections connections;
    private final Function<Socket, Runnable> connectionFactory;
    private final AtomicLong accepted = new AtomicLong();
    private Thread acceptor;

    SyslogListener(
            ServerSocket server,
            String transport,
            OpenConnections connections,
            Function<Socket, Runnable> connectionFactory) {
        this.server = server;
        this.transport = transport;
        this.connections = connections;
        this.connectionFactory = connectionFactory;
    }

    int port() {
        return server.getLocalPort();
    }

    void start() {
        acceptor = Thread.ofVirtual().name(transport + "-accept").start(this::acceptLoop);
        LOG.info("Listening for {} drains on port {}.", transport, port());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.atWarn()
                            .addKeyValue("error", e.toString())
                            .log("Accepting a {} connection failed; accepting goes on.", transport);
                    pauseAfterFailure(); // out of file descriptors, say: do not spin
                }
                continue;
            }
            open(socket);
        }
    }

    private void open(Socket socket) {
        try {
            String name = transport + "-" + accepted.incrementAndGet();
            if (!connections.tryOpen(socket, name, connectionFactory.apply(socket))) {
                LOG.warn(
                        "Refused a {} connection from {}: {} connections are open, the most allowed.",
                        transport,
                        socket.getRemoteSocketAddress(),
                        connections.max());
                OpenConnections.closeQuietly(socket);
            }
        } catch (RuntimeException e) {
            LOG.atError()
                    .addKeyValue("error", e.toString())
                    .log(
                            "Could not open a {} connection from {}; it was closed.",
                            transport,
                            socket.getRemoteSocketAddress());
            OpenConnections.closeQuietly(socket);
        }
    }

    private static void pauseAfterFailure() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting; open connections are closed by their owner. */
    void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("Closing the {} listener failed.", transport);
        }
        if (acceptor != null) {
            try {
                acceptor.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
