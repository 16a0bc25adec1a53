package io.herokuelk.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /** The posting threads' names begin with this (their CPU is the sender's). */
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
        int[] starts = LoadMix.frameStarts(frames);
        int first = 0;
        for (int next = 1; next < starts.length; next++) {
            boolean last = next == starts.length - 1;
            if (last || starts[next + 1] - starts[first] > bodyBytes) {
                bodies.add(java.util.Arrays.copyOfRange(frames, starts[first], starts[next]));
                counts.add(next - first);
                first = next;
            }
        }
    }

    /** The bodies it posts, in turn, and how many lines each holds. */
    List<byte[]> bodies() {
        return bodies;
    }

    List<Integer> counts() {
        return counts;
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

    /**
     * One keep-alive connection posting in a closed loop. HTTP/1.1 is written and read by hand, the request head
     * made per request and the body written as it is: the JDK's HTTP client cost about a sixth of the drain's own CPU
     * per line, on the same two cores.
     */
    private void post(int client) {
        long sequence = 0;
        Connection connection = null;
        while (running.get()) {
            int i = (int) ((client * 7 + sequence) % bodies.size());
            String frameId = String.format("%08x%016x%08x", client, System.nanoTime(), sequence++);
            byte[] head = ("POST " + drain.getRawPath() + " HTTP/1.1\r\n"
                            + "Host: " + drain.getHost() + ":" + drain.getPort() + "\r\n"
                            + "Content-Type: application/logplex-1\r\n"
                            + "Authorization: " + authorization + "\r\n"
                            + "Logplex-Msg-Count: " + counts.get(i) + "\r\n"
                            + "Logplex-Frame-Id: " + frameId + "\r\n"
                            + "Logplex-Drain-Token: d.01234567-89ab-4def-8123-456789abcdef\r\n"
                            + "Content-Length: " + bodies.get(i).length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            long posted = System.nanoTime();
            try {
                if (connection == null) {
                    connection = new Connection(new Socket(drain.getHost(), drain.getPort()));
                }
                int status = connection.exchange(head, bodies.get(i));
                answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                if (connection.closed()) {
                    connection = null;
                }
                if (status == 204) {
                    acknowledged.addAndGet(counts.get(i));
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted));
                } else {
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    /** A keep-alive HTTP/1.1 connection: a request out, its answer's status read and its body skipped. */
    static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean closed;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
        }

        int exchange(byte[] head, byte[] body) throws IOException {
            out.write(head);
            out.write(body);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name =
                        header.substring(0, Math.max(0, header.indexOf(':'))).trim();
                String value = header.substring(header.indexOf(':') + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closed = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else {
                in.skipNBytes(length);
            }
            if (closed) {
                close();
            }
            return status;
        }

        boolean closed() {
            return closed;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the drain closed the connection");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all that is left to do with it.
            }
        }
    }
}
