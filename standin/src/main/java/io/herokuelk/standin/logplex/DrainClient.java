package io.herokuelk.standin.logplex;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * Posts batches to the drain with Logplex's rules: 2xx is delivered; 429, other statuses outside 2xx and 4xx,
 * timeouts and connection errors are retried up to the try limit; any other 4xx is final at once.
 */
final class DrainClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DrainClient.class.getName());

    private final LogplexSettings settings;
    private final DrainUrl url;
    private final DrainCounters counters;
    private final HttpClient http;

    DrainClient(LogplexSettings settings, DrainCounters counters) {
        this.settings = settings;
        this.url = DrainUrl.parse(settings.drainUrl());
        this.counters = counters;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // Logplex does not follow them either
                .build();
    }

    /** Whether the drain accepted the batch. Interrupted while trying: not delivered, interrupt flag kept. */
    boolean deliver(Batch batch) {
        HttpRequest request = request(batch);
        String last = null;
        for (int attempt = 1; attempt <= settings.maxTries(); attempt++) {
            if (attempt > 1) {
                counters.retried();
                if (!pause()) {
                    break;
                }
            }
            Attempt outcome = attempt(request);
            last = outcome.description();
            if (outcome.result() == Result.DELIVERED) {
                return true;
            }
            if (outcome.result() == Result.REFUSED) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "drain {0} refused a batch of {1} messages ({2}); dropped",
                        url,
                        batch.messageCount(),
                        last);
                return false;
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "drain {0} did not take a batch of {1} messages ({2}); dropped",
                url,
                batch.messageCount(),
                last);
        return false;
    }

    private HttpRequest request(Batch batch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.target())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/logplex-1")
                .header("Logplex-Msg-Count", Integer.toString(batch.messageCount()))
                .header("Logplex-Frame-Id", batch.frameId())
                .header("Logplex-Drain-Token", settings.drainToken())
                .header("User-Agent", settings.userAgent())
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()));
        if (url.authorization() != null) {
            b.header("Authorization", url.authorization());
        }
        return b.build();
    }

    private Attempt attempt(HttpRequest request) {
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            Result result = Result.of(status);
            counters.answered(status, result == Result.DELIVERED ? null : "HTTP " + status);
            return new Attempt(result, "HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            return failed("connect timeout");
        } catch (HttpTimeoutException e) {
            return failed("timeout");
        } catch (ConnectException e) {
            return failed("connection refused");
        } catch (IOException e) {
            return failed("connection error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    private Attempt failed(String description) {
        counters.failed(description);
        return new Attempt(Result.RETRY, description);
    }

    private boolean pause() {
        try {
            Thread.sleep(settings.retryPause());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Does not wait for an attempt still in flight: close() has already given the sender its time. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    private enum Result {
        DELIVERED,
        RETRY,
        REFUSED;

        static Result of(int status) {
            if (status >= 200 && status < 300) {
                return DELIVERED;
            }
            // 4xx other than 429 can never succeed; 1xx/3xx/5xx and 429 might later (Logplex: temp_fail).
            return status >= 400 && status < 500 && status != 429 ? REFUSED : RETRY;
        }
    }

    /** What one attempt came to, and how to say it in the log and the stats. */
    private record Attempt(Result result, String description) {}
}
