package io.herokuelk.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts batches as Logplex does: one {@code application/logplex-1} body per batch with a unique
 * {@code Logplex-Frame-Id}, each line carrying a unique marker; after 429, 503 or a connection error the same body
 * and Frame-Id again after {@code Retry-After} (at most {@link #TRIES} tries, as Logplex gives up too).
 */
final class LogplexSender {

    static final int TRIES = 8;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI drain;
    private final String authorization;
    private final String app;
    private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    /** Frame-Ids are unique across runs, as Logplex's are: the same ids again would be duplicates, rightly dropped. */
    private final long senderId = new java.security.SecureRandom().nextLong();

    LogplexSender(URI drainBase, String credentials, String app) {
        this.drain = drainBase.resolve("/logs/" + app);
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.app = app;
    }

    /** Markers of the lines of batch {@code batch} of sender {@code sender}. */
    static String marker(int sender, int batch, int line) {
        return "m" + sender + "x" + batch + "x" + line;
    }

    /** Posts one batch until it is acknowledged or given up; returns its markers when acknowledged (204). */
    List<String> post(int sender, int batch, int lines) throws InterruptedException {
        StringBuilder body = new StringBuilder();
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String marker = marker(sender, batch, i);
            markers.add(marker);
            String message = "<190>1 2026-12-03T10:00:00.000000+00:00 host app web.1 - fault-suite line " + marker
                    + " of " + app + "\n";
            body.append(message.getBytes(StandardCharsets.UTF_8).length)
                    .append(' ')
                    .append(message);
        }
        sent.addAndGet(lines);
        return send(
                        body.toString().getBytes(StandardCharsets.UTF_8),
                        String.format("%016X%08X%08X", senderId, sender, batch))
                ? markers
                : List.of();
    }

    /** Sends one body with retries; true when answered 204. */
    boolean send(byte[] body, String frameId) throws InterruptedException {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(drain)
                                .timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "application/logplex-1")
                                .header("Authorization", authorization)
                                .header("Logplex-Frame-Id", frameId)
                                .header("Logplex-Msg-Count", "1")
                                .header("Logplex-Drain-Token", "d.00000000-0000-4000-8000-00000000fa17")
                                .header("User-Agent", "Logplex/fault-suite")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                count(Integer.toString(response.statusCode()));
                if (response.statusCode() == 204) {
                    return true;
                }
                if (response.statusCode() != 429 && response.statusCode() / 100 != 5) {
                    return false; // Logplex drops a batch answered with any other 4xx
                }
                Thread.sleep(Duration.ofSeconds(Long.parseLong(
                        response.headers().firstValue("Retry-After").orElse("1"))));
            } catch (java.io.IOException e) {
                count("connection error");
                Thread.sleep(Duration.ofSeconds(1));
            }
        }
        return false;
    }

    private void count(String status) {
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    long sent() {
        return sent.get();
    }

    /** Answers by status, as {@code 204x12 503x2}. */
    String statuses() {
        return statuses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "x" + e.getValue())
                .reduce((a, b) -> a + " " + b)
                .orElse("-");
    }
}
