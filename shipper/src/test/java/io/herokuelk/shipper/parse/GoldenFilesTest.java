package io.herokuelk.shipper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden files: every {@code golden/<case>.<format>} input beside {@code <case>.expected.ndjson}, one canonical JSON
 * document per line (keys sorted), then one line per garbage piece. Formats: {@code logplex} (an HTTPS drain body,
 * with Frame-Id and drain token), {@code syslog} (an octet-counted syslog drain stream, fed in small reads, no
 * headers), {@code lines} (one message per line, drain token but no Frame-Id).
 *
 * <p>{@code -Dgolden.update=true} rewrites the expectations from the current output; review the diff.
 */
class GoldenFilesTest {

    static final Path DIR = Path.of("src/test/resources/golden");
    static final Instant RECEIVED_AT = Instant.parse("2026-11-26T12:00:00Z");
    static final String APP = "myapp";
    static final String TOKEN = "d.11111111-2222-4333-8444-555555555555";
    static final String FRAME_ID = "0A1B2C3D4E5F60718293A4B5C6D7E8F9";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final DrainBodyParser parser = new DrainBodyParser(ParserSettings.defaults());

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(DIR)) {
            inputs = files.filter(p -> format(p) != null).sorted().toList();
        }
        assertThat(inputs).as("golden inputs in %s", DIR.toAbsolutePath()).isNotEmpty();
        return inputs.stream()
                .map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
    }

    private void check(Path input) throws IOException {
        List<String> actual = render(parse(input));
        Path expectedFile = DIR.resolve(caseName(input) + ".expected.ndjson");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertThat(expectedFile)
                .as("expectation for %s (run with -Dgolden.update=true to create it)", input)
                .exists();
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(GoldenFilesTest::canonical)
                .toList();
        assertThat(actual).as("documents of %s", input).containsExactlyElementsOf(expected);
    }

    private ParsedBatch parse(Path input) throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        return switch (format(input)) {
            case "logplex" -> parser.parseBody(bytes, new DrainContext(APP, TOKEN, FRAME_ID, RECEIVED_AT));
            case "lines" -> {
                List<byte[]> messages = new ArrayList<>();
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isEmpty()) {
                        messages.add(line.getBytes(StandardCharsets.UTF_8));
                    }
                }
                yield parser.parseMessages(messages, new DrainContext(APP, TOKEN, null, RECEIVED_AT));
            }
            case "syslog" -> parseStream(bytes);
            default -> throw new IllegalArgumentException(input.toString());
        };
    }

    /** Feeds the stream in reads of 37 bytes, so that frames are split across reads. */
    private ParsedBatch parseStream(byte[] bytes) {
        DrainContext context = DrainContext.of(APP, RECEIVED_AT);
        SyslogStreamParser stream = parser.newStream();
        List<ParsedEvent> events = new ArrayList<>();
        List<Garbage> garbage = new ArrayList<>();
        int frames = 0;
        for (int i = 0; i < bytes.length; i += 37) {
            ParsedBatch b = stream.feed(bytes, i, Math.min(37, bytes.length - i), context);
            events.addAll(b.events());
            garbage.addAll(b.garbage());
            frames += b.frames();
        }
        ParsedBatch end = stream.finish(context);
        events.addAll(end.events());
        garbage.addAll(end.garbage());
        return new ParsedBatch(events, garbage, frames + end.frames());
    }

    static List<String> render(ParsedBatch batch) {
        List<String> lines = new ArrayList<>();
        for (ParsedEvent e : batch.events()) {
            lines.add(canonical(e.json()));
        }
        for (Garbage g : batch.garbage()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("offset", g.offset());
            m.put("length", g.length());
            m.put("reason", g.reason());
            m.put("text", g.text());
            lines.add(CANONICAL.writeValueAsString(Map.of("garbage", m)));
        }
        return lines;
    }

    static String canonical(String json) {
        return CANONICAL.writeValueAsString(CANONICAL.readValue(json, Object.class));
    }

    static String format(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return Arrays.asList("logplex", "lines", "syslog").contains(ext) ? ext : null;
    }

    static String caseName(Path p) {
        String name = p.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
