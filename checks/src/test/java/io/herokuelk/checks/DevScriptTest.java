package io.herokuelk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./dev} answers help and mistakes at once: before it looks for a JDK, before any build. */
class DevScriptTest {

    private record Run(int exit, String out, String err) {}

    private static Run dev(String... args) throws Exception {
        List<String> command =
                new java.util.ArrayList<>(List.of("bash", Repository.path("dev").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }

    @Test
    void helpIsAnsweredWithoutLookingForAJdkOrBuilding() throws Exception {
        for (String help : List.of("--help", "-h", "help")) {
            Run run = dev(help);
            assertThat(run.exit()).as(help).isZero();
            assertThat(run.out()).contains("./dev run").contains("./dev test");
            assertThat(run.err()).as("no JDK search, no build").isEmpty();
        }
    }

    @Test
    void anUnknownCommandIsAnsweredAtOnceWithTheUsage() throws Exception {
        Run run = dev("tset");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains("unknown command 'tset'")
                .contains("./dev test")
                .doesNotContain("Using JDK");
        assertThat(dev().exit()).isEqualTo(2);
    }
}
