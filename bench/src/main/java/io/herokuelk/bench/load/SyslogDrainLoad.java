package io.herokuelk.bench.load;

import io.herokuelk.bench.Directories;
import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.devstack.runner.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The syslog drain, out of process, beside rsyslog: one Kafka broker (in this JVM), the shipper's {@code ingest}
 * started with its Procfile command ({@code web}) and rsyslog ({@code imtcp -> omkafka}, configured as in the peer
 * notes, when {@code rsyslogd} is installed), each fed the same 20,000 Heroku router lines as octet-counted frames
 * over one TCP connection as fast as the socket takes them, in interleaved rounds. A message has arrived when the
 * topic's end offsets count it. Reports msgs/s, CPU-s per million messages from {@code /proc} over the same window,
 * {@code VmHWM}, bytes per record on the topic (lz4, as stored), the sender's own CPU, and the load average.
 *
 * <pre>
 * ./dev build && java -Xmx1g -cp bench/target/classes:$(cat bench/target/load-classpath.txt) \
 *   io.herokuelk.bench.load.SyslogDrainLoad --messages 1000000 --rounds 3 [--extra-flags "-XX:StartFlightRecording=..."]
 * </pre>
 */
public final class SyslogDrainLoad {

    private static final int DISTINCT_LINES = 20_000;
    private static final String SHIPPER_TOPIC = "syslog-load-events";
    private static final String RSYSLOG_TOPIC = "syslog-load-rsyslog";
    private static final String CREDENTIALS = "drain:bench-only-secret";

    /** One measured pass of one side. */
    record Pass(
            String side,
            long messages,
            double seconds,
            double cpuSeconds,
            long peakRssMb,
            double bytesPerRecord,
            double senderCpuSeconds) {
        double rate() {
            return messages / seconds;
        }

        double cpuPerMillion() {
            return cpuSeconds / messages * 1e6;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,.0f | %.1f | %d | %.0f | %s |",
                    side,
                    messages,
                    rate(),
                    cpuPerMillion(),
                    peakRssMb,
                    bytesPerRecord,
                    Double.isNaN(senderCpuSeconds)
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f", senderCpuSeconds / messages * 1e6));
        }
    }

