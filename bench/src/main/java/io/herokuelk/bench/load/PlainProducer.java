package io.herokuelk.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The plain producer of the drain benchmark, as its own process: the raw lines of a file into a topic with the peer
 * notes' settings ({@code acks=all}, idempotent, lz4, {@code linger.ms=5}, the batch size given), no parsing, no
 * listener. It stays up between passes (so it is measured warm, like the others): each number read from standard
 * input sends that many lines and the probes among them, flushes, and answers {@code sent <failures>}.
 *
 * <pre>java -cp ... io.herokuelk.bench.load.PlainProducer BOOTSTRAP TOPIC LINES_FILE BATCH_BYTES</pre>
 */
public final class PlainProducer {

    private PlainProducer() {}

    public static void main(String[] args) throws Exception {
        List<byte[]> lines = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8).stream()
                .map(line -> line.getBytes(StandardCharsets.UTF_8))
                .toList();
        AtomicLong failures = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                args[0],
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                                "lz4",
                                ProducerConfig.LINGER_MS_CONFIG,
                                5),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
                BufferedReader commands =
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String command;
            while ((command = commands.readLine()) != null) {
                int messages = Integer.parseInt(command.trim());
                int probe = 0;
                for (int i = 0; i < messages; i++) {
                    send(producer, args[1], lines.get(i % lines.size()), failures);
                    if ((i + 1) % ProbeLines.EVERY == 0) {
                        send(producer, args[1], ProbeLines.line(probe++).getBytes(StandardCharsets.UTF_8), failures);
                    }
                }
                producer.flush();
                System.out.println("sent " + failures.getAndSet(0));
                System.out.flush();
            }
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] line, AtomicLong failures) {
        producer.send(new ProducerRecord<>(topic, line), (metadata, error) -> {
            if (error != null) {
                failures.incrementAndGet();
            }
        });
    }
}
