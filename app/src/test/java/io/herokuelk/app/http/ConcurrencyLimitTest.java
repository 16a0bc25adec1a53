package io.herokuelk.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.app.config.AppConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Past the concurrency bound a request waits briefly, then is told to retry instead of queueing without end. */
class ConcurrencyLimitTest {

    @Test
    void aRequestBeyondTheBoundGets503WithRetryAfter() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Router router = new Router()
                .add("GET", "/slow", request -> {
                    entered.countDown();
                    await(release);
                    return Response.ok(Map.of("done", true));
                })
                .add("GET", "/fast", request -> Response.ok(Map.of("done", true)));
        HttpClient client = HttpClient.newHttpClient();
        try (HttpApp app = HttpApp.start(new AppConfig.Http(0, 1, Duration.ofMillis(50), 16), router)) {
            CompletableFuture<HttpResponse<String>> slow =
                    client.sendAsync(request(app, "/slow"), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> busy = client.send(request(app, "/fast"), HttpResponse.BodyHandlers.ofString());
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");

            release.countDown();
            assertThat(slow.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(client.send(request(app, "/fast"), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            release.countDown();
        }
    }

    private static HttpRequest request(HttpApp app, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
