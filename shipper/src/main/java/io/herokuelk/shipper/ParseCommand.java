package io.herokuelk.shipper;

import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.Garbage;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.shipper.parse.SyslogStreamParser;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parse [--format logplex|syslog|lines] [--app NAME] [--frame-id ID] [FILE]}: reads a drain body, a syslog
 * stream or one message per line from a file or stdin, and prints one JSON document per message on stdout.
 * Bytes that are not messages are reported on stderr with the reason, as the dead-letter topic would get them.
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        versionProvider = ShipperVersion.class,
        description = {
            "Prints the document each message becomes: one JSON line per message.",
            "Reads FILE or stdin; bytes that are not messages go to stderr with the reason. Connects to nothing."
        })
final class ParseCommand implements ShipperCommand {

    /** What the input is. Lower case, as users type them. */
    enum Format {
        /** An {@code application/logplex-1} body: octet-counted frames, as an HTTPS drain receives them. */
        logplex,
        /** A syslog drain's stream: RFC 6587 octet-counted (or newline-delimited) frames. */
        syslog,
        /** One message per line: RFC 5424, or as {@code heroku logs} prints them. */
        lines
    }

    @Option(
            names = "--format",
            defaultValue = "logplex",
            paramLabel = "FORMAT",
            description = {
                "logplex: an application/logplex-1 body (octet-counted frames)",
                "syslog: a syslog drain stream (octet-counted or newline-delimited)",
                "lines: one message per line, RFC 5424 or pasted from `heroku logs`",
                "(default: ${DEFAULT-VALUE})"
            })
    private Format format;

    @Option(names = "--app", paramLabel = "NAME", description = "the app the lines come from (heroku.app)")
    private String app = DrainContext.UNKNOWN_APP;

    @Option(
            names = "--frame-id",
            paramLabel = "ID",
            description = "a Logplex-Frame-Id: event ids become <ID>-<position>, as for a drain request")
    private String frameId;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "the input (default: stdin)")
    private Path file;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    ParseCommand() {
        this(System.in, System.out, System.err);
    }

    ParseCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** The parser's defaults: {@code parse} shows what the shipper makes of input unless configured otherwise. */
    @Override
    public ParserSettings configuration(Map<String, String> environment) {
        return ParserSettings.defaults();
    }

    @Override
    public Integer call() throws Exception {
        byte[] input = file == null ? in.readAllBytes() : Files.readAllBytes(file);
        DrainContext context = new DrainContext(app, null, frameId, Instant.now());
        DrainBodyParser parser = new DrainBodyParser(configuration(System.getenv()));
        ParsedBatch batch = switch (format) {
            case logplex -> parser.parseBody(input, context);
            case syslog -> syslog(parser, input, context);
            case lines -> parser.parseMessages(lines(input), context);
        };
        for (ParsedEvent event : batch.events()) {
            out.println(event.json());
        }
        for (Garbage garbage : batch.garbage()) {
            err.println("not a message (" + garbage.reason() + ") at byte " + garbage.offset() + ": " + garbage.text());
        }
        out.flush();
        return 0;
    }

    private static ParsedBatch syslog(DrainBodyParser parser, byte[] input, DrainContext context) {
        SyslogStreamParser stream = parser.newStream();
        ParsedBatch fed = stream.feed(input, 0, input.length, context);
        ParsedBatch rest = stream.finish(context);
        List<ParsedEvent> events = new ArrayList<>(fed.events());
        events.addAll(rest.events());
        List<Garbage> garbage = new ArrayList<>(fed.garbage());
        garbage.addAll(rest.garbage());
        return new ParsedBatch(events, garbage, fed.frames() + rest.frames());
    }

    private static List<byte[]> lines(byte[] input) {
        List<byte[]> lines = new ArrayList<>();
        for (String line : new String(input, StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isEmpty()) {
                lines.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}
