package io.herokuelk.devstack.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStartErrorsTest {

    @Test
    void aTakenPortIsNamedWithTheVariableThatMovesIt() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int taken = socket.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree(taken, "Elasticsearch", "ELASTICSEARCH_PORT"))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("Port " + taken)
                    .hasMessageContaining("ELASTICSEARCH_PORT=");
        }
    }

    @Test
    void aMissingDistributionSaysHowToGetOne(@TempDir Path directory) {
        withDistribution(
                directory.resolve("nowhere"),
                () -> assertThatThrownBy(() -> new ElasticsearchProcess(directory, 0, 256).start())
                        .isInstanceOf(ServiceStartException.class)
                        .hasMessageContaining("No Elasticsearch distribution")
                        .hasMessageContaining("-D" + ElasticsearchProcess.HOME_PROPERTY));
    }

    @Test
    void notEnoughMemoryIsSaidWithTheFiguresAndTheVariableThatLowersTheHeap(@TempDir Path directory) throws Exception {
        Path home = directory.resolve("es-home");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/elasticsearch"), "#!/bin/bash\n");
        // A heap no machine has: refused before anything starts.
        withDistribution(
                home,
                () -> assertThatThrownBy(
                                () -> new ElasticsearchProcess(directory.resolve("node"), 0, 64_000_000).start())
                        .isInstanceOf(ServiceStartException.class)
                        .hasMessageContaining("Not enough memory for Elasticsearch")
                        .hasMessageContaining("ELASTICSEARCH_HEAP_MB"));
    }

    @Test
    void aFailureCarriesTheLastLinesOfTheServiceLog(@TempDir Path directory) throws Exception {
        Path log = directory.resolve("service.log");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);

        ServiceStartException failure = ServiceStartException.withLog("It did not start.", log, null);

        assertThat(failure.getMessage())
                .startsWith("It did not start.")
                .contains(log.toString())
                .contains("line 100")
                .contains("line 61")
                .doesNotContain("line 60\n");
    }

    @Test
    void theJdkVersionIsReadFromItsReleaseFile(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");

        assertThat(Jdk.featureVersion(home)).contains(25);
        assertThat(Jdk.featureVersion(home.resolve("missing"))).isEmpty();
    }

    @Test
    void theRunningJdkIsChosenWhenItIsRecentEnough() throws Exception {
        assertThat(Jdk.find(Runtime.version().feature())).isEqualTo(Path.of(System.getProperty("java.home")));
    }

    /** Runs the check with the distribution property pointing at {@code home}, then puts it back. */
    private static void withDistribution(Path home, Runnable check) {
        String previous = System.getProperty(ElasticsearchProcess.HOME_PROPERTY);
        System.setProperty(ElasticsearchProcess.HOME_PROPERTY, home.toString());
        try {
            check.run();
        } finally {
            if (previous == null) {
                System.clearProperty(ElasticsearchProcess.HOME_PROPERTY);
            } else {
                System.setProperty(ElasticsearchProcess.HOME_PROPERTY, previous);
            }
        }
    }
}
