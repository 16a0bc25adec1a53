package io.herokuelk.standin.router;

import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.standin.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A router line as the shipper's parser turns it into a document, for assertions by dotted field name. */
record ShipperView(ParsedEvent event, JsonNode doc) {

    private static final DrainBodyParser PARSER = new DrainBodyParser(ParserSettings.defaults());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The line framed as Logplex delivers router lines (PRI 158, {@code host heroku router}). */
    static ShipperView of(LogLine line) {
        String message =
                "<158>1 " + line.time() + " host " + line.appName() + " " + line.procId() + " - " + line.text() + "\n";
        ParsedEvent event =
                PARSER.parseMessage(message.getBytes(StandardCharsets.UTF_8), DrainContext.of("myapp", Instant.now()));
        if (!event.headerParsed()) {
            throw new AssertionError("the shipper could not read " + message);
        }
        return new ShipperView(event, JSON.readTree(event.document()));
    }

    String dataset() {
        return event.dataset();
    }

    String partitionKey() {
        return event.partitionKey();
    }

    boolean has(String field) {
        return !node(field).isMissingNode();
    }

    String text(String field) {
        return node(field).stringValue();
    }

    long integer(String field) {
        JsonNode n = node(field);
        if (!n.isNumber()) {
            throw new AssertionError(field + " is not a number: " + n + " in " + doc);
        }
        return n.asLong();
    }

    private JsonNode node(String field) {
        JsonNode n = doc;
        for (String part : field.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }
}
