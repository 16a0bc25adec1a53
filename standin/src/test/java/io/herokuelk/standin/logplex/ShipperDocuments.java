package io.herokuelk.standin.logplex;

import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.standin.LogLine;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lines as the shipper sees them: framed into one {@code application/logplex-1} body by the stand-in's own batch
 * builder, then read by the shipper's parser. Public so that the tests of dynos and of the dyno manager can check the
 * lines they collected.
 */
public final class ShipperDocuments {

    private static final DrainBodyParser PARSER = new DrainBodyParser(ParserSettings.defaults());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ShipperDocuments() {}

    /** The body Logplex would post for these lines, in one batch. */
    public static byte[] body(List<LogLine> lines) {
        BatchBuilder batch = new BatchBuilder(Integer.MAX_VALUE, Integer.MAX_VALUE, null, Instant.now());
        lines.forEach(batch::add);
        return batch.build().body();
    }

    /** The parsed body; fails unless every frame was read with its header. */
    public static ParsedBatch parse(List<LogLine> lines) {
        ParsedBatch batch = PARSER.parseBody(
                body(lines),
                new DrainContext(
                        "myapp",
                        "d.11111111-2222-4333-8444-555555555555",
                        "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
                        Instant.now()));
        if (!batch.garbage().isEmpty() || batch.frames() != lines.size()) {
            throw new AssertionError("the shipper did not read every frame: " + batch.frames() + " of " + lines.size()
                    + ", garbage " + batch.garbage());
        }
        for (ParsedEvent event : batch.events()) {
            if (!event.headerParsed()) {
                throw new AssertionError("the shipper could not read the header of " + event.json());
            }
        }
        return batch;
    }

    /** One document per event, in order (split app lines may have been joined back into one). */
    public static List<JsonNode> documents(List<LogLine> lines) {
        return parse(lines).events().stream().map(ShipperDocuments::document).toList();
    }

    /** The one document of a line. */
    public static JsonNode document(LogLine line) {
        return documents(List.of(line)).getFirst();
    }

    public static JsonNode document(ParsedEvent event) {
        return JSON.readTree(event.document());
    }

    /** A field by its dotted ECS name, nested as the documents are ({@code heroku.memory.rss_mb}). */
    public static JsonNode field(JsonNode document, String dotted) {
        JsonNode node = document;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }
}
