package io.herokuelk.app.http;

import com.sun.net.httpserver.HttpServer;
import io.herokuelk.app.config.AppConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on {@code $PORT}: one process, no framework, one virtual thread per request with the number
 * running at once bounded by {@link AppHandler}. Memory is the point of this app, and this server loads little code.
 */
public final class HttpApp implements AutoCloseable {

    public static final String EXECUTOR = "virtual-threads";

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpApp(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static HttpApp start(AppConfig.Http config, Router router) throws IOException {
        // Read by the JDK server once, when its first instance is made; an explicit -D wins.
        if (System.getProperty("jdk.httpserver.maxConnections") == null) {
            System.setProperty("jdk.httpserver.maxConnections", Integer.toString(config.maxConnections()));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(config.port()), 128);
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("http-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", new AppHandler(router, config.maxConcurrent(), config.queueWait()));
        server.start();
        return new HttpApp(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, lets running requests finish for up to {@code graceSeconds}, then stops. */
    public void stop(int graceSeconds) {
        server.stop(graceSeconds);
        executor.shutdown();
    }

    @Override
    public void close() {
        stop(0);
    }
}
