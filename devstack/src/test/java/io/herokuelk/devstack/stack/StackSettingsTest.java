package io.herokuelk.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultsAreTheUsualPortsAndALocalFolder() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of());

        assertThat(settings.directory()).isEqualTo(Path.of(".local").toAbsolutePath());
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.elasticsearchPort()).isEqualTo(9200);
        assertThat(settings.elasticsearchHeapMb()).isEqualTo(512);
    }

    @Test
    void everyBadVariableIsNamedAtOnce() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(
                        Map.of("KAFKA_PORT", "ninety", "ELASTICSEARCH_HEAP_MB", "64", "ELASTICSEARCH_PORT", "9201")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_PORT=ninety")
                .hasMessageContaining("ELASTICSEARCH_HEAP_MB=64")
                .message()
                .doesNotContain("ELASTICSEARCH_PORT");
    }
}
