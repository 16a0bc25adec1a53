package io.herokuelk.standin.router;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.LogSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One request through the router: pick a dyno, connect, forward, answer, and log the router line. */
final class Forwarder {

    private static final System.Logger LOG = System.getLogger(Forwarder.class.getName());
    private static final byte[] ERROR_PAGE = ("<!DOCTYPE html><html><head><title>Application Error</title></head>"
                    + "<body><h1>Application Error</h1><p>An error occurred in the application and your page could not be "
                    + "served.</p></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);

    private final RouterSettings settings;
    private final RoutingTable table;
    private final LogSink sink;
    private final Clock clock;
    private final HttpClient http;
    private volatile int port;

    Forwarder(RouterSettings settings, RoutingTable table, LogSink sink, Clock clock, HttpClient http) {
        this.settings = settings;
        this.table = table;
        this.sink = sink;
        this.clock = clock;
        this.http = http;
    }

    /** The port clients reach the router on, for {@code X-Forwarded-Port}. */
    void listeningOn(int boundPort) {
        this.port = boundPort;
    }

    void handle(HttpExchange exchange) {
        try (exchange) {
            forward(exchange);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "router failed on a request", e);
        }
    }

    private void forward(HttpExchange exchange) {
        long startedAt = clock.millis();
        Headers in = exchange.getRequestHeaders();
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String clientIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        RequestFacts request = new RequestFacts(
                exchange.getRequestMethod(),
                path,
                ProxyHeaders.hostForLine(in.getFirst("Host")),
                RequestIds.keepOrCreate(in.getFirst("X-Request-ID")),
                ProxyHeaders.forwardedFor(in.get("X-Forwarded-For"), clientIp),
                "http");

        byte[] body;
        try {
            body = exchange.getRequestBody().readAllBytes();
        } catch (IOException e) {
            log(RouterLine.error(RouterError.H27, request, null, -1, -1, 499, -1));
            return;
        }

        Optional<RouteTarget> picked = table.pick();
        if (picked.isEmpty()) {
            fail(exchange, RouterLine.error(RouterError.H10, request, null, -1, -1, 503, -1));
            return;
        }
        RouteTarget target = picked.get();
        ConnectProbe.Result connected = ConnectProbe.connect(target.address(), settings.connectTimeout());
        if (connected.outcome() != ConnectProbe.Outcome.CONNECTED) {
            // Heroku's router tries another dyno when one refuses or does not accept in time (the request was not
            // sent, so this is safe for any method); when that fails too it answers H21 or H19. A second pick that
            // finds no dyno up is H10, as for any request then.
            Optional<RouteTarget> again = table.pick();
            if (again.isEmpty()) {
                fail(exchange, RouterLine.error(RouterError.H10, request, null, -1, -1, 503, -1));
                return;
            }
            target = again.get();
            connected = ConnectProbe.connect(target.address(), settings.connectTimeout());
            if (connected.outcome() != ConnectProbe.Outcome.CONNECTED) {
                RouterError error =
                        connected.outcome() == ConnectProbe.Outcome.TIMED_OUT ? RouterError.H19 : RouterError.H21;
                fail(exchange, RouterLine.error(error, request, target.dyno(), connected.millis(), -1, 503, -1));
                return;
            }
        }

        long serviceStart = System.nanoTime();
        HttpRequest outgoing = outgoing(exchange, request, target.address(), path, body, startedAt);
        CompletableFuture<HttpResponse<byte[]>> call =
                http.sendAsync(outgoing, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // The whole response within the timeout: Heroku's 30 s is to the first byte, but the stand-in reads
            // responses whole, and app responses are small.
            response = call.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            fail(
                    exchange,
                    RouterLine.error(
                            RouterError.H12,
                            request,
                            target.dyno(),
                            connected.millis(),
                            ConnectProbe.millisSince(serviceStart),
                            503,
                            0));
            return;
        } catch (ExecutionException e) {
            // Connected, and then closed or reset without a full answer: the dyno crashed or dropped it.
            fail(
                    exchange,
                    RouterLine.error(
                            RouterError.H13,
                            request,
                            target.dyno(),
                            connected.millis(),
                            ConnectProbe.millisSince(serviceStart),
                            503,
                            0));
            return;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return;
        }

        byte[] answer = response.body() == null ? new byte[0] : response.body();
        try {
            respond(exchange, response, answer);
        } catch (IOException e) {
            log(RouterLine.error(
                    RouterError.H27,
                    request,
                    target.dyno(),
                    connected.millis(),
                    ConnectProbe.millisSince(serviceStart),
                    499,
                    -1));
            return;
        }
        log(RouterLine.info(
                request,
                target.dyno(),
                connected.millis(),
                ConnectProbe.millisSince(serviceStart),
                response.statusCode(),
                answer.length));
    }

    private HttpRequest outgoing(
            HttpExchange exchange,
            RequestFacts request,
            InetSocketAddress address,
            String path,
            byte[] body,
            long startedAt) {
        Headers in = exchange.getRequestHeaders();
        boolean hasBody = body.length > 0 || in.containsKey("Content-Length") || in.containsKey("Transfer-Encoding");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + hostPort(address) + path))
                .method(
                        request.method(),
                        hasBody ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
        Set<String> connectionTokens = ProxyHeaders.connectionTokens(in.get("Connection"));
        for (Map.Entry<String, List<String>> header : in.entrySet()) {
            if (ProxyHeaders.forwardsRequestHeader(header.getKey(), connectionTokens)) {
                for (String value : header.getValue()) {
                    setHeader(b, header.getKey(), value);
                }
            }
        }
        String host = in.getFirst("Host");
        if (host != null) {
            setHeader(b, "Host", host); // only where the JVM allows it (jdk.httpclient.allowRestrictedHeaders=host)
        }
        b.header("X-Request-ID", request.requestId());
        b.header("X-Forwarded-For", request.fwd());
        b.header("X-Forwarded-Proto", request.protocol());
        b.header("X-Forwarded-Port", Integer.toString(port));
        b.header("X-Request-Start", Long.toString(startedAt));
        String via = in.getFirst("Via");
        b.header("Via", via == null ? "1.1 vegur" : via + ", 1.1 vegur");
        return b.build();
    }

    /** Skips what the HTTP client refuses to send (restricted or malformed headers) instead of failing the request. */
    private static void setHeader(HttpRequest.Builder b, String name, String value) {
        try {
            b.header(name, value);
        } catch (IllegalArgumentException e) {
            // not forwardable through java.net.http
        }
    }

    private static void respond(HttpExchange exchange, HttpResponse<byte[]> response, byte[] body) throws IOException {
        Headers out = exchange.getResponseHeaders();
        Set<String> connectionTokens =
                ProxyHeaders.connectionTokens(response.headers().allValues("Connection"));
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && ProxyHeaders.forwardsResponseHeader(name, connectionTokens)) {
                out.put(name, List.copyOf(values));
            }
        });
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    /** Heroku's error page with a 503, and the error line. A client already gone changes nothing here. */
    private void fail(HttpExchange exchange, String line) {
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache, no-store");
            exchange.sendResponseHeaders(503, ERROR_PAGE.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(ERROR_PAGE);
            }
        } catch (IOException e) {
            // the client hung up; the error is still the dyno's and is logged as such
        }
        log(line);
    }

    private void log(String text) {
        sink.accept(LogLine.heroku(clock.instant(), "router", text));
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
