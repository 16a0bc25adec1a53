package io.herokuelk.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ParseCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aLogplexBodyOnStdinPrintsOneDocumentPerMessageAndReportsGarbage() throws Exception {
        String first = "<190>1 2026-11-26T10:00:00+00:00 host app web.1 - State changed from starting to up\n";
        String second = "<45>1 2026-11-26T10:00:01+00:00 host heroku web.1 - Error R14 (Memory quota exceeded)\n";
        String body = frame(first) + "junk!" + frame(second);

        int status = run(body, "--format", "logplex", "--app", "myapp");

        assertThat(status).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"app\":\"myapp\"").contains("State changed from starting to up");
        assertThat(lines[1]).contains("\"code\":\"R14\"");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("not a message")
                .contains("junk!");
    }

    @Test
    void linesFormatTakesOneMessagePerLine() throws Exception {
        int status = run("""
                <190>1 2026-11-26T10:00:00+00:00 host app web.1 - one
                <190>1 2026-11-26T10:00:01+00:00 host app web.1 - two
                """, "--format", "lines");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).hasSize(2);
    }

    @Test
    void linesPastedFromHerokuLogsAreReadWithTheirSourceAndProcess() throws Exception {
        int status = run("""
                2026-12-03T22:10:02.123456+00:00 heroku[web.1]: Error R14 (Memory quota exceeded)
                2026-12-03T22:10:03+00:00 app[web.1]: Started GET "/"
                """, "--format", "lines", "--app", "myapp");

        assertThat(status).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .contains("\"code\":\"R14\"")
                .contains("\"dyno\":\"web.1\"")
                .contains("2026-12-03T22:10:02.123456Z")
                .doesNotContain("\"priority\"");
        assertThat(lines[1]).contains("\"source\":\"app\"").contains("Started GET");
    }

    @Test
    void anUnknownFormatIsAUsageError() throws Exception {
        assertThat(run("", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format").contains("logplex, syslog, lines");
    }

    private int run(String input, String... args) throws Exception {
        ParseCommand command = new ParseCommand(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return Main.commandLine(Map.of("parse", command))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .execute(Stream.concat(Stream.of("parse"), Stream.of(args)).toArray(String[]::new));
    }

    private static String frame(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }
}
