package io.herokuelk.bench.load;

import io.herokuelk.devstack.stack.Procfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process type of the repository's {@code Procfile}, run as Heroku runs it: the same {@code java} flags, the
 * shipper jar, {@code $JAVA_OPTS} empty, the variables given, its output in a file. Reads its memory and CPU from
 * {@code /proc}, so a benchmark measures the command users deploy, not a copy of its code in the benchmark's JVM.
 */
final class ProcfileProcess implements AutoCloseable {

    private final Process process;
    private final List<String> command;

    private ProcfileProcess(Process process, List<String> command) {
        this.process = process;
        this.command = command;
    }

    /**
     * Starts {@code type} of {@code Procfile} from the repository root; {@code java} is this JVM's; the extra flags
     * stand where {@code $JAVA_OPTS} is (for trying other settings or turning on native memory tracking).
     */
    static ProcfileProcess start(String type, List<String> extraFlags, Map<String, String> variables, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(command(Files.readAllLines(Procfile.FILE), type));
        command.addAll(command.indexOf("-jar"), extraFlags); // as $JAVA_OPTS would add them
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(variables);
        return new ProcfileProcess(builder.start(), command);
    }

    /** The command of a Procfile line: this JVM's {@code java}, the line's flags, the jar by its absolute path. */
    static List<String> command(List<String> procfile, String type) {
        String line = procfile.stream()
                .filter(l -> l.startsWith(type + ":"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process type " + type + " in the Procfile"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Procfile.javaFlags(procfile, type).orElseThrow());
        List<String> words =
                List.of(line.substring(line.indexOf(" -jar ") + 1).trim().split("\\s+"));
        command.add("-jar");
        command.add(Path.of(words.get(1)).toAbsolutePath().toString());
        command.addAll(words.subList(2, words.size()));
        return command;
    }

    List<String> command() {
        return command;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    long statusMb(String field) {
        return ProcStats.statusMb(pid(), field);
    }

    double cpuSeconds() {
        return ProcStats.cpuSeconds(pid());
    }

    /** {@code jcmd <pid> VM.native_memory summary}: what the JVM itself counts, when started with tracking on. */
    String nativeMemorySummary() {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid()),
                            "VM.native_memory",
                            "summary",
                            "scale=MB")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command.subList(1, command.size()))
                .replace(Path.of("").toAbsolutePath() + "/", "");
    }
}
