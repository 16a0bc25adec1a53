package io.herokuelk.bench.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests no Logplex sends, over raw sockets so that nothing is tidied on the way: random bytes, wrong and huge
 * octet counts, invalid UTF-8, 10 MB bodies, wrong or no credentials, slow bodies that stall, empty bodies, 70 KiB
 * frames. Counts the answers by status ({@code closed} when the drain closed the connection instead).
 */
final class Hostile {

    private final URI drain;
    private final String goodAuthorization;
    private final String app;
    private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

    Hostile(URI drain, String credentials, String app) {
        this.drain = drain;
        this.goodAuthorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.app = app;
    }

    /** Sends {@code count} requests, {@code parallel} at a time. */
    void send(int count, int parallel) throws InterruptedException {
        Semaphore slots = new Semaphore(parallel);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                slots.acquire();
                int kind = i;
                senders.submit(() -> {
                    try {
                        one(kind);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
    }

    private void one(int i) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String auth = goodAuthorization;
        byte[] body;
        long declared = -1;
        boolean stall = false;
        switch (i % 10) {
            case 0 -> body = randomBytes(random.nextInt(1, 4096));
            case 1 -> body = ascii("123 <190>1 2026-12-03T10:00:00+00:00 host app web.1 - the count is wrong\n");
            case 2 -> body = ascii("99999999999999999999 <190>1 x");
            case 3 -> body = frame(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 'x'});
            case 4 -> {
                // A 10 MB body only once in 500: it is refused by its declared length before any byte is read.
                body = i % 500 == 4 ? new byte[10 * 1024 * 1024] : ascii("");
            }
            case 5 -> {
                auth = "Basic " + Base64.getEncoder().encodeToString("logplex:wrong".getBytes(StandardCharsets.UTF_8));
                body = frame(ascii("with wrong credentials"));
            }
            case 6 -> {
                auth = null;
                body = frame(ascii("without credentials"));
            }
            case 7 -> {
                // A body that stalls after its first bytes, once in 500: the drain closes it at its read deadline.
                stall = i % 500 == 7;
                body = ascii("10 <190>1 x");
                declared = stall ? 4096 : body.length;
            }
            case 8 -> body = new byte[0];
            default -> body = frame(ascii("x".repeat(70 * 1024)));
        }
        try (Socket socket = new Socket(drain.getHost(), drain.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /logs/" + app + " HTTP/1.1\r\nHost: drain\r\nContent-Type: application/logplex-1\r\n"
                    + (auth == null ? "" : "Authorization: " + auth + "\r\n") + "Content-Length: "
                    + (declared >= 0 ? declared : body.length) + "\r\nConnection: close\r\n\r\n";
            out.write(ascii(head));
            out.write(body);
            out.flush();
            count(statusLine(socket.getInputStream()));
        } catch (IOException e) {
            count(stall ? "closed (stalled)" : "closed");
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\r' && line.length() < 64; c = in.read()) {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        return parts.length >= 2 ? parts[1] : "closed";
    }

    private static byte[] frame(byte[] text) {
        byte[] head = ascii("<190>1 2026-12-03T10:00:00+00:00 host app web.1 - ");
        byte[] message = new byte[head.length + text.length + 1];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(text, 0, message, head.length, text.length);
        message[message.length - 1] = '\n';
        byte[] prefix = ascii(message.length + " ");
        byte[] framed = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, framed, 0, prefix.length);
        System.arraycopy(message, 0, framed, prefix.length, message.length);
        return framed;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void count(String status) {
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    String statuses() {
        return statuses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "x" + e.getValue())
                .reduce((a, b) -> a + " " + b)
                .orElse("-");
    }
}
