package io.herokuelk.standin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.devstack.runner.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo as a new user runs it ({@code ./dev run --pace=quick --exit}, the same class and classpath), from the
 * repository root, starting its own Kafka, Elasticsearch, shipper, stand-in and app: the story must end complete
 * (every expected alert fired at the local webhook and resolved) with the events in Elasticsearch.
 */
class DemoIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();

    @Test
    void theIncidentPlaysThroughTheWholePipelineAndEndsComplete() throws Exception {
        Path output = MODULE.resolve("target/demo-it.log");
        Path stackDir = MODULE.resolve("target/demo-it-stack");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m",
                "-Dheroku-elk.elasticsearch.home=" + System.getProperty("heroku-elk.elasticsearch.home"),
                "-Dheroku-elk.shipper.jar=" + System.getProperty("shipper.jar"),
                "-cp",
                MODULE.resolve("target/classes") + ":"
                        + Files.readString(MODULE.resolve("target/runtime.classpath"))
                                .strip(),
                Demo.class.getName(),
                "--pace=quick",
                "--exit"));
        ProcessBuilder demo = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        demo.environment().put("STACK_DIR", stackDir.toString());
        demo.environment().put("KAFKA_PORT", String.valueOf(Ports.free()));
        demo.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(Ports.free()));
        demo.environment().put("ELASTICSEARCH_PORT", String.valueOf(Ports.free()));
        demo.environment().put("SHIPPER_PORT", String.valueOf(Ports.free()));
        demo.environment().put("ROUTER_PORT", "0");
        Process process = demo.start();
        try {
            boolean finished = process.waitFor(15, TimeUnit.MINUTES);
            String log = read(output);
            assertThat(finished)
                    .as("the demo finished within 15 minutes; its output so far:%n%s", log)
                    .isTrue();
            assertThat(process.exitValue()).as("exit status; output:%n%s", log).isZero();
            assertThat(log)
                    .contains("ALERT memory-trend (warning) firing for demo-app web.1")
                    .contains("ALERT r14 (warning) firing for demo-app web.1")
                    .contains("ALERT memory-pressure (warning) firing for demo-app web.1")
                    .contains("RESOLVED r14 for demo-app web.1")
                    .contains("Deploying v2, the worker fix")
                    .contains("Deploying v3")
                    .contains("The story is complete");
            // The R14's diagnosis, from the webhook body: the five processes, with their figures and the fix.
            assertThat(log)
                    .containsPattern("ALERT r14 [^\\n]*\\n(?:        [^\\n]*\\n)*        diagnosis:"
                            + " too_many_processes \\(high\\) web\\.1 runs 5 app processes holding \\d+-\\d+ MB each");
            assertThat(log).contains("what to do: Run fewer processes per dyno: set WEB_CONCURRENCY=1 (it is 5)");
            // The report puts each diagnosis beside what the next fix measured; v2's comes from shipper.jar diagnose.
            assertThat(log)
                    .containsPattern("v1 at its R14: too_many_processes \\(high\\); one process would hold"
                            + " about \\d+ MB; v2 \\(one process\\) measured \\d+ MB");
            assertThat(log).contains("v2 on demand (shipper.jar diagnose): ");
            // The predictive warning comes before the quota is crossed.
            assertThat(log.indexOf("ALERT memory-trend")).isLessThan(log.indexOf("ALERT r14"));
            assertThat(count(log, "R14 lines")).isPositive();
            assertThat(count(log, "runtime-metrics memory samples")).isPositive();
            assertThat(count(log, "router lines")).isPositive();
            assertThat(count(log, "app request events")).isPositive();
            assertThat(count(log, "alert notifications")).isGreaterThanOrEqualTo(6);
            assertShipperLogsAreJsonLines(stackDir.resolve("shipper"));
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * The shipper's long-running processes wrote nothing but JSON objects, one per line, stderr included (the JDK's
     * own warnings too). {@code setup} is a command whose output is a report for a person, not a log.
     */
    private static void assertShipperLogsAreJsonLines(Path logs) throws IOException {
        for (String process : List.of("ingest", "indexer", "alerter")) {
            Path file = logs.resolve(process + ".log");
            assertThat(Files.readAllLines(file))
                    .as("lines of %s that are not JSON objects", file)
                    .isNotEmpty()
                    .filteredOn(line -> !(line.startsWith("{") && line.endsWith("}")))
                    .isEmpty();
        }
    }

    /** A count from the report's "In Elasticsearch" table. */
    private static long count(String log, String what) {
        Matcher matcher = Pattern.compile("(?m)^\\s+" + Pattern.quote(what) + "\\s+(\\d+)\\s*$")
                .matcher(log);
        assertThat(matcher.find()).as("the report counts %s", what).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String read(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }
}
