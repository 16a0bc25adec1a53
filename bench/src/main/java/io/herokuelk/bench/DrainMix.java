package io.herokuelk.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A realistic drain: about 60% router lines, 15% runtime metrics, 10% platform lines and 15% app JSON from
 * logstash-logback-encoder, with varying paths, ids, timings and sizes, in the exact shapes Heroku sends.
 */
final class DrainMix {

    private DrainMix() {}

    /** {@code count} messages, seeded so that every run parses the same bytes. */
    static List<String> messages(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        String[] paths = {
            "/",
            "/api/orders",
            "/api/orders/42?expand=items",
            "/health",
            "/assets/app-3f2a.js",
            "/api/chat?x=1",
            "/login",
            "/api/notes/search?q=memory+leak&page=2"
        };
        String[] methods = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
        for (int i = 0; i < count; i++) {
            String ts = String.format(
                    Locale.ROOT, "2026-11-26T10:%02d:%02d.%06d+00:00", (i / 60) % 60, i % 60, r.nextInt(1_000_000));
            int dyno = 1 + r.nextInt(4);
            int kind = r.nextInt(100);
            if (kind < 60) {
                boolean error = r.nextInt(50) == 0;
                out.add("<158>1 " + ts + " host heroku router - "
                        + (error ? "at=error code=H12 desc=\"Request timeout\" " : "at=info ")
                        + "method=" + methods[r.nextInt(methods.length)]
                        + " path=\"" + paths[r.nextInt(paths.length)] + "\" host=myapp.herokuapp.com request_id="
                        + uuid(r) + " fwd=\"203.0." + r.nextInt(256) + "." + r.nextInt(256) + "\" dyno=web." + dyno
                        + " connect=" + r.nextInt(3) + "ms service=" + (error ? 30000 : r.nextInt(900)) + "ms status="
                        + (error ? 503 : 200) + " bytes=" + r.nextInt(40_000) + " protocol=https\n");
            } else if (kind < 75) {
                String source =
                        "source=web." + dyno + " dyno=heroku.123456789.0f0e0d0c-aaaa-bbbb-cccc-00000000000" + dyno;
                if (r.nextBoolean()) {
                    double rss = 200 + r.nextInt(400) + r.nextInt(100) / 100.0;
                    out.add(String.format(
                            Locale.ROOT,
                            "<45>1 %s host heroku web.%d - %s sample#memory_total=%.2fMB "
                                    + "sample#memory_rss=%.2fMB sample#memory_cache=%.2fMB sample#memory_swap=0.00MB "
                                    + "sample#memory_pgpgin=%dpages sample#memory_pgpgout=%dpages "
                                    + "sample#memory_quota=512.00MB\n",
                            ts,
                            dyno,
                            source,
                            rss + 20.5,
                            rss,
                            20.5,
                            r.nextInt(500_000),
                            r.nextInt(500_000)));
                } else {
                    out.add(String.format(
                            Locale.ROOT,
                            "<45>1 %s host heroku web.%d - %s sample#load_avg_1m=%.2f "
                                    + "sample#load_avg_5m=%.2f sample#load_avg_15m=%.2f\n",
                            ts,
                            dyno,
                            source,
                            r.nextDouble(),
                            r.nextDouble(),
                            r.nextDouble()));
                }
            } else if (kind < 85) {
                String[] platform = {
                    "Process running mem=" + (500 + r.nextInt(500)) + "M(" + (100 + r.nextInt(90)) + "." + r.nextInt(10)
                            + "%)",
                    "Error R14 (Memory quota exceeded)",
                    "State changed from up to crashed",
                    "Process exited with status 137",
                    "Stopping process with SIGKILL",
                    "Starting process with command `java -jar app.jar`"
                };
                out.add("<45>1 " + ts + " host heroku web." + dyno + " - " + platform[r.nextInt(platform.length)]
                        + "\n");
            } else {
                out.add("<190>1 " + ts + " host app web." + dyno + " - {\"@timestamp\":\"2026-11-26T10:00:00.123Z\","
                        + "\"message\":\"GET /api/orders 200 in " + r.nextInt(500) + " ms\","
                        + "\"log.logger\":\"io.herokuelk.app.web.RequestLog\",\"process.thread.name\":\"http-"
                        + r.nextInt(16) + "\",\"log.level\":\"INFO\",\"event.dataset\":\"app.request\","
                        + "\"http.request.method\":\"GET\",\"url.path\":\"/api/orders\","
                        + "\"http.response.status_code\":200,\"event.duration\":" + r.nextInt(500_000_000)
                        + ",\"http.request.id\":\"" + uuid(r) + "\"}\n");
            }
        }
        return out;
    }

    /** The messages as one {@code application/logplex-1} body. */
    static byte[] body(List<String> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String m : messages) {
            byte[] b = m.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
            out.write(' ');
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private static String uuid(Random r) {
        return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    }
}
