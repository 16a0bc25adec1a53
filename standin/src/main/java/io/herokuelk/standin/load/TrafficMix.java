package io.herokuelk.standin.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The requests the load sends, a mix of what the app serves: mostly reads, some writes and text analysis, and the
 * health check a monitor would call. Every path is one the app really has.
 */
final class TrafficMix {

    private static final String[] WORDS = {
        "memory", "quota", "dyno", "router", "kafka", "drain", "heap", "worker", "request", "latency", "elastic",
        "alert", "process", "restart", "metrics"
    };

    /** Longer than the router's H12 timeout, so the router, not the client, decides when a request took too long. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;

    TrafficMix(URI base) {
        this.base = base;
    }

    HttpRequest next() {
        int pick = ThreadLocalRandom.current().nextInt(100);
        if (pick < 35) {
            return get("/api/notes?limit=20");
        } else if (pick < 55) {
            return get("/api/notes/search?q=" + word() + "&limit=10");
        } else if (pick < 75) {
            return post("/api/notes", "{\"text\": \"" + sentence(12) + "\"}");
        } else if (pick < 90) {
            return post("/api/text/stats", "{\"text\": \"" + sentence(60) + "\"}");
        } else if (pick < 95) {
            return get("/health");
        }
        return get("/");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static String word() {
        return WORDS[ThreadLocalRandom.current().nextInt(WORDS.length)];
    }

    private static String sentence(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word());
        }
        return text.append('.').toString();
    }
}
