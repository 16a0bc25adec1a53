package io.herokuelk.shipper.parse;

import java.util.List;

/**
 * What a body, a list of messages or a piece of a stream turned into.
 *
 * @param events  one per message (split app lines joined count once), in input order
 * @param garbage bytes that were not frames, in input order; for the dead-letter topic
 * @param frames  messages found by the framer, before joining split lines; compare with Logplex-Msg-Count
 */
public record ParsedBatch(List<ParsedEvent> events, List<Garbage> garbage, int frames) {

    public static final ParsedBatch EMPTY = new ParsedBatch(List.of(), List.of(), 0);

    public ParsedBatch {
        events = List.copyOf(events);
        garbage = List.copyOf(garbage);
    }
}
