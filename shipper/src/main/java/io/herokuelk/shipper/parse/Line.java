package io.herokuelk.shipper.parse;

import java.nio.charset.StandardCharsets;

/**
 * One message on its way to a document: its raw bytes, the parsed header and origin, and the free-form text.
 *
 * <p>{@code raw[rawFrom, rawTo)} is the whole message without its trailing newline; the text is the part after the
 * header ({@code textFrom}). When the header could not be read, {@code header} and {@code origin} are {@code null},
 * {@code headerProblem} says why, and the text is the whole message.
 */
final class Line {

    final byte[] raw;
    final int rawFrom;
    final int rawTo;
    final SyslogHeader header;
    final String headerProblem;
    final Origin origin;
    final int textFrom;
    /** Pieces joined into this line by {@link SplitLineJoiner}; 1 for an ordinary message. */
    final int parts;

    private String text;

    Line(byte[] raw, int rawFrom, int rawTo, SyslogHeader header, String headerProblem, int textFrom, int parts) {
        this.raw = raw;
        this.rawFrom = rawFrom;
        this.rawTo = rawTo;
        this.header = header;
        this.headerProblem = headerProblem;
        this.origin = header == null ? null : Origin.of(header);
        this.textFrom = textFrom;
        this.parts = parts;
    }

    /** Reads a message; a header that cannot be read leaves the whole message as text. */
    static Line read(byte[] a, int from, int to) {
        int end = to;
        if (end > from && a[end - 1] == '\n') {
            end--;
            if (end > from && a[end - 1] == '\r') {
                end--;
            }
        }
        try {
            SyslogHeader header = SyslogHeaderParser.parse(a, from, end);
            return new Line(a, from, end, header, null, header.textOffset(), 1);
        } catch (SyslogHeaderParser.HeaderException e) {
            return new Line(a, from, end, null, e.getMessage(), from, 1);
        }
    }

    /**
     * Reads a line pasted by a user: an RFC 5424 message, or a line as {@code heroku logs} prints it
     * ({@link HerokuCliLineParser}). A line that is neither is read as a message, whose header problem it keeps.
     */
    static Line readPasted(byte[] a, int from, int to) {
        Line line = read(a, from, to);
        if (line.header != null || (to > from && a[from] == '<')) {
            return line;
        }
        try {
            SyslogHeader header = HerokuCliLineParser.parse(a, line.rawFrom, line.rawTo);
            return new Line(a, line.rawFrom, line.rawTo, header, null, header.textOffset(), 1);
        } catch (SyslogHeaderParser.HeaderException e) {
            return line;
        }
    }

    int textLength() {
        return rawTo - textFrom;
    }

    String text() {
        if (text == null) {
            text = new String(raw, textFrom, rawTo - textFrom, StandardCharsets.UTF_8);
        }
        return text;
    }

    /** The text as a document value: its bytes when the whole message is ASCII (checked once), else a String. */
    Object textValue() {
        return ascii() ? new Utf8(raw, textFrom, rawTo) : text();
    }

    /** The whole message as a document value, like {@link #textValue()}. */
    Object originalValue() {
        return ascii() ? new Utf8(raw, rawFrom, rawTo) : original();
    }

    private byte asciiState; // 0 unknown, 1 ASCII, 2 not

    private boolean ascii() {
        if (asciiState == 0) {
            asciiState = 1;
            for (int i = rawFrom; i < rawTo; i++) {
                if (raw[i] < 0) {
                    asciiState = 2;
                    break;
                }
            }
        }
        return asciiState == 1;
    }

    String original() {
        return new String(raw, rawFrom, rawTo - rawFrom, StandardCharsets.UTF_8);
    }

    boolean isFrom(String source) {
        return origin != null && source.equals(origin.source());
    }
}
