package io.herokuelk.bench.load;

import io.herokuelk.bench.Directories;
import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.devstack.runner.Ports;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * The drains, out of process, beside their peers: one Kafka broker (in this JVM); the shipper's {@code ingest} started
 * with its Procfile command ({@code web}); rsyslog ({@code imtcp -> omkafka}, configured as in the peer notes,
 * installed with apt-get when missing); and a plain Kafka producer ({@link PlainProducer}, its own JVM, with the
 * default {@code batch.size} and with the shipper's 256 KiB). The syslog sides get the same 20,000 Heroku router lines
 * as octet-counted frames over one TCP connection as fast as the socket takes them, the plain producers the same
 * lines; then the shipper's HTTP drain gets them as Logplex batches from {@code --https-clients} connections for
 * {@code --https-seconds}. Every side is warmed up first (the same number of lines each), then measured in
 * interleaved rounds (the order rotates). A message has arrived when the topic's end offsets count it.
 *
 * <p>Reports per pass and as median [min..max]: msgs/s, CPU-s per million messages from {@code /proc} over the same
 * window, {@code VmHWM}, bytes per record on the topic (lz4, as stored), latency p50/p99 (a probe line every 2,000
 * stamped with its send time, against the broker's append time; for the HTTP drain, post to 204), messages lost (sent
 * or acknowledged, not arrived), the sender's own CPU, and the load average.
 *
 * <pre>
 * ./dev bench --messages 1000000 --rounds 3 [--extra-flags "-XX:StartFlightRecording=..."]
 * </pre>
 */
public final class SyslogDrainLoad {

    private static final int DISTINCT_LINES = 20_000;
    private static final String SHIPPER_TOPIC = "syslog-load-events";
    private static final String SHIPPER_DEAD_LETTERS = SHIPPER_TOPIC + "-dead-letters";
    private static final String RSYSLOG_TOPIC = "syslog-load-rsyslog";
    private static final String PRODUCER_TOPIC = "syslog-load-producer";
    /** The plain producer with the shipper's own {@code batch.size}, 256 KiB. */
    private static final String LARGE_BATCH_TOPIC = "syslog-load-producer-large";

    private static final String CREDENTIALS = "drain:bench-only-secret";

    /** One measured pass of one side. */
    record Pass(
            String side,
            long messages,
            double seconds,
            double cpuSeconds,
            long peakRssMb,
            double bytesPerRecord,
            Latencies latency,
            long lost,
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
                    "| %s | %,d | %,.0f | %.1f | %d | %.0f | %s | %,d | %s |",
                    side,
                    messages,
                    rate(),
                    cpuPerMillion(),
                    peakRssMb,
                    bytesPerRecord,
                    latency.cell(),
                    lost,
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
        List<String> lines = routerLines(DISTINCT_LINES);
        byte[] frames = frames(lines);
        System.out.printf(
                Locale.ROOT,
                "%,d distinct router lines, %.0f bytes per frame on average%n",
                DISTINCT_LINES,
                (double) frames.length / DISTINCT_LINES);
        Path directory = Files.createTempDirectory("syslog-load-");
        try (EmbeddedKafka kafka = Load.kafka(directory.resolve("kafka"));
                TopicWatch topics = new TopicWatch(kafka.address())) {
            topics.create(SHIPPER_TOPIC, SHIPPER_DEAD_LETTERS, RSYSLOG_TOPIC, PRODUCER_TOPIC, LARGE_BATCH_TOPIC);
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
                    SHIPPER_DEAD_LETTERS,
                    "LOG_LEVEL",
                    "WARN");
            try (ProcfileProcess shipper =
                            ProcfileProcess.start("web", extraFlags, variables, directory.resolve("ingest.log"));
                    Rsyslog rsyslog = Rsyslog.start(directory.resolve("rsyslog"), kafka.address(), RSYSLOG_TOPIC);
                    PlainProducerSide defaultBatches = PlainProducerSide.start(
                            directory.resolve("producer-16k"), kafka.address(), PRODUCER_TOPIC, lines, 16 * 1024);
                    PlainProducerSide largeBatches = PlainProducerSide.start(
                            directory.resolve("producer-256k"),
                            kafka.address(),
                            LARGE_BATCH_TOPIC,
                            lines,
                            256 * 1024)) {
                System.out.println("shipper: " + shipper);
                awaitPort(shipperPort);
                System.out.println(
                        rsyslog == null ? "rsyslog: not available; measured without it" : "rsyslog: " + rsyslog);
                System.out.println("plain producers: " + defaultBatches + "; " + largeBatches);
                String httpPort = variables.get("PORT");
                SyslogSide shipperSyslog =
                        SyslogSide.of("shipper syslog TCP", shipperPort, shipper.pid(), SHIPPER_TOPIC, frames);
                List<DrainSide> sides = new ArrayList<>(List.of(shipperSyslog));
                if (rsyslog != null) {
                    sides.add(SyslogSide.of(
                            "rsyslog imtcp -> omkafka", rsyslog.port(), rsyslog.pid(), RSYSLOG_TOPIC, frames));
                }
                sides.add(defaultBatches);
                sides.add(largeBatches);
                // Warm-up: the JIT's first work, not measured.
                for (DrainSide side : sides) {
                    pass(side, warmup, topics);
                }
                if (httpsSeconds > 0) {
                    httpsPass(shipper.pid(), httpPort, frames, httpsClients, httpsSeconds, topics);
                }
                if (rounds == 0) {
                    bothAtOnce(shipper, shipperSyslog, httpPort, frames, httpsClients, bothSeconds, topics);
                    System.out.println(shipper.nativeMemorySummary());
                    return;
                }
                Map<String, List<Pass>> passes = new java.util.LinkedHashMap<>();
                System.out.println();
                System.out.println(ROW_HEADER);
                System.out.println(ROW_RULE);
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < sides.size(); i++) {
                        DrainSide side = sides.get((round + i) % sides.size());
                        record(passes, pass(side, messages, topics));
                    }
                    if (httpsSeconds > 0) {
                        record(passes, httpsPass(shipper.pid(), httpPort, frames, httpsClients, httpsSeconds, topics));
                    }
                }
                report(passes, sides, rsyslog != null);
                System.out.printf(
                        Locale.ROOT,
                        "dead letters from the shipper in the whole run: %,d%n",
                        topics.records(SHIPPER_DEAD_LETTERS));
                System.out.println("load average after: " + Load.loadAverage());
                if (bothSeconds > 0) {
                    bothAtOnce(shipper, shipperSyslog, httpPort, frames, httpsClients, bothSeconds, topics);
                }
                if (extraFlags.stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) {
                    System.out.println(shipper.nativeMemorySummary());
                }
            }
        } finally {
            Directories.deleteQuietly(directory);
        }
    }

    private static final String ROW_HEADER =
            "| side | messages | msgs/s | CPU-s per million | VmHWM MB | bytes per record"
                    + " | latency p50 / p99 ms | lost | sender CPU-s per million |";
    private static final String ROW_RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static void record(Map<String, List<Pass>> passes, Pass pass) {
        passes.computeIfAbsent(pass.side(), s -> new ArrayList<>()).add(pass);
        System.out.println(pass.row());
    }

    /** The medians per side and the shipper's ratios to each peer. */
    private static void report(Map<String, List<Pass>> passes, List<DrainSide> sides, boolean withRsyslog) {
        System.out.println();
        System.out.println("| side | msgs/s median [min..max] | CPU-s per million | VmHWM MB | bytes per record"
                + " | latency p50 / p99 ms (all passes) | lost (all passes) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        passes.values().forEach(list -> System.out.println(summary(list)));
        System.out.println();
        List<Pass> shipperSyslog = passes.get(sides.getFirst().name());
        List<Pass> http = passes.entrySet().stream()
                .filter(e -> e.getKey().startsWith("shipper HTTP"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(List.of());
        for (DrainSide peer : sides.subList(1, sides.size())) {
            List<Pass> reference = passes.get(peer.name());
            ratio("shipper syslog TCP", shipperSyslog, peer.name(), reference);
            if (!http.isEmpty()) {
                ratio("shipper HTTP drain", http, peer.name(), reference);
            }
        }
        if (!withRsyslog) {
            System.out.println("(rsyslog was not available: no ratio to it)");
        }
    }

    private static void ratio(String side, List<Pass> passes, String peer, List<Pass> reference) {
        System.out.printf(
                Locale.ROOT,
                "ratio %s / %s (medians): %.2fx msgs/s, %.2fx CPU per message%n",
                side,
                peer,
                median(passes, Pass::rate) / median(reference, Pass::rate),
                median(passes, Pass::cpuPerMillion) / median(reference, Pass::cpuPerMillion));
    }

    /**
     * Both drains at full load at once, for the process's peak memory: one syslog connection sending without pause
     * and {@code clients} HTTPS connections posting in a closed loop, for {@code seconds}.
     */
    private static void bothAtOnce(
            ProcfileProcess shipper,
            SyslogSide syslogSide,
            String httpPort,
            byte[] frames,
            int clients,
            int seconds,
            TopicWatch topics)
            throws Exception {
        LogplexPoster https = poster(httpPort, frames);
        long before = topics.records(SHIPPER_TOPIC);
        double cpuBefore = shipper.cpuSeconds();
        long started = System.nanoTime();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong syslogSent = new AtomicLong();
        int chunk = DISTINCT_LINES * 5;
        Thread syslog = Thread.ofPlatform().start(() -> {
            while (sending.get()) {
                syslogSide.send(chunk);
                syslogSent.addAndGet(chunk + ProbeLines.count(chunk));
            }
        });
        https.start(clients);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        sending.set(false);
        https.stop();
        syslog.join();
        long expected = syslogSent.get() + https.acknowledged();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (topics.records(SHIPPER_TOPIC) - before < expected && System.nanoTime() < deadline) {
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
                topics.records(SHIPPER_TOPIC) - before,
                expected / elapsed,
                (shipper.cpuSeconds() - cpuBefore) / elapsed,
                shipper.statusMb("VmHWM"),
                shipper,
                Load.loadAverage());
    }

    private static String summary(List<Pass> passes) {
        Latencies all = new Latencies();
        passes.forEach(p -> p.latency().addTo(all));
        return String.format(
                Locale.ROOT,
                "| %s | %,.0f [%,.0f..%,.0f] | %.1f | %d | %.0f | %s | %,d |",
                passes.getFirst().side(),
                median(passes, Pass::rate),
                passes.stream().mapToDouble(Pass::rate).min().orElse(0),
                passes.stream().mapToDouble(Pass::rate).max().orElse(0),
                median(passes, Pass::cpuPerMillion),
                passes.stream().mapToLong(Pass::peakRssMb).max().orElse(0),
                median(passes, Pass::bytesPerRecord),
                all.cell(),
                passes.stream().mapToLong(Pass::lost).sum());
    }

    private static double median(List<Pass> passes, java.util.function.ToDoubleFunction<Pass> value) {
        double[] sorted = passes.stream().mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /**
     * The HTTP drain alone: {@code clients} connections posting Logplex batches of about 100 KiB in a closed loop for
     * {@code seconds}; a line counts once answered 204, which the drain gives only when Kafka holds it. The sender's
     * CPU is that of its threads in this JVM. Latency is post to answer.
     */
    private static Pass httpsPass(long pid, String httpPort, byte[] frames, int clients, int seconds, TopicWatch topics)
            throws Exception {
        LogplexPoster https = poster(httpPort, frames);
        long before = topics.records(SHIPPER_TOPIC);
        long bytesBefore = topics.bytes(SHIPPER_TOPIC);
        double cpuBefore = ProcStats.cpuSeconds(pid);
        SenderCpu senderCpu = SenderCpu.start(LogplexPoster.THREAD_NAME);
        long started = System.nanoTime();
        https.start(clients);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        double senderSeconds = senderCpu.seconds();
        https.stop();
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpu = ProcStats.cpuSeconds(pid) - cpuBefore;
        long arrived = topics.records(SHIPPER_TOPIC) - before;
        Thread.sleep(1000); // the log segment sizes catch up
        double perRecord = (double) (topics.bytes(SHIPPER_TOPIC) - bytesBefore) / Math.max(1, arrived);
        return new Pass(
                "shipper HTTP drain (" + clients + " clients)",
                https.acknowledged(),
                elapsed,
                cpu,
                ProcStats.statusMb(pid, "VmHWM"),
                perRecord,
                https.latencies(),
                Math.max(0, https.acknowledged() - arrived),
                senderSeconds);
    }

    /** Logplex-like batches of about 100 KiB to the ingest's HTTP drain, with the credentials it was started with. */
    private static LogplexPoster poster(String httpPort, byte[] frames) {
        return new LogplexPoster(
                java.net.URI.create("http://127.0.0.1:" + httpPort + "/logs/myapp"), CREDENTIALS, frames, 100 * 1024);
    }

    /** Sends {@code messages} lines and their probes through one side; timed until Kafka holds them all. */
    private static Pass pass(DrainSide side, int messages, TopicWatch topics) throws Exception {
        String topic = side.topic();
        long expected = messages + ProbeLines.count(messages);
        Map<TopicPartition, Long> from = topics.endOffsets(topic);
        long bytesBefore = topics.bytes(topic);
        double cpuBefore = ProcStats.cpuSeconds(side.pid());
        long started = System.nanoTime();
        double[] senderCpu = new double[1];
        Thread sender = Thread.ofPlatform().start(() -> {
            try {
                senderCpu[0] = side.send(messages);
            } catch (Exception e) {
                throw new IllegalStateException(side.name() + ": sending failed", e);
            }
        });
        long deadline = started + TimeUnit.SECONDS.toNanos(300);
        long arrived;
        while ((arrived = topics.records(topic) - TopicWatch.total(from)) < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = ProcStats.cpuSeconds(side.pid()) - cpuBefore;
        sender.join();
        if (arrived < expected) {
            System.out.printf(
                    Locale.ROOT, "  %s: only %,d of %,d arrived within 300 s%n", side.name(), arrived, expected);
        }
        Thread.sleep(1000); // the log segment sizes catch up
        Map<TopicPartition, Long> to = topics.endOffsets(topic);
        double perRecord = (double) (topics.bytes(topic) - bytesBefore) / Math.max(1, arrived);
        return new Pass(
                side.name(),
                arrived,
                seconds,
                cpu,
                ProcStats.statusMb(side.pid(), "VmHWM"),
                perRecord,
                topics.probeLatencies(from, to),
                Math.max(0, expected - TopicWatch.total(to) + TopicWatch.total(from)),
                senderCpu[0]);
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
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        lines.forEach(line -> out.writeBytes(LoadMix.frame(line)));
        return out.toByteArray();
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
