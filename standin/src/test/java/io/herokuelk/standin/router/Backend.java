package io.herokuelk.standin.router;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A dyno stand-in for router tests: a real local HTTP server that records requests and answers as told. */
final class Backend implements AutoCloseable {

    record Received(String method, String pathAndQuery, Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private volatile byte[] body = "hello ✓\n".getBytes(StandardCharsets.UTF_8);
    private volatile Duration delay = Duration.ZERO;

    Backend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    RouteTarget as(String dyno) {
        return new RouteTarget(dyno, address());
    }

    Backend answering(int newStatus, String text) {
        status = newStatus;
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Backend answering(int newStatus, byte[] bytes) {
        status = newStatus;
        body = bytes;
        return this;
    }

    Backend after(Duration wait) {
        delay = wait;
        return this;
    }

    Received next() throws InterruptedException {
        Received r = received.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the backend received no request");
        }
        return r;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] in = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                    exchange.getRequestHeaders(),
                    in));
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("X-App", "yes");
            byte[] out = body;
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
