package io.herokuelk.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs every request: takes or makes the request id, bounds how many requests run at once, routes, turns errors
 * into JSON answers, and writes the {@code app.request} event after the response is sent.
 */
public final class AppHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AppHandler.class);
    private static final Logger REQUEST_LOG = LoggerFactory.getLogger("io.herokuelk.app.request");

    /** Caps on logged request values, so a hostile path or user agent cannot push a line past 10,000 bytes. */
    static final int MAX_LOGGED_PATH = 1_024;

    static final int MAX_LOGGED_USER_AGENT = 512;

    private final Router router;
    private final Semaphore slots;
    private final long queueWaitNanos;

    public AppHandler(Router router, int maxConcurrent, Duration queueWait) {
        this.router = router;
        this.slots = new Semaphore(maxConcurrent);
        this.queueWaitNanos = queueWait.toNanos();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String requestId = RequestIds.fromHeader(exchange.getRequestHeaders().getFirst(RequestIds.HEADER));
        MDC.put(io.herokuelk.app.log.Fields.HTTP_REQUEST_ID, requestId);
        int status = 500;
        long bytes = -1;
        try {
            Response response = respond(exchange);
            status = response.status();
            bytes = send(exchange, response, requestId);
        } finally {
            exchange.close();
            MDC.remove(io.herokuelk.app.log.Fields.HTTP_REQUEST_ID);
            RequestEvents.completed(
                    REQUEST_LOG,
                    new RequestEvents.Completed(
                            exchange.getRequestMethod(),
                            cap(exchange.getRequestURI().getRawPath(), MAX_LOGGED_PATH),
                            status,
                            System.nanoTime() - start,
                            bytes,
                            requestId,
                            cap(exchange.getRequestHeaders().getFirst("User-Agent"), MAX_LOGGED_USER_AGENT)));
        }
    }

    private Response respond(HttpExchange exchange) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(503, "server is stopping");
        }
        if (!acquired) {
            return Response.error(503, "server busy, try again").withHeader("Retry-After", "1");
        }
        try {
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.of(),
                    name -> exchange.getRequestHeaders().getFirst(name),
                    exchange.getRequestBody());
            return router.handle(request);
        } catch (HttpError e) {
            return Response.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Request failed", e);
            return Response.error(500, "internal error");
        } finally {
            slots.release();
        }
    }

    private static long send(HttpExchange exchange, Response response, String requestId) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set(RequestIds.HEADER, requestId);
        if (response.body().length > 0) {
            headers.set("Content-Type", response.contentType());
        }
        response.headers().forEach(headers::set);
        boolean noBody =
                response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        return noBody ? 0 : response.body().length;
    }

    static String cap(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
