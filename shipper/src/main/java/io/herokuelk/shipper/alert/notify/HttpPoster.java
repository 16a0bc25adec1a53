package io.herokuelk.shipper.alert.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The I/O of the HTTP destinations: POSTs a JSON body and hands the answer to the destination's classifier. Failures
 * without an answer (timeouts, refused or reset connections) are retryable; their reason names the failure's type
 * only, since the JDK's messages may carry the URL, and a webhook URL is a secret. Thread-safe.
 */
final class HttpPoster {

    /** Enough of an answer for a receiver's error code in a reason. */
    private static final int BODY_LIMIT = 4096;

    private final HttpClient client;
    private final Duration timeout;

    HttpPoster(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** A client for the destinations: HTTP/1.1 (a few requests, no h2c upgrade on plain-http receivers). */
    static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Delivery post(URI uri, byte[] json, Map<String, String> headers, Function<HttpAnswer, Delivery> classifier) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<String>> sent =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            // The request timeout covers the wait for headers; this bound also covers a body that never ends.
            HttpResponse<String> response = sent.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            String body = response.body();
            return classifier.apply(new HttpAnswer(
                    response.statusCode(),
                    body.length() > BODY_LIMIT ? body.substring(0, BODY_LIMIT) : body,
                    RetryAfter.parse(
                            response.headers().firstValue("Retry-After"),
                            Clock.systemUTC().instant())));
        } catch (TimeoutException e) {
            sent.cancel(true);
            return Delivery.retryable("timeout after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            return Delivery.retryable("interrupted");
        } catch (ExecutionException e) {
            return failure(e.getCause());
        }
    }

    private Delivery failure(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return Delivery.retryable("connect timeout");
        }
        if (cause instanceof HttpTimeoutException) {
            return Delivery.retryable("timeout after " + timeout.toMillis() + " ms");
        }
        if (cause instanceof ConnectException) {
            return Delivery.retryable("connection failed");
        }
        if (cause instanceof IOException) {
            return Delivery.retryable("I/O error (" + cause.getClass().getSimpleName() + ")");
        }
        return Delivery.rejected("request failed (" + cause.getClass().getSimpleName() + ")");
    }
}