    public static void main(String[] argv) throws Exception {
        Load.Args args = new Load.Args(
                argv, "messages", "rounds", "warmup", "extra-flags", "both-seconds", "https-clients", "https-seconds");
        int bothSeconds = args.integer("both-seconds", 30);
        int httpsClients = args.integer("https-clients", 8);
        int httpsSeconds = args.integer("https-seconds", 10);
        List<String> extraFlags = args.string("extra-flags", "").isBlank()
                ? List.of()
                : List.of(args.string("extra-flags", "").trim().split("\\s+"));
        int messages = args.integer("messages", 1_000_000);
        int rounds = args.integer("rounds", 3);
        int warmup = args.integer("warmup", 400_000);
        Load.quietLogging();
        System.out.println("machine: " + Load.machine());
        byte[] frames = frames(routerLines(DISTINCT_LINES));
        System.out.printf(
                Locale.ROOT,
                "%,d distinct router lines, %.0f bytes per frame on average%n",
                DISTINCT_LINES,
                (double) frames.length / DISTINCT_LINES);
        Path directory = Files.createTempDirectory("syslog-load-");
        try (EmbeddedKafka kafka = Load.kafka(directory.resolve("kafka"))) {
            createTopics(kafka.address(), SHIPPER_TOPIC, SHIPPER_TOPIC + "-dead-letters", RSYSLOG_TOPIC);
            int shipperPort = Ports.free();
            Map<String, String> variables = Map.of(
                    "PORT",
                    String.valueOf(Ports.free()),
                    "SYSLOG_TCP_PORT",
                    String.valueOf(shipperPort),
                    "DRAIN_CREDENTIALS",
                    CREDENTIALS,
                    "KAFKA_BOOTSTRAP_SERVERS",
                    kafka.address(),
                    "KAFKA_EVENTS_TOPIC",
                    SHIPPER_TOPIC,
                    "KAFKA_DEAD_LETTER_TOPIC",
                    SHIPPER_TOPIC + "-dead-letters",
                    "LOG_LEVEL",
                    "WARN");
            try (ProcfileProcess shipper =
                            ProcfileProcess.start("web", extraFlags, variables, directory.resolve("ingest.log"));
                    Rsyslog rsyslog =
                            Rsyslog.startIfInstalled(directory.resolve("rsyslog"), kafka.address(), RSYSLOG_TOPIC);
                    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.address()))) {
                System.out.println("shipper: " + shipper);
                awaitPort(shipperPort);
                System.out.println(
                        rsyslog == null
                                ? "rsyslog: not installed (apt-get install rsyslog rsyslog-kafka);"
                                        + " the shipper alone is measured"
                                : "rsyslog: " + rsyslog);
                // Warm-up: the JIT's first work, not measured.
                pass("warm-up", shipperPort, shipper.pid(), SHIPPER_TOPIC, frames, warmup, admin);
                if (rsyslog != null) {
                    pass("warm-up", rsyslog.port(), rsyslog.pid(), RSYSLOG_TOPIC, frames, warmup / 4, admin);
                }
                if (rounds == 0) {
                    bothAtOnce(shipper, shipperPort, variables.get("PORT"), frames, httpsClients, bothSeconds, admin);
                    System.out.println(shipper.nativeMemorySummary());
                    return;
                }
                List<Pass> shipperPasses = new ArrayList<>();
                List<Pass> rsyslogPasses = new ArrayList<>();
                List<Pass> httpsPasses = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    boolean shipperFirst = round % 2 == 0;
                    for (int side = 0; side < 2; side++) {
                        if ((side == 0) == shipperFirst) {
                            shipperPasses.add(pass(
                                    "shipper syslog TCP",
                                    shipperPort,
                                    shipper.pid(),
                                    SHIPPER_TOPIC,
                                    frames,
                                    messages,
                                    admin));
                            System.out.println(shipperPasses.getLast().row());
                        } else if (rsyslog != null) {
                            rsyslogPasses.add(pass(
                                    "rsyslog imtcp -> omkafka",
                                    rsyslog.port(),
                                    rsyslog.pid(),
                                    RSYSLOG_TOPIC,
                                    frames,
                                    messages,
                                    admin));
                            System.out.println(rsyslogPasses.getLast().row());
                        }
                    }
                    if (httpsSeconds > 0) {
                        httpsPasses.add(httpsPass(
                                shipper.pid(), variables.get("PORT"), frames, httpsClients, httpsSeconds, admin));
                        System.out.println(httpsPasses.getLast().row());
                    }
                }
                System.out.println();
                System.out.println("| side | msgs/s median [min..max] | CPU-s per million | VmHWM MB | bytes per record"
                        + " on the topic |");
                System.out.println("|---|---:|---:|---:|---:|");
                System.out.println(summary(shipperPasses));
                if (!rsyslogPasses.isEmpty()) {
                    System.out.println(summary(rsyslogPasses));
                    System.out.printf(
                            Locale.ROOT,
                            "%nratio shipper/rsyslog (medians): %.2fx msgs/s, %.2fx CPU per" + " message%n",
                            median(shipperPasses, Pass::rate) / median(rsyslogPasses, Pass::rate),
                            median(shipperPasses, Pass::cpuPerMillion) / median(rsyslogPasses, Pass::cpuPerMillion));
                }
                if (!httpsPasses.isEmpty()) {
                    System.out.println(summary(httpsPasses));
                    if (!rsyslogPasses.isEmpty()) {
                        System.out.printf(
                                Locale.ROOT,
                                "ratio shipper HTTP drain/rsyslog (medians): %.2fx msgs/s, %.2fx CPU per message%n",
                                median(httpsPasses, Pass::rate) / median(rsyslogPasses, Pass::rate),
                                median(httpsPasses, Pass::cpuPerMillion) / median(rsyslogPasses, Pass::cpuPerMillion));
                    }
                }
                System.out.println("load average after: " + Load.loadAverage());
                if (bothSeconds > 0) {
                    bothAtOnce(shipper, shipperPort, variables.get("PORT"), frames, httpsClients, bothSeconds, admin);
                }
                if (extraFlags.stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) {
                    System.out.println(shipper.nativeMemorySummary());
                }
            }
        } finally {
            Directories.deleteQuietly(directory);
        }
    }

    /**
     * Both drains at full load at once, for the process's peak memory: one syslog connection sending without pause
     * and {@code clients} HTTPS connections posting in a closed loop, for {@code seconds}.
     */
    private static void bothAtOnce(
            ProcfileProcess shipper,
            int syslogPort,
            String httpPort,
            byte[] frames,
            int clients,
            int seconds,
            Admin admin)
            throws Exception {
        LogplexPoster https = poster(httpPort, frames);
        long before = endOffsets(admin, SHIPPER_TOPIC);
        double cpuBefore = shipper.cpuSeconds();
        long started = System.nanoTime();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong syslogSent = new AtomicLong();
        Thread syslog = Thread.ofPlatform().start(() -> {
            while (sending.get()) {
                send(syslogPort, frames, DISTINCT_LINES * 5);
                syslogSent.addAndGet(DISTINCT_LINES * 5L);
            }
        });
        https.start(clients);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        sending.set(false);
        https.stop();
        syslog.join();
        long expected = syslogSent.get() + https.acknowledged();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (endOffsets(admin, SHIPPER_TOPIC) - before < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%nboth drains at once for %d s (1 syslog connection, %d HTTPS clients):"
                        + " %,d syslog lines sent, %,d HTTPS lines acknowledged (answers %s), %,d arrived;"
                        + " %.0f msgs/s, %.2f cores; ingest VmHWM %d MB (flags: %s); load average %s%n",
                seconds,
                clients,
                syslogSent.get(),
                https.acknowledged(),
                https.answers(),
                endOffsets(admin, SHIPPER_TOPIC) - before,
                expected / elapsed,
                (shipper.cpuSeconds() - cpuBefore) / elapsed,
                shipper.statusMb("VmHWM"),
                shipper,
                Load.loadAverage());
    }

    /** 3 partitions, lz4, the broker's clock as the record time (rsyslog's own timestamps are not comparable). */
    private static void createTopics(String bootstrap, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(java.util.Arrays.stream(topics)
                            .map(t -> new NewTopic(t, 3, (short) 1)
                                    .configs(Map.of(
                                            TopicConfig.COMPRESSION_TYPE_CONFIG,
                                            "lz4",
                                            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                            "LogAppendTime")))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static String summary(List<Pass> passes) {
        return String.format(
                Locale.ROOT,
                "| %s | %,.0f [%,.0f..%,.0f] | %.1f | %d | %.0f |",
                passes.getFirst().side(),
                median(passes, Pass::rate),
                passes.stream().mapToDouble(Pass::rate).min().orElse(0),
                passes.stream().mapToDouble(Pass::rate).max().orElse(0),
                median(passes, Pass::cpuPerMillion),
                passes.stream().mapToLong(Pass::peakRssMb).max().orElse(0),
                median(passes, Pass::bytesPerRecord));
    }

    private static double median(List<Pass> passes, java.util.function.ToDoubleFunction<Pass> value) {
        double[] sorted = passes.stream().mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /**
     * The HTTP drain alone: {@code clients} connections posting Logplex batches of about 100 KiB in a closed loop for
     * {@code seconds}; a line counts once answered 204, which the drain gives only when Kafka holds it. The sender
     * runs in this JVM beside the broker, so its CPU is not told apart ("-").
     */
    private static Pass httpsPass(long pid, String httpPort, byte[] frames, int clients, int seconds, Admin admin)
            throws Exception {
        LogplexPoster https = poster(httpPort, frames);
        long before = endOffsets(admin, SHIPPER_TOPIC);
        long bytesBefore = topicBytes(admin, SHIPPER_TOPIC);
        double cpuBefore = ProcStats.cpuSeconds(pid);
        long started = System.nanoTime();
        https.start(clients);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        https.stop();
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpu = ProcStats.cpuSeconds(pid) - cpuBefore;
        long arrived = endOffsets(admin, SHIPPER_TOPIC) - before;
        Thread.sleep(1000); // the log segment sizes catch up
        double perRecord = (double) (topicBytes(admin, SHIPPER_TOPIC) - bytesBefore) / Math.max(1, arrived);
        return new Pass(
                "shipper HTTP drain (" + clients + " clients)",
                https.acknowledged(),
                elapsed,
                cpu,
                ProcStats.statusMb(pid, "VmHWM"),
                perRecord,
                Double.NaN);
    }

    /** Logplex-like batches of about 100 KiB to the ingest's HTTP drain, with the credentials it was started with. */
    private static LogplexPoster poster(String httpPort, byte[] frames) {
        return new LogplexPoster(
                java.net.URI.create("http://127.0.0.1:" + httpPort + "/logs/myapp"), CREDENTIALS, frames, 100 * 1024);
    }

    /** Sends {@code messages} frames over one connection as fast as it takes them; timed until Kafka holds them. */
    private static Pass pass(String side, int port, long pid, String topic, byte[] frames, int messages, Admin admin)
            throws Exception {
        long before = endOffsets(admin, topic);
        long bytesBefore = topicBytes(admin, topic);
        double cpuBefore = ProcStats.cpuSeconds(pid);
        long started = System.nanoTime();
        double[] senderCpu = new double[1];
        Thread sender = Thread.ofPlatform().start(() -> senderCpu[0] = send(port, frames, messages));
        long deadline = started + TimeUnit.SECONDS.toNanos(300);
        long arrived;
        while ((arrived = endOffsets(admin, topic) - before) < messages && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = ProcStats.cpuSeconds(pid) - cpuBefore;
        sender.join();
        if (arrived < messages) {
            System.out.printf(Locale.ROOT, "  %s: only %,d of %,d arrived within 300 s%n", side, arrived, messages);
        }
        Thread.sleep(1000); // the log segment sizes catch up
        double perRecord = (double) (topicBytes(admin, topic) - bytesBefore) / Math.max(1, arrived);
        return new Pass(side, arrived, seconds, cpu, ProcStats.statusMb(pid, "VmHWM"), perRecord, senderCpu[0]);
    }

    /** Writes the frames again and again until {@code messages} are sent; returns this thread's CPU seconds. */
    private static double send(int port, byte[] frames, int messages) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try (Socket socket = new Socket("127.0.0.1", port);
                OutputStream out = socket.getOutputStream()) {
            int fullCopies = messages / DISTINCT_LINES;
            for (int i = 0; i < fullCopies; i++) {
                out.write(frames);
            }
            int rest = messages % DISTINCT_LINES;
            if (rest > 0) {
                out.write(frames, 0, prefixOfFrames(frames, rest));
            }
            out.flush();
            // Closing at once is fine: TCP delivers what was written before the FIN.
        } catch (IOException e) {
            throw new IllegalStateException("sending to port " + port + " failed", e);
        }
        return (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    }

    /** The byte length of the first {@code count} octet-counted frames. */
    private static int prefixOfFrames(byte[] frames, int count) {
        int at = 0;
        for (int i = 0; i < count; i++) {
            int space = at;
            while (frames[space] != ' ') {
                space++;
            }
            at = space + 1 + Integer.parseInt(new String(frames, at, space - at, StandardCharsets.US_ASCII));
        }
        return at;
    }

    /** Heroku router lines as a syslog drain sends them (RFC 5424), each distinct. */
    static List<String> routerLines(int count) {
        String[] paths = {"/", "/api/orders", "/api/orders/42", "/health", "/assets/app.js", "/login"};
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(String.format(
                    Locale.ROOT,
                    "<158>1 2026-12-04T10:%02d:%02d.%06d+00:00 host heroku router - "
                            + "at=info method=GET path=\"%s\" host=myapp.herokuapp.com "
                            + "request_id=%08x-1d2e-4f00-8a1b-%012x fwd=\"203.0.113.%d\" dyno=web.%d connect=%dms "
                            + "service=%dms status=%d bytes=%d protocol=https",
                    (i / 60) % 60,
                    i % 60,
                    i % 1_000_000,
                    paths[i % paths.length],
                    i,
                    (long) i * 7919,
                    i % 250,
                    1 + i % 4,
                    i % 3,
                    5 + (i * 37) % 900,
                    i % 17 == 0 ? 404 : 200,
                    512 + (i * 131) % 20_000));
        }
        return lines;
    }

    static byte[] frames(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.getBytes(StandardCharsets.UTF_8).length).append(' ').append(line);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(o -> o.offset())
                .sum();
    }

    private static long topicBytes(Admin admin, String topic) throws Exception {
        long total = 0;
        for (var dir : admin.describeLogDirs(List.of(1))
                .allDescriptions()
                .get(10, TimeUnit.SECONDS)
                .get(1)
                .values()) {
            for (Map.Entry<TopicPartition, ReplicaInfo> replica :
                    dir.replicaInfos().entrySet()) {
                if (replica.getKey().topic().equals(topic)) {
                    total += replica.getValue().size();
                }
            }
        }
        return total;
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port);
    }
}
