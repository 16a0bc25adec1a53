package io.herokuelk.devstack.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.devstack.testing.RealServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcessService#kill} is a crash, not a stop: the service's own process gets SIGKILL and no shutdown hook
 * runs; {@link ProcessService#close} stops it cleanly. The fault suite and the broker-loss test rely on the first.
 */
class KillingAServiceIT {

    private JavaProcess service(Path directory, Path marker) {
        return new JavaProcess(
                "hook",
                directory,
                List.of(
                        "-Xmx32m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ShutdownHookMain.class.getName(),
                        marker.toString()),
                Map.of(),
                "-",
                null,
                false);
    }

    @Test
    void killSendsSigkillToTheServiceNotToItsGuard() throws Exception {
        Path directory = RealServices.runDirectory().resolve("kill-" + UUID.randomUUID());
        Path marker = directory.resolve("marker");
        JavaProcess service = service(directory, marker);
        service.start();
        long pid = service.processId();
        assertThat(ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse(""))
                .as("the process measured and signalled is the JVM itself")
                .endsWith("/java");

        service.kill();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        Thread.sleep(1000);
        assertThat(marker)
                .as("no shutdown hook ran: it was killed, not stopped")
                .doesNotExist();
    }

    @Test
    void closeStopsTheServiceCleanly() throws Exception {
        Path directory = RealServices.runDirectory().resolve("close-" + UUID.randomUUID());
        Path marker = directory.resolve("marker");
        JavaProcess service = service(directory, marker);
        service.start();

        service.close();

        assertThat(Files.readString(marker)).isEqualTo("stopped cleanly");
    }
}
