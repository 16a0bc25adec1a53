package io.herokuelk.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link PlainProducer} as a side of the drain benchmark: its own JVM, started once, told how many lines to send. */
final class PlainProducerSide implements DrainSide, AutoCloseable {

    private final Process process;
    private final String topic;
    private final int batchBytes;
    private final Writer commands;
    private final BufferedReader answers;

    private PlainProducerSide(Process process, String topic, int batchBytes) {
        this.process = process;
        this.topic = topic;
        this.batchBytes = batchBytes;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts it on this JVM's java and class path with a 128 MB heap and {@code batch.size} {@code batchBytes};
     * {@code lines} go to a file in {@code directory}.
     */
    static PlainProducerSide start(Path directory, String bootstrap, String topic, List<String> lines, int batchBytes)
            throws IOException {
        Files.createDirectories(directory);
        Path file = Files.write(directory.resolve("lines.txt"), lines, StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PlainProducer.class.getName(),
                        bootstrap,
                        topic,
                        file.toString(),
                        String.valueOf(batchBytes))
                .redirectError(directory.resolve("plain-producer.log").toFile())
                .start();
        return new PlainProducerSide(process, topic, batchBytes);
    }

    @Override
    public String name() {
        return "plain Kafka producer, batch.size " + batchBytes / 1024 + " KiB";
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public double send(int messages) throws IOException {
        commands.write(messages + "\n");
        commands.flush();
        String answer = answers.readLine();
        if (answer == null || !answer.equals("sent 0")) {
            throw new IllegalStateException("the plain producer answered " + answer + "; see plain-producer.log");
        }
        return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "PlainProducer (acks=all, idempotent, lz4, linger.ms=5, batch.size " + batchBytes + ", -Xmx128m)";
    }
}
