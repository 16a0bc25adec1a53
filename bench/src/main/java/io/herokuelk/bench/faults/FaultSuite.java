package io.herokuelk.bench.faults;

import io.herokuelk.bench.load.ProcStats;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.runner.KafkaProcess;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The fault suite: the real pipeline as processes, a Logplex-like sender, and the faults the pipeline claims to
 * survive, each scenario with its own app name and bounded in time; then every marker is counted in Elasticsearch.
 * Prints a table and exits 1 when any scenario fails. Not part of {@code ./dev test}: it takes about 15 minutes on
 * the single-node stack and 20 on the replicated one.
 *
 * <pre>
 *   ./dev faults            # one broker, one node
 *   ./dev faults --cluster  # 3 brokers (replication 3, min.insync.replicas 2) and 2 nodes
 * </pre>
 */
public final class FaultSuite {

    private static final int LINES = 50;

    private final FaultStack stack;
    private final StoredMarkers stored;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000, 36);

    private FaultSuite(FaultStack stack) {
        this.stack = stack;
        this.stored = new StoredMarkers(stack.elasticsearchUrl());
    }

    public static void main(String[] args) throws Exception {
        boolean cluster = List.of(args).contains("--cluster");
        Path shipperJar = Path.of(System.getProperty("heroku-elk.shipper.jar", "shipper/target/shipper.jar"));
        Path directory = Path.of("bench/target/faults-" + (cluster ? "cluster" : "single"))
                .toAbsolutePath();
        List<Outcome> outcomes = new ArrayList<>();
        Instant started = Instant.now();
        try (FaultStack stack = new FaultStack(directory, shipperJar, cluster ? 3 : 1, cluster ? 2 : 1)) {
            stack.start();
            FaultSuite suite = new FaultSuite(stack);
            outcomes.add(suite.everyBatchThreeTimes());
            outcomes.add(suite.indexerKilled());
            outcomes.add(suite.ingestKilled());
            outcomes.add(cluster ? suite.leaderBrokerKilled() : suite.brokerStopped());
            outcomes.add(cluster ? suite.dataNodeKilled() : suite.elasticsearchStopped());
            outcomes.add(suite.sixteenSendersFlatOut());
            outcomes.add(suite.hostileRequests());
            outcomes.add(suite.alerterKilledBetweenR14AndResolve());
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Fault suite, %s, %s, load average %s, %d min%n",
                cluster ? "3 brokers (RF 3, min.insync.replicas 2) and 2 Elasticsearch nodes" : "1 broker, 1 node",
                Instant.now(),
                loadAverage(),
                Duration.between(started, Instant.now()).toMinutes());
        System.out.println(Outcome.HEADER);
        outcomes.forEach(o -> System.out.println(o.row()));
        System.exit(outcomes.stream().allMatch(Outcome::pass) ? 0 : 1);
    }

    /** Logplex retries: every batch posted three times with its Frame-Id; each line must be stored once. */
    Outcome everyBatchThreeTimes() throws Exception {
        String app = app("triple");
        LogplexSender sender = sender(app);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int batch = 0; batch < 100; batch++) {
            for (int copy = 0; copy < 3; copy++) {
                acknowledged.addAll(sender.post(0, batch, LINES));
            }
        }
        return settle("every batch posted 3 times", app, sender, acknowledged, 0, "", true);
    }

    /** The indexer killed with SIGKILL mid-stream and started again. */
    Outcome indexerKilled() throws Exception {
        return withFault("indexer SIGKILL", 150, 40, () -> kill("indexer"), () -> restart("indexer"));
    }

    /** The ingest killed with SIGKILL with requests in flight; Logplex's retries bring the batches back. */
    Outcome ingestKilled() throws Exception {
        String app = app("ingest-kill");
        LogplexSender sender = sender(app);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < 4; s++) {
                int id = s;
                senders.submit(() -> {
                    for (int batch = 0; batch < 60; batch++) {
                        acknowledged.addAll(sender.post(id, batch, LINES));
                        if (id == 0 && batch == 20 && killed.compareAndSet(false, true)) {
                            kill("ingest");
                            Thread.sleep(Duration.ofSeconds(3));
                            restart("ingest");
                        }
                    }
                    return null;
                });
            }
        }
        return settle("ingest SIGKILL, in flight", app, sender, acknowledged, 0, "", true);
    }

    /** The one broker stopped for 30 s: 503s, which Logplex retries; nothing acknowledged is lost. */
    Outcome brokerStopped() throws Exception {
        KafkaProcess broker = stack.broker();
        return withFault(
                "broker stopped 30 s",
                150,
                30,
                () -> {
                    broker.close();
                    Thread.sleep(Duration.ofSeconds(30));
                    broker.start();
                },
                () -> {});
    }

    /** Elasticsearch stopped for 60 s: the indexer waits; everything arrives afterwards, once. */
    Outcome elasticsearchStopped() throws Exception {
        ElasticsearchProcess node = stack.node();
        return withFault(
                "Elasticsearch stopped 60 s",
                150,
                30,
                () -> {
                    node.close();
                    Thread.sleep(Duration.ofSeconds(60));
                    node.start();
                },
                () -> {});
    }

    /** The leader of the events topic's first partition killed with SIGKILL mid-stream, then started again. */
    Outcome leaderBrokerKilled() throws Exception {
        return withFault(
                "leader broker SIGKILL",
                150,
                40,
                () -> {
                    KafkaProcess leader = stack.kafkaCluster().broker(leaderOfFirstPartition());
                    leader.kill();
                    Thread.sleep(Duration.ofSeconds(20));
                    leader.start();
                },
                () -> {});
    }

    /** The second Elasticsearch node killed with SIGKILL mid-stream, then started again. */
    Outcome dataNodeKilled() throws Exception {
        return withFault(
                "Elasticsearch node SIGKILL",
                150,
                40,
                () -> {
                    ElasticsearchProcess node = stack.elasticsearchCluster().node(2);
                    node.kill();
                    Thread.sleep(Duration.ofSeconds(20));
                    node.start();
                },
                () -> {});
    }

    /** 16 senders as fast as the drain answers for 30 s; the ingest's peak RSS sampled from /proc. */
    Outcome sixteenSendersFlatOut() throws Exception {
        String app = app("burst");
        LogplexSender sender = sender(app);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < 16; s++) {
                int id = s;
                senders.submit(() -> {
                    for (int batch = 0; System.nanoTime() < deadline; batch++) {
                        acknowledged.addAll(sender.post(id, batch, 200));
                    }
                    return null;
                });
            }
        }
        return settle("16 senders flat out 30 s", app, sender, acknowledged, peakRssMb("ingest"), "", true);
    }

    /**
     * 20,000 hostile requests (random bytes, wrong and huge octet counts, invalid UTF-8, 10 MB bodies, wrong or no
     * credentials, slow and empty bodies, 70 KiB frames) beside an honest sender whose lines must all arrive.
     */
    Outcome hostileRequests() throws Exception {
        String app = app("hostile");
        LogplexSender honest = sender(app);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Hostile hostile = new Hostile(stack.drain(), FaultStack.CREDENTIALS, app("hostile-junk"));
        try (ExecutorService work = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> attack = work.submit(() -> {
                hostile.send(20_000, 32);
                return null;
            });
            for (int batch = 0; !attack.isDone() || batch < 20; batch++) {
                acknowledged.addAll(honest.post(0, batch, LINES));
            }
            attack.get();
        }
        boolean alive = answers(stack.drain().getPort());
        return settle(
                "20,000 hostile requests",
                app,
                honest,
                acknowledged,
                peakRssMb("ingest"),
                "hostile answers " + hostile.statuses() + (alive ? "" : "; ingest DOWN"),
                alive);
    }

    /** The alerter killed with SIGKILL between an R14 and its resolve: one firing, one resolved notification. */
    Outcome alerterKilledBetweenR14AndResolve() throws Exception {
        String app = app("alerter");
        LogplexSender sender = sender(app);
        Instant now = Instant.now();
        sender.send(
                frames(
                        now,
                        "heroku web.1 - Process running mem=600M(117.2%)",
                        "heroku web.1 - Error R14 (Memory quota exceeded)"),
                "A1E7" + run);
        boolean fired = await(Duration.ofSeconds(60), () -> notifications(app, "firing") >= 1);
        kill("alerter");
        Thread.sleep(Duration.ofSeconds(2));
        restart("alerter");
        Instant later = Instant.now();
        sender.send(
                frames(
                        later,
                        "heroku web.1 - source=web.1 dyno=heroku.1.x sample#memory_total=300.00MB"
                                + " sample#memory_rss=300.00MB sample#memory_cache=0.00MB sample#memory_swap=0.00MB"
                                + " sample#memory_quota=512.00MB"),
                "A1E8" + run);
        boolean resolved = await(Duration.ofSeconds(120), () -> notifications(app, "resolved") >= 1);
        Thread.sleep(Duration.ofSeconds(10)); // any repeat would arrive by now
        long firing = notifications(app, "firing");
        long resolvedCount = notifications(app, "resolved");
        return new Outcome(
                "alerter SIGKILL, R14 open",
                2,
                2,
                0,
                0,
                0,
                sender.statuses(),
                0,
                "webhook: " + firing + " firing, " + resolvedCount + " resolved",
                fired && resolved && firing == 1 && resolvedCount == 1);
    }

    // --- the parts the scenarios share --------------------------------------------------------------------------

    private interface Fault {
        void apply() throws Exception;
    }

    /**
     * Sends {@code batches} batches of {@link #LINES} lines from one sender; after {@code faultAt} batches, the fault
     * runs beside the sender; after the sender is done, the repair.
     */
    private Outcome withFault(String scenario, int batches, int faultAt, Fault fault, Fault repair) throws Exception {
        String app = app(scenario.replaceAll("[^a-zA-Z]+", "-").toLowerCase(Locale.ROOT));
        LogplexSender sender = sender(app);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (ExecutorService faults = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> running = null;
            for (int batch = 0; batch < batches; batch++) {
                if (batch == faultAt) {
                    running = faults.submit(() -> {
                        fault.apply();
                        return null;
                    });
                }
                acknowledged.addAll(sender.post(0, batch, LINES));
                Thread.sleep(100);
            }
            if (running != null) {
                running.get();
            }
        }
        repair.apply();
        return settle(scenario, app, sender, acknowledged, 0, "", true);
    }

    /**
     * Waits until every acknowledged line is stored, or the count has not grown for a minute (a burst of millions
     * takes the indexer minutes; a loss never completes), at most 15 minutes; then counts.
     */
    private Outcome settle(
            String scenario,
            String app,
            LogplexSender sender,
            Set<String> acknowledged,
            long rss,
            String note,
            boolean extra)
            throws Exception {
        long[] progress = {0, System.nanoTime()};
        await(Duration.ofMinutes(15), () -> {
            long documents = stored.count(app);
            if (documents > progress[0]) {
                progress[0] = documents;
                progress[1] = System.nanoTime();
            }
            return documents >= acknowledged.size()
                    || System.nanoTime() - progress[1] > Duration.ofMinutes(1).toNanos();
        });
        Thread.sleep(Duration.ofSeconds(3)); // late duplicates would show by now
        Outcome outcome = Outcome.of(scenario, sender, acknowledged, stored.of(app), rss, note, extra);
        System.out.println(outcome.row());
        return outcome;
    }

    private LogplexSender sender(String app) {
        return new LogplexSender(stack.drain(), FaultStack.CREDENTIALS, app);
    }

    private String app(String scenario) {
        return "fault-" + scenario + "-" + run;
    }

    private void kill(String process) {
        System.out.println("  SIGKILL " + process);
        stack.process(process).kill();
    }

    private void restart(String process) throws Exception {
        System.out.println("  starting " + process + " again");
        stack.process(process).start();
    }

    private long peakRssMb(String process) {
        return ProcStats.statusMb(stack.process(process).processId(), "VmHWM");
    }

    private int leaderOfFirstPartition() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap()))) {
            return admin.describeTopics(List.of("heroku-logs"))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get("heroku-logs")
                    .partitions()
                    .getFirst()
                    .leader()
                    .id();
        }
    }

    private long notifications(String app, String state) {
        return stack.alerts().stream()
                .filter(body -> body.contains("\"app\":\"" + app + "\"")
                        && body.contains("\"state\":\"" + state + "\"")
                        && body.contains("\"name\":\"r14\""))
                .count();
    }

    private static byte[] frames(Instant at, String... lines) {
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            String message = "<45>1 " + at + " host " + line + "\n";
            body.append(message.getBytes(StandardCharsets.UTF_8).length)
                    .append(' ')
                    .append(message);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static boolean await(Duration limit, Condition condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(1000);
        }
        return condition.holds();
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
