package io.herokuelk.shipper.ingest.syslog;

import io.herokuelk.shipper.config.ConfigurationException;
import io.herokuelk.shipper.config.DrainSettings;
import io.herokuelk.shipper.ingest.BatchIngestor;
import io.herokuelk.shipper.ingest.InFlightBudget;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.retry.Backoff;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The syslog drain listeners ({@code syslog://host:port} and {@code syslog+tls://host:port}): plain TCP on
 * {@code SYSLOG_TCP_PORT} and TLS 1.2+ on {@code SYSLOG_TLS_PORT}, each only when its port is set (0 picks a free
 * port). Every connection gets its own parser and virtual thread; at most {@link SyslogLimits#maxConnections()} are
 * open across both listeners.
 *
 * <pre>{@code
 * try (SyslogServer syslog = new SyslogServer(settings, parser, ingestor, metrics)) {
 *     syslog.start();          // fails here on a port in use or bad PEM material
 *     syslog.tlsPort();        // the bound port, when the TLS listener is on
 * }
 * }</pre>
 */
public final class SyslogServer implements AutoCloseable {

    public static final String TCP_TRANSPORT = "syslog-tcp";
    public static final String TLS_TRANSPORT = "syslog-tls";

    private static final Logger LOG = LoggerFactory.getLogger(SyslogServer.class);
    private static final int ACCEPT_BACKLOG = 128;
    private static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final DrainSettings settings;
    private final DrainBodyParser parser;
    private final BatchIngestor ingestor;
    private final SyslogLimits limits;
    private final Clock clock;
    private final OpenConnections connections;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final InFlightBudget budget;

    private SyslogListener tcp;
    private SyslogListener tls;
    private boolean started;

    /** With {@link SyslogLimits#defaults()}. */
    public SyslogServer(DrainSettings settings, DrainBodyParser parser, BatchIngestor ingestor, IngestMetrics metrics) {
        this(settings, parser, ingestor, metrics, SyslogLimits.defaults());
    }

    /**
     * @param metrics counted through {@code ingestor} under the transports {@link #TCP_TRANSPORT} and
     *                {@link #TLS_TRANSPORT}; kept here so the wiring reads the same as the HTTPS drain's
     */
    public SyslogServer(
            DrainSettings settings,
            DrainBodyParser parser,
            BatchIngestor ingestor,
            IngestMetrics metrics,
            SyslogLimits limits) {
        this(settings, parser, ingestor, metrics, limits, new InFlightBudget(settings.maxInFlightBytes()));
    }

    /** With the in-flight budget of the HTTPS drain, so that both together stay within it. */
    public SyslogServer(
            DrainSettings settings,
            DrainBodyParser parser,
            BatchIngestor ingestor,
            IngestMetrics metrics,
            SyslogLimits limits,
            InFlightBudget budget) {
        this.budget = budget;
        this.settings = settings;
        this.parser = parser;
        this.ingestor = ingestor;
        this.limits = limits;
        this.clock = Clock.systemUTC();
        this.connections = new OpenConnections(limits.maxConnections());
    }

    /**
     * Binds the configured listeners and starts accepting.
     *
     * @throws ConfigurationException when the TLS material is missing or unusable (the message names the variable)
     * @throws UncheckedIOException    when a port cannot be bound
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the syslog server is already started");
        }
        started = true;
        // Build the TLS context first, so bad PEM fails before any port is bound.
        SSLContext context = settings.syslogTlsPort().isPresent() ? tlsContext() : null;
        try {
            if (settings.syslogTcpPort().isPresent()) {
                tcp = listener(plainSocket(settings.syslogTcpPort().get()), TCP_TRANSPORT);
            }
            if (context != null) {
                tls = listener(tlsSocket(context, settings.syslogTlsPort().get()), TLS_TRANSPORT);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("A syslog listener could not bind its port: " + e.getMessage(), e);
        }
        if (tcp == null && tls == null) {
            LOG.info("No syslog listener: neither SYSLOG_TCP_PORT nor SYSLOG_TLS_PORT is set.");
        }
    }

    /** The plain TCP listener's bound port, when it is on and started. */
    public OptionalInt tcpPort() {
        SyslogListener listener = tcp;
        return listener == null ? OptionalInt.empty() : OptionalInt.of(listener.port());
    }

    /** The TLS listener's bound port, when it is on and started. */
    public OptionalInt tlsPort() {
        SyslogListener listener = tls;
        return listener == null ? OptionalInt.empty() : OptionalInt.of(listener.port());
    }

    /** Connections open right now on both listeners. */
    public int openConnections() {
        return connections.size();
    }

    /**
     * Stops accepting, closes every connection and waits up to {@link SyslogLimits#closeGrace()} for batches already
     * handed to Kafka; what Kafka has not confirmed by then is logged with its count.
     */
    @Override
    public synchronized void close() {
        shutdown.raise();
        if (tcp != null) {
            tcp.close();
        }
        if (tls != null) {
            tls.close();
        }
        connections.closeAll(limits.closeGrace());
    }

    private SSLContext tlsContext() {
        if (settings.tlsCertificate().isEmpty() || settings.tlsKey().isEmpty()) {
            throw new ConfigurationException(List.of("SYSLOG_TLS_PORT is set but "
                    + PemServerContext.CERTIFICATE_VARIABLE + " and " + PemServerContext.KEY_VARIABLE
                    + " (PEM) are not both set"));
        }
        return PemServerContext.create(
                settings.tlsCertificate().get(), settings.tlsKey().get());
    }

    private SyslogListener listener(ServerSocket server, String transport) {
        SyslogListener listener =
                new SyslogListener(server, transport, connections, socket -> connection(socket, transport));
        listener.start();
        return listener;
    }

    private Runnable connection(Socket socket, String transport) {
        BatchDelivery delivery =
                new BatchDelivery(ingestor, transport, new Backoff(limits.retryInitial(), limits.retryMax()), shutdown);
        return new SyslogConnection(
                socket,
                transport,
                parser.newStream(),
                new InFlight(delivery, budget, limits.maxInFlightPerConnection()),
                settings.drainTokens(),
                limits.idleTimeout(),
                shutdown,
                clock);
    }

    private static ServerSocket plainSocket(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        return bind(server, port);
    }

    private static ServerSocket tlsSocket(SSLContext context, int port) throws IOException {
        SSLServerSocket server =
                (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        SSLParameters parameters = context.getDefaultSSLParameters();
        List<String> supported =
                Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        List<String> protocols = new ArrayList<>(TLS_PROTOCOLS);
        protocols.retainAll(supported);
        parameters.setProtocols(protocols.toArray(new String[0]));
        server.setSSLParameters(parameters);
        return bind(server, port);
    }

    private static ServerSocket bind(ServerSocket server, int port) throws IOException {
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port), ACCEPT_BACKLOG);
            return server;
        } catch (IOException e) {
            server.close();
            throw new IOException("port " + port + ": " + e.getMessage(), e);
        }
    }
}
