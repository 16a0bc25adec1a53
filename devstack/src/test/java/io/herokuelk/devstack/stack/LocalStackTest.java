package io.herokuelk.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.devstack.runner.LocalService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    /** A service that is "up" at a fixed address. */
    private record Up(String name, String address) implements LocalService {
        @Override
        public void start() {}

        @Override
        public Path logFile() {
            return Path.of(name + ".log");
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public void close() {}
    }

    @Test
    void thePrintedDrainUrlWorksAsPrintedInAShellAndHoldsNoPassword(@TempDir Path directory) throws Exception {
        String credentials = DrainCredentials.resolve(Map.of(), directory);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LocalStack stack = new LocalStack(
                List.of(List.of(new Up("ingest", "http://127.0.0.1:5000"))),
                DrainCredentials.inShell(Map.of(), directory),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        stack.start();
        stack.printAddresses();
        String printed = bytes.toString(StandardCharsets.UTF_8);
        String export = printed.lines()
                .filter(line -> line.contains("export DRAIN_URL="))
                .findFirst()
                .orElseThrow()
                .strip();

        assertThat(printed).doesNotContain(credentials.substring(credentials.indexOf(':') + 1));
        Process shell = new ProcessBuilder("bash", "-c", export + " && printf %s \"$DRAIN_URL\"").start();
        String url = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor()).isZero();
        assertThat(url).isEqualTo("http://" + credentials + "@127.0.0.1:5000/logs/myapp");
        assertThat(Files.readString(directory.resolve(DrainCredentials.FILE)).strip())
                .isEqualTo(credentials);
    }
}
