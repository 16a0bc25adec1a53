package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Elasticsearch 9 node as a child process on loopback, from Maven Central's integ-test distribution.
 *
 * <p>It runs with its own configuration, data and logs under one directory, on a JDK 21+ found automatically,
 * inside a user namespace as an unprivileged user when we are root (Elasticsearch refuses root), and behind a small
 * guard script that stops it when this JVM goes away. Port 0 lets the node choose a free port.
 */
public final class ElasticsearchProcess extends ProcessService {

    /**
     * The system property naming the unpacked distribution; {@code ./dev}, the build and the load tools set it. A
     * property rather than a variable, so that the stack reads no environment behind its settings' back.
     */
    public static final String HOME_PROPERTY = "heroku-elk.elasticsearch.home";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final long OVERHEAD_MB = 350;
    /** Ready means every shard that existed before a restart is recovered, not only that HTTP answers. */
    private static final String HEALTH =
            "/_cluster/health?wait_for_status=yellow&wait_for_no_initializing_shards=true&timeout=2s";

    private final int port;
    private final int heapMb;
    private final Map<String, String> extraSettings;
    private final Membership membership;
    /** Set for a node with security on; null for the usual node without. */
    private final User user;

    /**
     * Where a node stands in its cluster: its name, its transport port, and every node's name and transport port
     * (none for a node of its own, which uses single-node discovery).
     */
    public record Membership(String nodeName, int transportPort, List<String> nodeNames, List<Integer> transportPorts) {
        static final Membership ALONE = new Membership("local", 0, List.of(), List.of());

        boolean alone() {
            return nodeNames.isEmpty();
        }
    }

    /**
     * @param directory configuration, data and logs, reused across restarts
     * @param port      the HTTP port, or 0 for a free one
     * @param heapMb    the node's heap
     */
    public ElasticsearchProcess(Path directory, int port, int heapMb) {
        this(directory, port, heapMb, Map.of());
    }

    /** A node with some settings of the caller's ({@code http.max_content_length}, say) in its elasticsearch.yml. */
    public ElasticsearchProcess(Path directory, int port, int heapMb, Map<String, String> extraSettings) {
        this(directory, port, heapMb, extraSettings, Membership.ALONE);
    }

    /** A node of a cluster ({@link ElasticsearchCluster}). */
    public ElasticsearchProcess(
            Path directory, int port, int heapMb, Map<String, String> extraSettings, Membership membership) {
        this(directory, port, heapMb, extraSettings, membership, null);
    }

    private ElasticsearchProcess(
            Path directory, int port, int heapMb, Map<String, String> extraSettings, Membership membership, User user) {
        super(membership.alone() ? "elasticsearch" : "elasticsearch-" + membership.nodeName(), directory, STOP_GRACE);
        this.port = port;
        this.heapMb = heapMb;
        this.extraSettings = Map.copyOf(extraSettings);
        this.membership = membership;
        this.user = user;
    }

    /**
     * A lone node with security on (over plain HTTP on loopback) and one user, a superuser of its file realm: for
     * tests of what clients do with a 401. Its {@link #address()} carries no credentials.
     */
    public static ElasticsearchProcess secured(Path directory, int port, int heapMb, String user, String password) {
        return new ElasticsearchProcess(directory, port, heapMb, Map.of(), Membership.ALONE, new User(user, password));
    }

    /** A file realm user; {@code {SHA}} is a hash format the realm reads, and all a loopback test node needs. */
    private record User(String name, String password) {
        String usersLine() {
            try {
                byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
                return name + ":{SHA}" + Base64.getEncoder().encodeToString(sha1) + "\n";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
            }
        }

