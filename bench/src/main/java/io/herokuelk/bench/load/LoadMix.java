package io.herokuelk.bench.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic drain bodies: about 60% router lines, 15% runtime metrics, 10% platform lines and 15% app JSON from
 * logstash-logback-encoder, in the shapes Heroku sends, with timestamps around now so that the documents land in
 * today's backing indices. Seeded: the same seed gives the same lines.
 */
public final class LoadMix {

    static final String APP = "myapp";
    static final String TOKEN = "d.01234567-89ab-4def-8123-456789abcdef";

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String[] PATHS = {
        "/",
        "/api/orders",
        "/api/orders/42?expand=items",
        "/health",
        "/assets/app-3f2a.js",
        "/api/chat?x=1",
        "/login",
        "/api/notes/search?q=memory+leak&page=2"
    };
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};

    private LoadMix() {}

    /** One {@code application/logplex-1} body of at most {@code maxBytes}, filled with the mix. */
    static byte[] body(long seed, int maxBytes) {
        Random r = new Random(seed);
        Instant base = Instant.now();
        ByteArrayOutputStream out = new ByteArrayOutputStream(maxBytes + 2048);
        for (int i = 0; ; i++) {
            byte[] frame = frame(message(r, base.plusMillis(i)));
            if (out.size() + frame.length > maxBytes) {
                return out.toByteArray();
            }
            out.writeBytes(frame);
        }
    }

    /** A router line whose {@code request_id} is {@code requestId}: a marker that can be searched for. */
    static byte[] markerFrame(String requestId, Instant at) {
        return frame("<158>1 " + TS.format(at) + " host heroku router - at=info method=GET path=\"/api/orders\""
                + " host=myapp.herokuapp.com request_id=" + requestId + " fwd=\"203.0.113.7\" dyno=web.1"
                + " connect=0ms service=12ms status=200 bytes=1532 protocol=https\n");
    }

    public static byte[] frame(String message) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 6);
        out.writeBytes(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** The byte offset of every octet-counted frame in {@code frames}, and their whole length as the last entry. */
    static int[] frameStarts(byte[] frames) {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        while (at < frames.length) {
            starts.add(at);
            int space = at;
            while (frames[space] != ' ') {
                space++;
            }
            at = space + 1 + Integer.parseInt(new String(frames, at, space - at, StandardCharsets.US_ASCII));
        }
        starts.add(at);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Logplex frame ids are 32 upper-case hex characters. */
    static String frameId(long high, long low) {
        return String.format(Locale.ROOT, "%016X%016X", high, low);
    }

    private static String message(Random r, Instant at) {
        return message(r, TS.format(at), at.toString());
    }

    /**
     * One message of the mix with this syslog timestamp; {@code appTimestamp} is the {@code @timestamp} inside app
     * JSON lines. Draws from {@code r} in a fixed order, so a seed gives the same lines.
     */
    public static String message(Random r, String ts, String appTimestamp) {
        int dyno = 1 + r.nextInt(4);
        int kind = r.nextInt(100);
        if (kind < 60) {
            boolean error = r.nextInt(50) == 0;
            return "<158>1 " + ts + " host heroku router - "
                    + (error ? "at=error code=H12 desc=\"Request timeout\" " : "at=info ")
                    + "method=" + METHODS[r.nextInt(METHODS.length)]
                    + " path=\"" + PATHS[r.nextInt(PATHS.length)] + "\" host=myapp.herokuapp.com request_id="
                    + uuid(r) + " fwd=\"203.0." + r.nextInt(256) + "." + r.nextInt(256) + "\" dyno=web." + dyno
                    + " connect=" + r.nextInt(3) + "ms service=" + (error ? 30000 : r.nextInt(900)) + "ms status="
                    + (error ? 503 : 200) + " bytes=" + r.nextInt(40_000) + " protocol=https\n";
        } else if (kind < 75) {
            String source = "source=web." + dyno + " dyno=heroku.123456789.0f0e0d0c-aaaa-bbbb-cccc-00000000000" + dyno;
            if (r.nextBoolean()) {
                double rss = 200 + r.nextInt(400) + r.nextInt(100) / 100.0;
                return String.format(
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
                        r.nextInt(500_000));
            }
            return String.format(
                    Locale.ROOT,
                    "<45>1 %s host heroku web.%d - %s sample#load_avg_1m=%.2f "
                            + "sample#load_avg_5m=%.2f sample#load_avg_15m=%.2f\n",
                    ts,
                    dyno,
                    source,
                    r.nextDouble(),
                    r.nextDouble(),
                    r.nextDouble());
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
            return "<45>1 " + ts + " host heroku web." + dyno + " - " + platform[r.nextInt(platform.length)] + "\n";
        }
        return "<190>1 " + ts + " host app web." + dyno + " - {\"@timestamp\":\"" + appTimestamp + "\","
                + "\"message\":\"GET /api/orders 200 in " + r.nextInt(500) + " ms\","
                + "\"log.logger\":\"io.herokuelk.app.web.RequestLog\",\"process.thread.name\":\"http-"
                + r.nextInt(16) + "\",\"log.level\":\"INFO\",\"event.dataset\":\"app.request\","
                + "\"http.request.method\":\"GET\",\"url.path\":\"/api/orders\","
                + "\"http.response.status_code\":200,\"event.duration\":" + r.nextInt(500_000_000)
                + ",\"http.request.id\":\"" + uuid(r) + "\"}\n";
    }

    private static String uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }
}
