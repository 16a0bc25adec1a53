package io.herokuelk.devstack.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealServices.class)
class KafkaRunnerIT {

    @Test
    void recordsProducedToTheBrokerAreConsumedBackInOrder(KafkaEndpoint kafka) throws Exception {
        String topic = "runner-" + UUID.randomUUID();
        List<String> sent = produce(kafka.bootstrapServers(), topic, 500);

        assertThat(consume(kafka.bootstrapServers(), topic, sent.size())).containsExactlyElementsOf(sent);
    }

    @Test
    void aBrokerRestartedOnTheSameDirectoryKeepsItsRecords(@TempDir Path data) throws Exception {
        String topic = "restart-" + UUID.randomUUID();
        List<String> sent;
        try (EmbeddedKafka first = new EmbeddedKafka(data)) {
            first.start();
            sent = produce(first.address(), topic, 50);
        }
        try (EmbeddedKafka second = new EmbeddedKafka(data)) {
            second.start();
            assertThat(consume(second.address(), topic, sent.size())).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void aFixedPortThatIsTakenIsNamedInTheError(@TempDir Path data, KafkaEndpoint kafka) {
        int taken = Integer.parseInt(
                kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));

        try (EmbeddedKafka clash = new EmbeddedKafka(data, taken, Ports.free())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(clash::start)
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("Port " + taken)
                    .hasMessageContaining("KAFKA_PORT");
        }
    }

    static List<String> produce(String bootstrap, String topic, int count) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4");
        List<String> values = new ArrayList<>();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String value = "event-" + i;
                values.add(value);
                producer.send(new ProducerRecord<>(topic, "web.1", value));
            }
            producer.flush();
        }
        return values;
    }

    static List<String> consume(String bootstrap, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "runner-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    assertThat(record.key()).isEqualTo("web.1");
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
