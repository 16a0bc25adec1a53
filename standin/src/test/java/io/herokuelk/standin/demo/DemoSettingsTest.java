package io.herokuelk.standin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSettingsTest {

    @TempDir
    Path temporary;

    @Test
    void theDemoKeepsItsDataApartFromTheStacksUnlessToldOtherwise() {
        DemoSettings settings = DemoSettings.fromEnvironment(Map.of());
        assertThat(settings.stack().directory().endsWith(Path.of(".local", "demo")))
                .isTrue();
        assertThat(settings.routerPort()).isEqualTo(8080);
        assertThat(DemoSettings.fromEnvironment(Map.of("STACK_DIR", temporary.toString(), "ROUTER_PORT", "0"))
                        .stack()
                        .directory())
                .isEqualTo(temporary);
    }

    @Test
    void aBadRouterPortIsNamed() {
        assertThatThrownBy(() -> DemoSettings.fromEnvironment(Map.of("ROUTER_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROUTER_PORT=70000");
    }

    @Test
    void aFolderThatIsNotTheDemosIsNeverEmptied() throws IOException {
        Path data = Files.createDirectories(temporary.resolve("stack"));
        Files.writeString(data.resolve("precious"), "kept");

        assertThatThrownBy(() -> Demo.prepare(data)).hasMessageContaining("is not a demo folder");
        assertThat(data.resolve("precious")).hasContent("kept");
    }

    @Test
    void theDemosOwnFolderStartsEmptyAtEveryRun() throws IOException {
        Path folder = temporary.resolve("demo");
        Demo.prepare(folder);
        Files.createDirectories(folder.resolve("kafka"));
        Files.writeString(folder.resolve("kafka/log"), "from the last run");

        Demo.prepare(folder);

        try (var entries = Files.list(folder)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly(Demo.MARKER);
        }
    }
}
