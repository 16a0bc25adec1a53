package io.herokuelk.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The built {@code shipper.jar} as an operator runs it ({@code heroku run java -jar shipper.jar index --help}): every
 * command's help, and the version, exit 0 within 5 s and connect to nothing, even with the environment pointing at
 * services. The services here are sockets that count who connects: none may.
 */
class CommandLineIT {

    private static final Path JAR = Path.of("target/shipper.jar");
    private static final long LIMIT_SECONDS = 5;

    private static ServerSocket kafka;
    private static ServerSocket elasticsearch;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private record Run(int exit, String out, String err) {}

    @BeforeAll
    static void listen() throws IOException {
        assertThat(JAR)
                .as("the jar is built by the package phase before integration tests")
                .exists();
        kafka = counting();
        elasticsearch = counting();
    }

    @AfterAll
    static void close() throws IOException {
        kafka.close();
        elasticsearch.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCommandsHelpExitsZeroAtOnceAndConnectsNowhere() {
        List<List<String>> invocations =
                new ArrayList<>(List.of(List.of("--help"), List.of("-h"), List.of("help"), List.of("--version")));
        for (String command : Main.commands().keySet()) {
            invocations.add(List.of(command, "--help"));
            invocations.add(List.of(command, "-h"));
            invocations.add(List.of("help", command));
        }
        return invocations.stream()
                .map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
                    int before = CONNECTIONS.get();
                    Run run = run(args);
                    assertThat(run.exit()).as(run.err()).isZero();
                    assertThat(run.out()).containsAnyOf("Usage: shipper.jar", "heroku-elk shipper");
                    assertThat(run.err()).as("nothing on stderr").isEmpty();
                    assertThat(CONNECTIONS.get())
                            .as("connections to the configured services")
                            .isEqualTo(before);
                }));
    }

    @Test
    void aMisspelledOptionFailsWithASuggestionAndReplaysNothing() throws Exception {
        Run run = run(List.of("replay", "--from", "2026-11-26T00:00:00Z", "--namspace", "x"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--namspace").contains("--namespace");
        assertThat(CONNECTIONS.get()).isZero();
    }

    private static Run run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafka.getLocalPort());
        builder.environment().put("ELASTICSEARCH_URL", "http://127.0.0.1:" + elasticsearch.getLocalPort());
        builder.environment().put("DRAIN_CREDENTIALS", "logplex:a-long-enough-drain-password");
        builder.environment().put("PORT", "0");
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertThat(ended)
                .as("shipper.jar %s ended within %d s", String.join(" ", args), LIMIT_SECONDS)
                .isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static ServerSocket counting() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket accepted = socket.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        return socket;
    }
}
