package io.herokuelk.standin.logplex;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A drain endpoint on a real local HTTP server: records every request and answers as scripted (default 204). */
final class DrainPeer implements AutoCloseable {

    /** One request as the drain saw it. */
    record Received(String method, String path, String query, Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How to answer one request: a status, after a delay. */
    record Answer(int status, Duration delay) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> all = new ArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 204;
    private volatile CountDownLatch hold;

    DrainPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI url(String userInfo, String pathAndQuery) {
        return URI.create("http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:"
                + server.getAddress().getPort() + pathAndQuery);
    }

    /** The next answers, in order; afterwards the default status. */
    void answer(int... statuses) {
        for (int s : statuses) {
            script.add(new Answer(s, Duration.ZERO));
        }
    }

    void answer(Answer answer) {
        script.add(answer);
    }

    void answerFromNowOn(int status) {
        defaultStatus = status;
    }

    /** Requests wait for the returned latch before they are answered. */
    CountDownLatch holdAnswers() {
        CountDownLatch latch = new CountDownLatch(1);
        hold = latch;
        return latch;
    }

    Received next(Duration timeout) throws InterruptedException {
        Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("the drain received no request within " + timeout);
        }
        return r;
    }

    /** Fails when a request arrives within {@code quiet}. */
    void expectNothing(Duration quiet) throws InterruptedException {
        Received r = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        if (r != null) {
            throw new AssertionError("unexpected request with Logplex-Frame-Id " + r.header("Logplex-Frame-Id"));
        }
    }

    synchronized List<Received> all() {
        return List.copyOf(all);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received r = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    body);
            synchronized (this) {
                all.add(r);
            }
            received.add(r);
            Answer answer = script.poll();
            if (answer == null) {
                answer = new Answer(defaultStatus, Duration.ZERO);
            }
            CountDownLatch latch = hold;
            if (latch != null) {
                latch.await(30, TimeUnit.SECONDS);
            }
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.countDown();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
