package io.herokuelk.shipper.parse;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
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

    /**
     * A generator kept for several documents (a batch), so that its buffers and nesting contexts are made once;
     * the mapper writes root values without a separator, so each document is exactly the bytes added for it.
     * Not thread-safe.
     */
    Session open() {
        return new Session();
    }

    final class Session implements AutoCloseable {
        private final Buffer out = new Buffer();
        private final JsonGenerator g = mapper.createGenerator(out);

        byte[] write(Document doc) {
            writeDocument(g, doc);
            g.flush();
            byte[] bytes = out.take();
            return bytes;
        }

        @Override
        public void close() {
            g.close();
        }
    }

    /** An output buffer whose content can be taken and cleared without an extra copy of the whole. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(2048);
        }

        byte[] take() {
            byte[] bytes = Arrays.copyOf(buf, count);
            count = 0;
            return bytes;
        }
    }

    private static void writeDocument(JsonGenerator g, Document doc) {
        g.writeStartObject();
        String[] open = null; // the path of the field written last; its parents are the open objects
        int depth = 0;
        for (int i = doc.nextPresent(0); i >= 0; i = doc.nextPresent(i + 1)) {
            Object value = doc.valueAt(i);
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

    private static void writeValue(JsonGenerator g, Object value) {
        switch (value) {
            case String s -> g.writeString(s);
            case Utf8 u -> g.writeUTF8String(u.bytes(), u.from(), u.to() - u.from());
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
