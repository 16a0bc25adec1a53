package io.herokuelk.shipper.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herokuelk.shipper.config.ConfigurationException;
import io.herokuelk.shipper.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupSettingsTest {

    @Test
    void defaultsAreThirtyDaysSixPartitionsThreeDaysOfKafkaAndTheBrokersReplication() {
        SetupSettings settings = SetupSettings.from(new Environment(Map.of()));
        assertEquals(new SetupSettings(30, 6, 72, (short) -1), settings);
        assertEquals(259_200_000L, settings.retentionMs());
    }

    @Test
    void everyBadVariableIsNamed() {
        Environment env = new Environment(Map.of(
                "KAFKA_PARTITIONS", "0", "KAFKA_REPLICATION_FACTOR", "0", "ELASTICSEARCH_RETENTION_DAYS", "soon"));
        SetupSettings.from(env);
        ConfigurationException problems = assertThrows(ConfigurationException.class, env::validate);
        String all = String.join("\n", problems.problems());
        assertTrue(all.contains("KAFKA_PARTITIONS=0"), all);
        assertTrue(all.contains("KAFKA_REPLICATION_FACTOR=0"), all);
        assertTrue(all.contains("ELASTICSEARCH_RETENTION_DAYS=soon"), all);
    }
}
