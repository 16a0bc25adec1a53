package io.herokuelk.shipper.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.herokuelk.shipper.config.BasicAuthenticator;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /logs} and {@code /logs/<app>}: one Logplex batch ({@code application/logplex-1}) per request.
 *
 * <p>Answers are chosen for how Logplex treats them: 204 only once Kafka acknowledged every record; 429 (over the
 * in-flight budget) and 503 (Kafka unavailable or too slow) with {@code Retry-After}, which Logplex retries; 4xx
 * only for what can never succeed: 401 bad credentials, 415 wrong content type, 413 body too large. Garbage inside
 * a body never fails the batch: it goes to the dead-letter topic and the good frames go on.
 *
 * <p>An answer given without reading the body first reads and discards it when it is small enough, so that the
 * client's next request on the same connection works; otherwise it says {@code Connection: close}, so that the
 * client sees the answer and opens a new connection rather than writing into a closed one. A body that does not
 * arrive within the read deadline has its connection closed and its reservation returned.
 */
final class LogplexDrainHandler implements HttpHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogplexDrainHandler.class);
    private static final String TRANSPORT = "https";
    private static final String CONTENT_TYPE = "application/logplex-1";
    /** Counted, never sent: the connection of a body that did not arrive in time is closed. */
    static final int READ_TIMED_OUT = 408;

    private final DrainBodyParser parser;
    private final BatchIngestor ingestor;
    private final BasicAuthenticator authenticator;
    private final AppNames appNames;
    private final InFlightBudget budget;
    private final IngestMetrics metrics;
    private final int maxBodyBytes;
    private final Duration publishTimeout;
    private final Clock clock;
    private final BodyReader bodies;

    LogplexDrainHandler(
            DrainBodyParser parser,
            BatchIngestor ingestor,
            BasicAuthenticator authenticator,
            AppNames appNames,
            InFlightBudget budget,
            IngestMetrics metrics,
            int maxBodyBytes,
            Duration publishTimeout,
            Duration readTimeout,
            Clock clock) {
        this.parser = parser;
        this.ingestor = ingestor;
        this.authenticator = authenticator;
        this.appNames = appNames;
        this.budget = budget;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
        this.bodies = new BodyReader(budget, maxBodyBytes, readTimeout);
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        long declared = declaredLength(exchange);
        int status = refusal(exchange, declared);
        if (status != 0) {
            answerWithoutBody(exchange, status, declared);
            return;
        }
        BodyReader.Result read = bodies.read(exchange, declared);
        try {
            status = switch (read.status()) {
                case READ -> ingest(exchange, read.body(), started);
                case TOO_LARGE -> closing(exchange, 413);
                case OVER_BUDGET ->
                    declared >= 0 && bodies.discard(exchange, declared)
                            ? overloaded(exchange)
                            : closing(exchange, overloaded(exchange));
                case TIMED_OUT -> READ_TIMED_OUT;
            };
        } catch (RuntimeException e) {
            // A bug: never a crash, and Logplex retries a 503.
            LOG.warn("A drain request failed: {}", e.toString());
            status = 503;
            retryAfter(exchange, 5);
        } finally {
            budget.release(read.reservation());
        }
        metrics.request(TRANSPORT, status);
        if (status == READ_TIMED_OUT) {
            LOG.warn("A drain request's body did not arrive within the read deadline; its connection is closed.");
            exchange.close();
        } else {
            respond(exchange, status);
        }
    }

    /** The status for a request refused before its body is read, or 0 when it may go on. */
    private int refusal(HttpExchange exchange, long declared) {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/logs") && !path.startsWith("/logs/")) {
            return 404;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return 405;
        }
        if (!authenticator.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"heroku-elk drain\"");
            return 401;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(CONTENT_TYPE)) {
            return 415;
        }
        return declared > maxBodyBytes ? 413 : 0;
    }

    /** Answers a refused request, discarding its body first when small enough, else closing the connection. */
    private void answerWithoutBody(HttpExchange exchange, int status, long declared) {
        if (!bodies.discard(exchange, declared)) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        metrics.request(TRANSPORT, status);
        respond(exchange, status);
    }

    private int ingest(HttpExchange exchange, byte[] body, long started) {
        String token = exchange.getRequestHeaders().getFirst("Logplex-Drain-Token");
        DrainContext context = new DrainContext(
                appNames.resolve(exchange.getRequestURI(), token),
                token,
                exchange.getRequestHeaders().getFirst("Logplex-Frame-Id"),
                clock.instant());
        ParsedBatch batch = parser.parseBody(body, context);
        // The whole request, reading included, must be answered inside Logplex's 5 s timeout.
        long remainingNanos = Math.max(0, publishTimeout.toNanos() - (System.nanoTime() - started));
        try {
            ingestor.ingest(batch, context, TRANSPORT, body.length).get(remainingNanos, TimeUnit.NANOSECONDS);
            return 204;
        } catch (TimeoutException e) {
            LOG.warn(
                    "Kafka did not acknowledge a batch of {} events within {} ms; answering 503 so Logplex retries.",
                    batch.events().size(),
                    publishTimeout.toMillis());
        } catch (ExecutionException e) {
            LOG.warn(
                    "Kafka refused a batch of {} events ({}); answering 503 so Logplex retries.",
                    batch.events().size(),
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        retryAfter(exchange, 5);
        return 503;
    }

    /** An answer after part of the body was read: the rest is not, so the connection closes with it. */
    private static int closing(HttpExchange exchange, int status) {
        exchange.getResponseHeaders().set("Connection", "close");
        return status;
    }

    private int overloaded(HttpExchange exchange) {
        LOG.warn("The in-flight budget is spent; answering 429 so Logplex retries later.");
        retryAfter(exchange, 1);
        return 429;
    }

    @Override
    public void close() {
        bodies.close();
    }

    private static long declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void retryAfter(HttpExchange exchange, int seconds) {
        exchange.getResponseHeaders().set("Retry-After", String.valueOf(seconds));
    }

    private static void respond(HttpExchange exchange, int status) {
        try (exchange) {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            LOG.debug("Could not answer a drain request that was already gone: {}", e.toString());
        }
    }
}
