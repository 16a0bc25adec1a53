package io.herokuelk.standin.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herokuelk.standin.LogLine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterTest {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final List<LogLine> lines = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HttpClient client =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private Router router;

    @AfterEach
    void stop() throws Exception {
        if (router != null) {
            router.close();
        }
        for (AutoCloseable r : resources) {
            r.close();
        }
        client.close();
    }

    private Backend backend() throws IOException {
        Backend b = new Backend();
        resources.add(b);
        return b;
    }

    private Router start(RoutingTable table, Duration requestTimeout) {
        router = Router.start(
                RouterSettings.defaults().withTimeouts(Duration.ofSeconds(1), requestTimeout), table, lines::add);
        return router;
    }

    private Router start(RoutingTable table) {
        return start(table, Duration.ofSeconds(5));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + router.port() + pathAndQuery));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The router line for the request, once the router has written it. */
    private String line() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
        LogLine line = lines.getFirst();
        assertThat(line.appName()).isEqualTo("heroku");
        assertThat(line.procId()).isEqualTo("router");
        return line.text();
    }

    @Test
    void forwardsTheRequestWithHerokusHeadersAndReturnsTheDynosAnswer() throws Exception {
        Backend web = backend().answering(201, "created ✓");
        start(new ListTable(web.as("web.1")));
        long before = System.currentTimeMillis();

        HttpResponse<String> response = send(request("/api/notes?limit=5&q=a%20b")
                .header("X-Custom", "1")
                .header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hé\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("created ✓");
        assertThat(response.headers().firstValue("X-App")).hasValue("yes");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        Backend.Received got = web.next();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.pathAndQuery()).isEqualTo("/api/notes?limit=5&q=a%20b");
        assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"hé\"}");
        assertThat(got.header("X-Custom")).isEqualTo("1");
        assertThat(got.header("Accept")).isEqualTo("text/plain");
        assertThat(got.header("X-Request-ID")).matches(UUID);
        assertThat(got.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(got.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(got.header("X-Forwarded-Port")).isEqualTo(Integer.toString(router.port()));
        assertThat(Long.parseLong(got.header("X-Request-Start"))).isBetween(before, System.currentTimeMillis());
        assertThat(got.header("Via")).isEqualTo("1.1 vegur");
        assertThat(line())
                .contains(
                        "request_id=" + got.header("X-Request-ID") + " ",
                        "status=201",
                        "bytes=" + "created ✓".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aValidIncomingRequestIdIsKeptAndAnInvalidOneReplaced() throws Exception {
        Backend web = backend();
        start(new ListTable(web.as("web.1")));
        String valid = "abcdefghij0123456789+/=-XYZ";

        send(request("/").header("X-Request-ID", valid).build());
        assertThat(web.next().header("X-Request-ID")).isEqualTo(valid);
        assertThat(line()).contains("request_id=" + valid + " ");

        send(request("/").header("X-Request-ID", "too-short").build());
        assertThat(web.next().header("X-Request-ID")).matches(UUID);
        send(request("/")
                .header("X-Request-ID", "has spaces and is long enough to count")
                .build());
        assertThat(web.next().header("X-Request-ID")).matches(UUID);
    }

    @Test
    void anIncomingForwardedForListGetsTheClientAppended() throws Exception {
        Backend web = backend();
        start(new ListTable(web.as("web.1")));

        send(request("/").header("X-Forwarded-For", "203.0.113.7").build());

        assertThat(web.next().header("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(line()).contains(" fwd=\"203.0.113.7, 127.0.0.1\" ");
    }

    @Test
    void eachRequestGetsOneRouterLineInHerokusShapeThatTheShipperReads() throws Exception {
        Backend web = backend().answering(200, "x".repeat(532)).after(Duration.ofMillis(60));
        start(new ListTable(web.as("web.1")));

        send(request("/api/notes?limit=5").build());

        String text = line();
        assertThat(text)
                .matches("at=info method=GET path=\"/api/notes\\?limit=5\" host=localhost request_id=" + UUID
                        + " fwd=\"127\\.0\\.0\\.1\" dyno=web\\.1 connect=\\d+ms service=\\d+ms status=200 bytes=532 "
                        + "protocol=http");
        ShipperView doc = ShipperView.of(lines.getFirst());
        assertThat(doc.dataset()).isEqualTo("heroku.router");
        assertThat(doc.integer("http.response.status_code")).isEqualTo(200);
        assertThat(doc.integer("http.response.bytes")).isEqualTo(532);
        assertThat(doc.text("heroku.router.dyno")).isEqualTo("web.1");
        assertThat(doc.integer("heroku.router.connect_ms")).isBetween(0L, 1000L);
        assertThat(doc.integer("heroku.router.service_ms")).isBetween(60L, 5000L);
        assertThat(doc.text("url.original")).isEqualTo("/api/notes?limit=5");
        assertThat(doc.text("http.request.method")).isEqualTo("GET");
        assertThat(doc.text("client.ip")).isEqualTo("127.0.0.1");
        assertThat(doc.partitionKey()).isEqualTo("myapp/web.1");
    }

    @Test
    void aDynoTooSlowToAnswerIsH12() throws Exception {
        Backend web = backend().after(Duration.ofSeconds(4));
        start(new ListTable(web.as("web.1")), Duration.ofMillis(700));
        long started = System.nanoTime();

        HttpResponse<String> response = send(request("/report").build());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Application Error");
        assertThat(line())
                .matches("at=error code=H12 desc=\"Request timeout\" method=GET path=\"/report\" "
                        + "host=localhost request_id=" + UUID + " fwd=\"127\\.0\\.0\\.1\" dyno=web\\.1 connect=\\d+ms "
                        + "service=\\d+ms status=503 bytes=0 protocol=http");
        ShipperView doc = ShipperView.of(lines.getFirst());
        assertThat(doc.text("error.code")).isEqualTo("H12");
        assertThat(doc.text("error.message")).isEqualTo("Request timeout");
        assertThat(doc.integer("http.response.status_code")).isEqualTo(503);
        assertThat(doc.integer("heroku.router.service_ms")).isBetween(700L, 2500L);
        assertThat(doc.text("heroku.router.dyno")).isEqualTo("web.1");
    }

    @Test
    void aDynoThatClosesTheConnectionWithoutAnsweringIsH13() throws Exception {
        ServerSocket closer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        resources.add(closer);
        Thread.ofVirtual().start(() -> {
            while (!closer.isClosed()) {
                try (Socket s = closer.accept()) {
                    s.getInputStream().read(); // takes the request (or the probe's close), then hangs up
                } catch (IOException e) {
                    // closed
                }
            }
        });
        start(new ListTable(new RouteTarget("web.2", (InetSocketAddress) closer.getLocalSocketAddress())));

        HttpResponse<String> response = send(request("/crash").build());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(line())
                .matches("at=error code=H13 desc=\"Connection closed without response\" method=GET "
                        + "path=\"/crash\" host=localhost request_id=" + UUID + " fwd=\"127\\.0\\.0\\.1\" dyno=web\\.2 "
                        + "connect=\\d+ms service=\\d+ms status=503 bytes=0 protocol=http");
        ShipperView doc = ShipperView.of(lines.getFirst());
        assertThat(doc.text("error.code")).isEqualTo("H13");
        assertThat(doc.text("heroku.router.dyno")).isEqualTo("web.2");
    }

    @Test
    void noDynoUpIsH10WithEmptyDynoAndTimings() throws Exception {
        start(new ListTable());

        HttpResponse<String> response = send(request("/").build());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith("text/html"));
        assertThat(line())
                .matches("at=error code=H10 desc=\"App crashed\" method=GET path=\"/\" host=localhost "
                        + "request_id=" + UUID + " fwd=\"127\\.0\\.0\\.1\" dyno= connect= service= status=503 bytes= "
                        + "protocol=http");
        ShipperView doc = ShipperView.of(lines.getFirst());
        assertThat(doc.text("error.code")).isEqualTo("H10");
        assertThat(doc.integer("http.response.status_code")).isEqualTo(503);
        assertThat(doc.has("heroku.router.dyno")).isFalse();
        assertThat(doc.partitionKey()).isEqualTo("myapp/router");
    }

    @Test
    void aRefusingDynoIsPassedOverForAnother() throws Exception {
        Backend web2 = backend();
        start(new ListTable(new RouteTarget("web.1", closedPort()), web2.as("web.2")));

        HttpResponse<String> response = send(request("/").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(web2.next().pathAndQuery()).isEqualTo("/");
        assertThat(line()).startsWith("at=info ").contains(" dyno=web.2 ", " status=200 ");
    }

    @Test
    void twoRefusingDynosAreH21() throws Exception {
        start(new ListTable(new RouteTarget("web.1", closedPort()), new RouteTarget("web.2", closedPort())));

        HttpResponse<String> response = send(request("/").build());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(line())
                .matches("at=error code=H21 desc=\"Backend connection refused\" method=GET path=\"/\" "
                        + "host=localhost request_id=" + UUID + " fwd=\"127\\.0\\.0\\.1\" dyno=web\\.2 connect=\\d+ms "
                        + "service= status=503 bytes= protocol=http");
    }

    @Test
    void aClientHangingUpIsLoggedAndTheRouterGoesOn() throws Exception {
        byte[] big = new byte[8 * 1024 * 1024];
        Backend web = backend().answering(200, big).after(Duration.ofMillis(300));
        start(new ListTable(web.as("web.1")));

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), router.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /gone HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            web.next();
        }
        String hungUp = line();
        assertThat(hungUp)
                .matches("at=info code=H27 desc=\"Client Request Interrupted\" method=GET path=\"/gone\" "
                        + "host=localhost request_id=" + UUID + " fwd=\"127\\.0\\.0\\.1\" dyno=web\\.1 connect=\\d+ms "
                        + "service=\\d+ms status=499 bytes= protocol=http");

        web.answering(200, "still here");
        assertThat(send(request("/").build()).body()).isEqualTo("still here");
    }

    @Test
    void headAndEmptyAnswersPassThrough() throws Exception {
        Backend web = backend().answering(204, "");
        start(new ListTable(web.as("web.1")));

        HttpResponse<String> noContent = send(request("/empty").DELETE().build());
        assertThat(noContent.statusCode()).isEqualTo(204);
        assertThat(noContent.body()).isEmpty();

        web.answering(200, "body");
        HttpResponse<String> head = send(
                request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    private static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return (InetSocketAddress) s.getLocalSocketAddress();
        }
    }
}
