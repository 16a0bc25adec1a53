package io.herokuelk.shipper.parse;

import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a {@link Document} as UTF-8 JSON with Jackson's streaming generator: nested objects for the contract's
 * fields, in {@link FieldNames} order, then the extra keys as they came. Thread-safe.
 */
final class DocumentWriter {

    private final ObjectMapper mapper;

    DocumentWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] write(Document doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            String[] open = null; // the path of the field written last; its parents are the open objects
            int depth = 0;
            int n = FieldNames.count();
            for (int i = 0; i < n; i++) {
                Object value = doc.valueAt(i);
                if (value == null) {
                    continue;
                }
                Field f = FieldNames.at(i);
                String[] path = f.path;
                int common = 0;
                if (open != null) {
                    int limit = Math.min(depth, path.length - 1);
                    while (common < limit && open[common] == path[common]) {
                        common++;
                    }
                }
                for (; depth > common; depth--) {
                    g.writeEndObject();
                }
                for (; depth < path.length - 1; depth++) {
                    g.writeName(f.encodedPath[depth]);
                    g.writeStartObject();
                }
                g.writeName(f.encodedPath[path.length - 1]);
                writeValue(g, value);
                open = path;
            }
            for (; depth > 0; depth--) {
                g.writeEndObject();
            }
            for (int i = 0; i < doc.extraCount(); i++) {
                g.writeName(doc.extraKey(i));
                writeValue(g, doc.extraValue(i));
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator g, Object value) {
        switch (value) {
            case String s -> g.writeString(s);
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            case Double d -> g.writeNumber(d);
            case Boolean b -> g.writeBoolean(b);
            case JsonNode node -> g.writeTree(node);
            case List<?> list -> {
                g.writeStartArray();
                for (Object o : list) {
                    writeValue(g, o);
                }
                g.writeEndArray();
            }
            default -> g.writeString(value.toString());
        }
    }
}
