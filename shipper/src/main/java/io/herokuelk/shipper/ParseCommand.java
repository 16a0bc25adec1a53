package io.herokuelk.shipper;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.Garbage;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserOptions;
import io.herokuelk.shipper.parse.SyslogStreamParser;

/**
 * {@code parse [--format logplex|syslog|lines] [--app NAME] [--frame-id ID] [FILE]}: reads a drain body, a syslog
 * stream or one message per line from a file or stdin, and prints one JSON document per message on stdout.
 * Bytes that are not messages are reported on stderr with the reason, as the dead-letter topic would get them.
 */
final class ParseCommand implements ShipperCommand {

    private static final String USAGE = "usage: parse [--format logplex|syslog|lines] [--app NAME] [--frame-id ID] [FILE]";

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
    public ParserOptions configuration(Map<String, String> environment, String[] args) {
        return ParserOptions.defaults();
    }

    @Override
    public int run(String[] args) throws Exception {
        String format = "logplex";
        String app = DrainContext.UNKNOWN_APP;
        String frameId = null;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = value(args, ++i);
                case "--app" -> app = value(args, ++i);
                case "--frame-id" -> frameId = value(args, ++i);
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> file = Path.of(args[i]);
            }
        }
        byte[] input = file == null ? in.readAllBytes() : Files.readAllBytes(file);
        DrainContext context = new DrainContext(app, null, frameId, Instant.now());
        DrainBodyParser parser = new DrainBodyParser(configuration(System.getenv(), args));
        ParsedBatch batch = switch (format) {
            case "logplex" -> parser.parseBody(input, context);
            case "syslog" -> syslog(parser, input, context);
            case "lines" -> parser.parseMessages(lines(input), context);
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; " + USAGE);
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

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(USAGE);
        }
        return args[index];
    }
}
