package io.herokuelk.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * The command line in-process: usage and errors as exit codes and texts. What the built jar does with no services
 * running (and that it connects nowhere) is {@code CommandLineIT}'s.
 */
class CommandLineTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine(Main.commands());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyCommandsHelpPrintsItsUsageAndTheVariablesItReads() {
        return Main.commands().keySet().stream()
                .flatMap(command -> Stream.of(
                        DynamicTest.dynamicTest(
                                command + " --help", () -> assertUsage(command, run(command, "--help"))),
                        DynamicTest.dynamicTest(command + " -h", () -> assertUsage(command, run(command, "-h"))),
                        DynamicTest.dynamicTest("help " + command, () -> assertUsage(command, run("help", command)))));
    }

    private static void assertUsage(String command, Run run) {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: shipper.jar " + command).contains("Environment (read once at start");
        switch (command) {
            case "parse" -> assertThat(run.out()).doesNotContain("KAFKA_BOOTSTRAP_SERVERS");
            case "diagnose" ->
                assertThat(run.out())
                        .as("Elasticsearch only")
                        .contains("ELASTICSEARCH_URL")
                        .doesNotContain("KAFKA_BOOTSTRAP_SERVERS");
            default ->
                assertThat(run.out()).as("the variables the command reads").contains("KAFKA_BOOTSTRAP_SERVERS");
        }
    }

    @Test
    void theVariablesListedAreTheOnesEachCommandReads() {
        assertThat(run("ingest", "--help").out())
                .contains("DRAIN_CREDENTIALS", "SYSLOG_TLS_PORT", "KAFKA_URL")
                .doesNotContain("ELASTICSEARCH_URL");
        assertThat(run("index", "--help").out())
                .contains("ELASTICSEARCH_URL", "BONSAI_URL", "INDEXER_GROUP_ID")
                .doesNotContain("DRAIN_CREDENTIALS");
        assertThat(run("setup", "--help").out()).contains("KIBANA_URL", "KAFKA_PARTITIONS", "--kibana-url");
    }

    @Test
    void theTopLevelHelpAndVersionExitZero() {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("help"))) {
            Run run = run(args.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out())
                    .contains("Usage: shipper.jar")
                    .contains("ingest")
                    .contains("replay");
        }
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).contains("heroku-elk shipper").contains("Java ");
        assertThat(run("index", "--version").out()).contains("heroku-elk shipper");
    }

    @Test
    void noCommandIsAUsageErrorRatherThanAServiceStartedByAccident() {
        Run run = run();
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing a command").contains("ingest");
    }

    @Test
    void anUnknownCommandOrOptionIsRefusedWithASuggestion() {
        Run command = run("indx");
        assertThat(command.exit()).isEqualTo(2);
        assertThat(command.err()).contains("indx").contains("index");

        Run option = run("replay", "--from", "2026-11-26T00:00:00Z", "--namspace", "x");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("'--namspace'").contains("--namespace");
    }

    @Test
    void optionsAreTyped() {
        Run from = run("replay", "--from", "yesterday");
        assertThat(from.exit()).isEqualTo(2);
        assertThat(from.err()).contains("--from").contains("yesterday");

        Run missing = run("replay");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--from=INSTANT'");

        Run namespace = run("replay", "--from", "2026-11-26T00:00:00Z", "--namespace", "Has-Dash");
        assertThat(namespace.exit()).isEqualTo(2);
        assertThat(namespace.err()).contains("--namespace").contains("lower-case");
    }
}
