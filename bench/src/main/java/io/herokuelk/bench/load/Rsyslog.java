package io.herokuelk.bench.load;

import io.herokuelk.devstack.runner.Ports;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * rsyslog as the peer of the syslog drain: {@code imtcp} with octet-counted framing into {@code omkafka}, the raw
 * line as the record, idempotent, {@code acks=all}, lz4 (the configuration of the peer notes). When {@code rsyslogd}
 * or its Kafka module is missing, the Debian packages ({@code rsyslog}, {@code rsyslog-kafka}) are installed with
 * {@code apt-get}, as root or through {@code sudo -n}; where that cannot be done, the benchmark goes on without it.
 */
final class Rsyslog implements AutoCloseable {

    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final Path OMKAFKA = Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/omkafka.so");

    private final Process process;
    private final int port;

    private Rsyslog(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The peer on a free port writing to {@code topic}, installed first if need be; null if it cannot be. */
    static Rsyslog start(Path directory, String bootstrap, String topic) throws IOException, InterruptedException {
        Files.createDirectories(directory.resolve("work"));
        if (!installed() && !install(directory.resolve("apt-get.log"))) {
            return null;
        }
        int port = Ports.free();
        Path conf = directory.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%s" maxMessageSize="64k")
                module(load="imtcp")
                module(load="omkafka")
                template(name="raw" type="string" string="%%rawmsg%%")
                input(type="imtcp" address="127.0.0.1" port="%d" ruleset="tokafka" supportOctetCountedFraming="on")
                ruleset(name="tokafka" queue.type="FixedArray" queue.size="200000" queue.dequeueBatchSize="1024"
                        queue.workerThreads="1") {
                  action(type="omkafka" broker=["%s"] topic="%s" template="raw" partitions.auto="on"
                         confParam=["enable.idempotence=true", "acks=all", "compression.codec=lz4", "linger.ms=5",
                                    "batch.num.messages=10000", "queue.buffering.max.messages=200000"]
                         resubmitOnFailure="on" action.resumeRetryCount="-1")
                }
                """.formatted(directory.resolve("work"), port, bootstrap, topic));
        Process process = new ProcessBuilder(
                        RSYSLOGD.toString(),
                        "-n",
                        "-f",
                        conf.toString(),
                        "-i",
                        directory.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("rsyslogd.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new Rsyslog(process, port);
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "rsyslogd did not listen on port " + port + "; see " + directory.resolve("rsyslogd.log"));
    }

    private static boolean installed() {
        return Files.isExecutable(RSYSLOGD) && Files.exists(OMKAFKA);
    }

    private static boolean install(Path log) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            System.out.println("rsyslog: not installed, and this machine has no apt-get");
            return false;
        }
        List<String> asRoot = "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo", "-n");
        System.out.println("rsyslog: installing rsyslog and rsyslog-kafka with apt-get");
        for (List<String> step : List.of(
                List.of("apt-get", "update", "-q"),
                List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "rsyslog", "rsyslog-kafka"))) {
            ProcessBuilder command = new ProcessBuilder(java.util.stream.Stream.concat(asRoot.stream(), step.stream())
                            .toList())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            command.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int exit = command.start().waitFor();
            if (exit != 0) {
                // The log is in the run's directory, which goes at the end: its tail is shown here.
                List<String> output = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
                System.out.println("rsyslog: " + String.join(" ", step) + " failed (exit " + exit + "):");
                output.subList(Math.max(0, output.size() - 10), output.size())
                        .forEach(line -> System.out.println("  " + line));
                return false;
            }
        }
        return installed();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return RSYSLOGD + " -n -f rsyslog.conf (imtcp -> omkafka, acks=all, idempotent, lz4)";
    }
}
