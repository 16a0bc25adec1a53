package io.herokuelk.shipper.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one syslog drain connection as its bytes arrive: frames may be split across reads and one read may hold
 * many. Octet counting (RFC 6587 3.4.1, what Heroku sends) unless the first byte of the stream is {@code <}, which
 * means newline-delimited messages (3.4.2). Split app lines are joined when their pieces arrive in the same read.
 *
 * <p>Not thread-safe: one instance per connection, from {@link DrainBodyParser#newStream()}.
 */
public final class SyslogStreamParser {

    private final DrainBodyParser parser;
    private StreamFramer framer;

    SyslogStreamParser(DrainBodyParser parser) {
        this.parser = parser;
    }

    /** The next bytes read from the connection; returns the messages completed by them. */
    public ParsedBatch feed(byte[] chunk, int offset, int length, DrainContext context) {
        if (framer == null) {
            int first = offset;
            while (first < offset + length && (chunk[first] == '\n' || chunk[first] == '\r')) {
                first++;
            }
            if (first == offset + length) {
                return ParsedBatch.EMPTY;
            }
            int max = parser.options().maxMessageBytes();
            framer = chunk[first] == '<' ? new NewlineFramer(max) : new OctetFramer(max);
        }
        Collector collector = new Collector();
        framer.feed(chunk, offset, length, collector);
        return collector.parse(context);
    }

    /** The connection ended: a message still incomplete becomes garbage (octet counting) or a message (newlines). */
    public ParsedBatch finish(DrainContext context) {
        if (framer == null) {
            return ParsedBatch.EMPTY;
        }
        Collector collector = new Collector();
        framer.finish(collector);
        return collector.parse(context);
    }

    /** Whether the connection is framed by newlines rather than octet counts (known after the first bytes). */
    public boolean newlineDelimited() {
        return framer instanceof NewlineFramer;
    }

    private final class Collector implements FrameSink {
        final List<Line> lines = new ArrayList<>();
        final List<Garbage> garbage = new ArrayList<>(0);

        @Override
        public void frame(byte[] buffer, int from, int count) {
            byte[] copy = Arrays.copyOfRange(buffer, from, from + count); // the framer reuses its buffer
            lines.add(Line.read(copy, 0, copy.length));
        }

        @Override
        public void garbage(Garbage g) {
            garbage.add(g);
        }

        ParsedBatch parse(DrainContext context) {
            if (lines.isEmpty() && garbage.isEmpty()) {
                return ParsedBatch.EMPTY;
            }
            return new ParsedBatch(parser.parseLines(lines, context), garbage, lines.size());
        }
    }
}
