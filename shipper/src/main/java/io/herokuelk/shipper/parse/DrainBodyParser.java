package io.herokuelk.shipper.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entry point for turning Heroku drain input into documents. Thread-safe; create one and share it.
 *
 * <pre>{@code
 * DrainBodyParser parser = new DrainBodyParser(ParserSettings.defaults());
 *
 * // HTTPS drain: one application/logplex-1 body
 * DrainContext context = new DrainContext(app, request.header("Logplex-Drain-Token"),
 *         request.header("Logplex-Frame-Id"), Instant.now());
 * ParsedBatch batch = parser.parseBody(body, context);
 * batch.events();   // publish each: key = partitionKey(), value = document(); id = event.id
 * batch.garbage();  // dead letters: raw bytes and reason
 *
 * // messages already split (the parse command's "lines" format)
 * parser.parseMessages(List.of(line1, line2), context);
 *
 * // a syslog connection: one SyslogStreamParser per connection, fed every read
 * SyslogStreamParser stream = parser.newStream();
 * }</pre>
 *
 * <p>What it guarantees: every message becomes exactly one {@link ParsedEvent} (lines Heroku split at 10,000 bytes
 * count as one message when all pieces are in the batch); bytes that are not messages come back as {@link Garbage}
 * with a reason; nothing throws on bad input. Event ids are deterministic: a body retried with the same Frame-Id
 * gives the same ids.
 */
public final class DrainBodyParser {

    private final MessageParser messages;
    private final SplitLineJoiner joiner;

    public DrainBodyParser(ParserSettings options) {
        this.messages = new MessageParser(Objects.requireNonNull(options, "options"));
        this.joiner = new SplitLineJoiner(messages.mapper());
    }

    public ParserSettings options() {
        return messages.options();
    }

    /** Frames and parses a whole {@code application/logplex-1} body (or any octet-counted run of messages). */
    public ParsedBatch parseBody(byte[] body, DrainContext context) {
        return parseBody(body, 0, body.length, context);
    }

    public ParsedBatch parseBody(byte[] body, int offset, int length, DrainContext context) {
        List<Line> lines = new ArrayList<>();
        List<Garbage> garbage = new ArrayList<>(0);
        OctetFramer.frameBody(body, offset, length, options().maxMessageBytes(), new FrameSink() {
            @Override
            public void frame(byte[] buffer, int from, int count) {
                lines.add(Line.read(buffer, from, from + count)); // buffer is the body itself: no copy needed
            }

            @Override
            public void garbage(Garbage g) {
                garbage.add(g);
            }
        });
        return new ParsedBatch(parseLines(lines, context), garbage, lines.size());
    }

    /**
     * Parses messages that are already framed (one message per array), joining split lines among them: RFC 5424
     * messages, or lines as {@code heroku logs} prints them ({@code 2026-12-03T22:10:02+00:00 heroku[web.1]: ...}).
     */
    public ParsedBatch parseMessages(List<byte[]> batch, DrainContext context) {
        List<Line> lines = new ArrayList<>(batch.size());
        for (byte[] message : batch) {
            lines.add(Line.readPasted(message, 0, message.length));
        }
        return new ParsedBatch(parseLines(lines, context), List.of(), lines.size());
    }

    /** Parses one message on its own, at position 0. */
    public ParsedEvent parseMessage(byte[] message, DrainContext context) {
        return messages.parse(message, context);
    }

    /** A parser for one syslog connection (octet-counted, or newline-delimited if the stream starts with '<'). */
    public SyslogStreamParser newStream() {
        return new SyslogStreamParser(this);
    }

    List<ParsedEvent> parseLines(List<Line> lines, DrainContext context) {
        List<ParsedEvent> events = new ArrayList<>(lines.size());
        try (DocumentWriter.Session session = messages.openSession()) {
            for (SplitLineJoiner.Positioned p : joiner.join(lines)) {
                events.add(messages.parse(p.line(), context, p.position(), session));
            }
        }
        return events;
    }
}
