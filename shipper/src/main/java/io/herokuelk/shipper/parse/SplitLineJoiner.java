package io.herokuelk.shipper.parse;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Joins app lines that Heroku split at 10,000 bytes, when the pieces arrive in the same batch.
 *
 * <p>A piece starts a split line when it is an app line of exactly 10,000 bytes of text that opens a JSON object
 * which it does not close. The following messages of the same dyno are appended while each piece before them was a
 * full 10,000 bytes; joining stops after a shorter piece, or when the joined text is a complete JSON object. Pieces
 * are joined as bytes, since the split can fall inside a UTF-8 character. The joined line keeps the first piece's
 * header and batch position.
 */
final class SplitLineJoiner {

    /** Logplex's line length limit. */
    static final int SPLIT_AT = 10_000;

    /** A line and its position in the batch (the position of its first piece). */
    record Positioned(Line line, int position) {}

    private final ObjectMapper mapper;

    SplitLineJoiner(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<Positioned> join(List<Line> lines) {
        List<Positioned> out = new ArrayList<>(lines.size());
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            Line first = lines.get(i);
            if (!startsSplitLine(first)) {
                out.add(new Positioned(first, i));
                continue;
            }
            List<Line> pieces = new ArrayList<>();
            pieces.add(first);
            int j = i + 1;
            while (j < n
                    && pieces.getLast().textLength() == SPLIT_AT
                    && sameWriter(first, lines.get(j))
                    && !(pieces.size() > 1 && endsWithBrace(pieces.getLast()) && isCompleteJson(pieces))) {
                pieces.add(lines.get(j));
                j++;
            }
            out.add(new Positioned(pieces.size() == 1 ? first : concatenate(pieces), i));
            i = j - 1;
        }
        return out;
    }

    private boolean startsSplitLine(Line line) {
        if (!line.isFrom(Origin.APP) || line.textLength() != SPLIT_AT) {
            return false;
        }
        int k = line.textFrom;
        while (k < line.rawTo && line.raw[k] == ' ') {
            k++;
        }
        if (k == line.rawTo || line.raw[k] != '{') {
            return false;
        }
        return !(endsWithBrace(line) && isCompleteJson(List.of(line)));
    }

    private static boolean sameWriter(Line a, Line b) {
        return b.header != null
                && b.origin.dyno().equals(a.origin.dyno())
                && b.header.hostname().equals(a.header.hostname())
                && b.header.appName().equals(a.header.appName())
                && b.header.procId().equals(a.header.procId());
    }

    private static boolean endsWithBrace(Line line) {
        return line.textLength() > 0 && line.raw[line.rawTo - 1] == '}';
    }

    private boolean isCompleteJson(List<Line> pieces) {
        Line joined = pieces.size() == 1 ? pieces.getFirst() : concatenate(pieces);
        try {
            mapper.readTree(joined.raw, joined.textFrom, joined.textLength());
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static Line concatenate(List<Line> pieces) {
        Line first = pieces.getFirst();
        int headerLength = first.textFrom - first.rawFrom;
        int total = headerLength;
        for (Line piece : pieces) {
            total += piece.textLength();
        }
        byte[] joined = new byte[total];
        System.arraycopy(first.raw, first.rawFrom, joined, 0, headerLength);
        int at = headerLength;
        for (Line piece : pieces) {
            System.arraycopy(piece.raw, piece.textFrom, joined, at, piece.textLength());
            at += piece.textLength();
        }
        return new Line(joined, 0, total, first.header, null, headerLength, pieces.size());
    }
}
