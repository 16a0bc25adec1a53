package io.herokuelk.standin.router;

import com.sun.net.httpserver.HttpServer;
import io.herokuelk.standin.LogSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Heroku's router in front of the dynos: forwards every request to a dyno the {@link RoutingTable} picks, adds
 * Heroku's headers ({@code X-Request-ID}, {@code X-Forwarded-For/-Proto/-Port}, {@code X-Request-Start},
 * {@code Via}), answers H10/H12/H13/H19/H21 with a 503, and writes one router line per request to the sink.
 *
 * <pre>{@code
 * try (Router router = Router.start(RouterSettings.defaults().withPort(5001), formation, logplexDrain)) {
 *     URI app = URI.create("http://localhost:" + router.port() + "/");
 * }
 * }</pre>
 */
public final class Router implements AutoCloseable {

    private final HttpServer server;
    private final BoundedExecutor executor;
    private final ExecutorService clientThreads;
    private final HttpClient http;

    private Router(HttpServer server, BoundedExecutor executor, ExecutorService clientThreads, HttpClient http) {
        this.server = server;
        this.executor = executor;
        this.clientThreads = clientThreads;
        this.http = http;
    }

    /** A router listening; {@link UncheckedIOException} when it cannot bind its address. */
    public static Router start(RouterSettings settings, RoutingTable table, LogSink sink) {
        return start(settings, table, sink, Clock.systemUTC());
    }

    /** With the clock that stamps router lines and {@code X-Request-Start}. */
    public static Router start(RouterSettings settings, RoutingTable table, LogSink sink, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(clock, "clock");
        ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // redirects are the client's business
                .proxy(HttpClient.Builder.NO_PROXY)
                .executor(clientThreads)
                .build();
        Forwarder forwarder = new Forwarder(settings, table, sink, clock, http);
        BoundedExecutor executor = new BoundedExecutor(settings.maxConcurrentRequests());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 0);
        } catch (IOException e) {
            executor.close();
            http.shutdownNow();
            clientThreads.shutdownNow();
            throw new UncheckedIOException(
                    "the router cannot listen on " + settings.bindAddress().getHostAddress() + ":" + settings.port()
                            + ": " + e.getMessage(),
                    e);
        }
        server.createContext("/", forwarder::handle);
        server.setExecutor(executor);
        forwarder.listeningOn(server.getAddress().getPort());
        server.start();
        return new Router(server, executor, clientThreads, http);
    }

    /** The port the router listens on (the one chosen when the settings asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening and abandons requests in flight. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
        http.shutdownNow();
        clientThreads.shutdownNow();
    }
}
