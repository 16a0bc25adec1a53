package io.herokuelk.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcfileTest {

    private static final List<String> LINES = List.of(
            "web: java -Xms32m -Xmx256m -XX:+UseSerialGC $JAVA_OPTS -jar shipper/target/shipper.jar ingest",
            "release: ./bin/release",
            "worker: java -Xmx160m -jar shipper/target/shipper.jar work");

    @Test
    void theFlagsAreWhatComesBeforeTheJarWithoutJavaOpts() {
        assertThat(Procfile.javaFlags(LINES, "web")).contains(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC"));
        assertThat(Procfile.javaFlags(LINES, "worker")).contains(List.of("-Xmx160m"));
    }

    @Test
    void aMissingTypeOrOneThatIsNotJavaHasNone() {
        assertThat(Procfile.javaFlags(LINES, "indexer")).isEmpty();
        assertThat(Procfile.javaFlags(LINES, "release")).isEmpty();
        assertThat(Procfile.javaFlags(Path.of("no-such-Procfile"), "web")).isEmpty();
    }

    @Test
    void theRepositorysProcfileGivesEveryShipperTypeAHeapLimit() {
        Path procfile = Path.of("..", "Procfile");
        for (String type : List.of("web", "worker", "indexer", "alerter")) {
            assertThat(Procfile.javaFlags(procfile, type))
                    .as(type)
                    .hasValueSatisfying(flags -> assertThat(flags).anyMatch(f -> f.startsWith("-Xmx")));
        }
    }
}