        Map<String, String> authorization() {
            String pair = name + ":" + password;
            return Map.of(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    protected long servicePid() {
        return pid();
    }

    /** The node's process id (from its pid file), for tests that stop, freeze or kill it. */
    public long pid() {
        try {
            return Long.parseLong(
                    Files.readString(directory.resolve("elasticsearch.pid")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Elasticsearch has written no pid file in " + directory, e);
        }
    }

    @Override
    public synchronized void start() throws ServiceStartException {
        if (isRunning()) {
            return;
        }
        Path home = distribution();
        Path jdk = Jdk.find(21);
        requireMemory();
        Ports.requireFree(port, "Elasticsearch", "ELASTICSEARCH_PORT");
        try {
            prepareDirectories(home);
        } catch (IOException e) {
            throw new ServiceStartException(
                    "Could not prepare " + directory + " for Elasticsearch: " + e.getMessage(), e);
        }
        launch(command(home), environment(home, jdk));
        awaitReady();
    }

    private static Path distribution() throws ServiceStartException {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured == null || !Files.isRegularFile(Path.of(configured, "bin", "elasticsearch"))) {
            throw new ServiceStartException("No Elasticsearch distribution at " + configured + ". Build it with"
                    + " `./dev build` (Maven unpacks it into devstack/target), or point -D" + HOME_PROPERTY
                    + " at an unpacked Elasticsearch 9.");
        }
        return Path.of(configured).toAbsolutePath();
    }

    private void requireMemory() throws ServiceStartException {
        long needed = heapMb + OVERHEAD_MB;
        long available = MemInfo.availableMb();
        if (available >= 0 && available < needed) {
            throw new ServiceStartException("Not enough memory for Elasticsearch: it needs about " + needed
                    + " MB (a " + heapMb + " MB heap plus its own overhead) and " + available
                    + " MB are available. Stop other programs or lower the heap with ELASTICSEARCH_HEAP_MB.");
        }
    }

    private void prepareDirectories(Path home) throws IOException {
        Path config = directory.resolve("config");
        Files.createDirectories(config.resolve("jvm.options.d"));
        Files.createDirectories(directory.resolve("data"));
        Files.createDirectories(directory.resolve("logs"));
        Files.createDirectories(directory.resolve("tmp"));
        for (String file : List.of("jvm.options", "log4j2.properties")) {
            Files.copy(home.resolve("config").resolve(file), config.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(config.resolve("elasticsearch.yml"), settings());
        if (user != null) {
            Files.writeString(config.resolve("users"), user.usersLine());
            Files.writeString(config.resolve("users_roles"), "superuser:" + user.name() + "\n");
        }
        Files.deleteIfExists(directory.resolve("logs/http.ports"));
        Guard.install(directory);
    }

    private String settings() {
        StringBuilder extra = new StringBuilder();
        extraSettings.forEach(
                (name, value) -> extra.append(name).append(": ").append(value).append('\n'));
        String discovery = membership.alone()
                ? "discovery.type: single-node"
                : "discovery.seed_hosts: ["
                        + membership.transportPorts().stream()
                                .map(p -> "\"127.0.0.1:" + p + "\"")
                                .collect(java.util.stream.Collectors.joining(", "))
                        + "]\ncluster.initial_master_nodes: ["
                        + String.join(", ", membership.nodeNames()) + "]";
        return extra
                + String.join(
                        "\n",
                        "cluster.name: heroku-elk",
                        "node.name: " + membership.nodeName(),
                        "network.host: 127.0.0.1",
                        "http.port: " + port,
                        "transport.port: " + membership.transportPort(),
                        discovery,
                        "node.portsfile: true",
                        "path.data: " + directory.resolve("data"),
                        "path.logs: " + directory.resolve("logs"),
                        securitySettings(),
                        "cluster.routing.allocation.disk.threshold_enabled: false",
                        "action.destructive_requires_name: false",
                        "");
    }

    private String securitySettings() {
        return user == null
                ? "xpack.security.enabled: false"
                : String.join(
                        "\n",
                        "xpack.security.enabled: true",
                        "xpack.security.http.ssl.enabled: false",
                        "xpack.security.transport.ssl.enabled: false");
    }

    private List<String> command(Path home) throws ServiceStartException {
        List<String> command = new ArrayList<>();
        if (Users.isRoot()) {
            // Elasticsearch refuses to run as root: a user namespace makes it an ordinary user, no chown needed.
            command.addAll(List.of(Users.unshare(), "--user", "--map-user=1000", "--map-group=1000", "--"));
        }
        command.addAll(Guard.command(
                directory,
                List.of(
                        "/bin/bash",
                        home.resolve("bin/elasticsearch").toString(),
                        "-p",
                        directory.resolve("elasticsearch.pid").toString())));
        return command;
    }

    private Map<String, String> environment(Path home, Path jdk) {
        return Map.of(
                "ES_HOME", home.toString(),
                "ES_JAVA_HOME", jdk.toString(),
                "ES_PATH_CONF", directory.resolve("config").toString(),
                "ES_TMPDIR", directory.resolve("tmp").toString(),
                "ES_JAVA_OPTS", "-Xms" + heapMb + "m -Xmx" + heapMb + "m");
    }

    private void awaitReady() throws ServiceStartException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child().isAlive()) {
                throw failed("Elasticsearch exited while starting.");
            }
            Optional<String> candidate = httpAddress();
            if (candidate.isPresent()
                    && answers(
                            candidate.get() + HEALTH,
                            user == null ? Map.of() : user.authorization(),
                            body -> body.contains("\"timed_out\":false"))) {
                ready(candidate.get());
                return;
            }
            Sleep.millis(250);
        }
        throw failed("Elasticsearch did not become ready within " + START_TIMEOUT.toSeconds()
                + " s. Check free memory (`free -m`) and the log.");
    }

    /** The address the node wrote into its ports file once its HTTP layer was bound. */
    private Optional<String> httpAddress() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("logs/http.ports"));
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of("http://" + lines.getFirst().trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Everything the node printed, its start-up errors included. Its own server log is in {@code logs/}. */
    @Override
    public Path logFile() {
        return directory.resolve("console.log");
    }
}
