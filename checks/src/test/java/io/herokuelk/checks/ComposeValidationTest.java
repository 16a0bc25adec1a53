package io.herokuelk.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker-compose.yml} is valid Compose: {@code docker-compose config -q} (Debian's docker-compose 1.29, which
 * needs no Docker engine) or {@code docker compose config -q}, with {@code .env.example} for {@code .env}. Without
 * either the test fails and says how to install one: a check that skips would pass unchecked files.
 */
class ComposeValidationTest {

    static final String INSTALL = "apt-get install -y --no-install-recommends docker-compose";

    @Test
    void theComposeFileIsValid() throws Exception {
        Result result = config(Repository.root(), Repository.path(ComposeFile.FILE));
        assertThat(result.exit())
                .as("%s says:%n%s", String.join(" ", result.command()), result.output())
                .isZero();
    }

    @Test
    void theValidatorRefusesWhatComposeDoesNotKnow(@TempDir Path directory) throws Exception {
        // So that a validator which accepts anything cannot pass the check above.
        Path broken = directory.resolve(ComposeFile.FILE);
        Files.writeString(broken, Repository.read(ComposeFile.FILE).replace("mem_limit:", "mem_limits:"));
        Files.writeString(directory.resolve("Dockerfile"), "FROM scratch\n");
        Result result = config(directory, broken);
        assertThat(result.exit())
                .as("%s on a file with an unknown key", String.join(" ", result.command()))
                .isNotZero();
        assertThat(result.output()).contains("mem_limits");
    }

    /** Runs config in {@code directory} with only {@code .env.example}'s values: none from our own environment. */
    private static Result config(Path directory, Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(validator());
        command.addAll(List.of(
                "-f",
                file.toString(),
                "--env-file",
                Repository.path(ComposeFile.ENV_EXAMPLE).toString(),
                "config",
                "-q"));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().retainAll(Set.of("PATH", "HOME", "LANG", "LC_ALL"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 120 s");
        }
        return new Result(command, process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** docker-compose, else the compose plugin of docker; fails with the install command when there is neither. */
    private static List<String> validator() throws InterruptedException {
        for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                Process process =
                        new ProcessBuilder(version).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return candidate;
                }
                process.destroyForcibly();
            } catch (IOException e) {
                // not installed: try the next
            }
        }
        return fail("No Compose to validate " + ComposeFile.FILE + " with. Install Debian's: " + INSTALL
                + " (./dev test does so itself when run as root), or Docker Compose v2.");
    }

    private record Result(List<String> command, int exit, String output) {}
}
