package io.herokuelk.bench.load;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTPS drain load as Logplex sends it: {@code clients} keep-alive connections, each posting
 * {@code application/logplex-1} bodies of octet-counted frames (about 100 KiB) with a unique {@code Logplex-Frame-Id}
 * and basic auth, the next as soon as the last is answered. Counts the lines acknowledged (204) and the answers,
 * and keeps each acknowledged request's latency (post to answer).
 */
final class LogplexPoster {

    /** The posting threads' names begin with this; the JDK's HTTP client names its own {@code HttpClient-}. */
    static final String THREAD_NAME = "logplex-poster-";

    private final URI drain;
    private final String authorization;
    private final List<byte[]> bodies;
    private final List<Integer> counts;
    private final AtomicLong acknowledged = new AtomicLong();
    private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    LogplexPoster(URI drain, String credentials, byte[] frames, int bodyBytes) {
        this.drain = drain;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.bodies = new ArrayList<>();
        this.counts = new ArrayList<>();
        int start = 0;
        int at = 0;
        int count = 0;
        while (at < frames.length) {
            int space = at;
            while (frames[space] != ' ') {
                space++;
            }
            int next = space + 1 + Integer.parseInt(new String(frames, at, space - at, StandardCharsets.US_ASCII));
            if (next - start > bodyBytes && count > 0) {
                bodies.add(java.util.Arrays.copyOfRange(frames, start, at));
                counts.add(count);
                start = at;
                count = 0;
            }
            at = next;
            count++;
        }
        bodies.add(java.util.Arrays.copyOfRange(frames, start, at));
        counts.add(count);
    }

    void start(int clients) {
        running.set(true);
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name(THREAD_NAME + client).start(() -> post(client)));
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        threads.clear();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    Latencies latencies() {
        return latencies;
    }

    String answers() {
        return new java.util.TreeMap<>(answers).toString();
    }

    private void post(int client) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long sequence = 0;
        while (running.get()) {
            int i = (int) ((client * 7 + sequence) % bodies.size());
            String frameId = String.format("%08x%016x%08x", client, System.nanoTime(), sequence++);
            long posted = System.nanoTime();
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(drain)
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/logplex-1")
                                .header("Authorization", authorization)
                                .header("Logplex-Msg-Count", String.valueOf(counts.get(i)))
                                .header("Logplex-Frame-Id", frameId)
                                .header("Logplex-Drain-Token", "d.01234567-89ab-4def-8123-456789abcdef")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                answers.computeIfAbsent(response.statusCode(), s -> new AtomicLong())
                        .incrementAndGet();
                if (response.statusCode() == 204) {
                    acknowledged.addAndGet(counts.get(i));
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted));
                } else {
                    Thread.sleep(100);
                }
            } catch (java.io.IOException e) {
                answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
