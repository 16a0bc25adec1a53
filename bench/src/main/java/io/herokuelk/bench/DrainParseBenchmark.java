package io.herokuelk.bench;

import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.FrameSink;
import io.herokuelk.shipper.parse.Garbage;
import io.herokuelk.shipper.parse.OctetFramer;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.shipper.parse.SyslogStreamParser;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Framing and parsing of a realistic logplex body (about 100 KiB, {@value #MESSAGES} messages: the size Logplex
 * batches to) into ECS documents. Scores are messages per second on one thread.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar DrainParseBenchmark -f 1 -wi 3 -i 5 -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OperationsPerInvocation(DrainParseBenchmark.MESSAGES)
public class DrainParseBenchmark {

    static final int MESSAGES = 400;

    /** With the raw message in every document (the default) or without. */
    @Param({"true", "false"})
    public boolean includeOriginal;

    private byte[] body;
    private DrainBodyParser parser;
    private DrainContext https;

    @Setup
    public void setUp() {
        List<String> messages = DrainMix.messages(MESSAGES, 42);
        body = DrainMix.body(messages);
        parser = new DrainBodyParser(ParserSettings.defaults().withIncludeOriginal(includeOriginal));
        https = new DrainContext(
                "myapp",
                "d.11111111-2222-4333-8444-555555555555",
                "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
                Instant.parse("2026-11-26T12:00:00Z"));
        ParsedBatch check = parser.parseBody(body, https);
        if (check.events().size() != MESSAGES || !check.garbage().isEmpty()) {
            throw new IllegalStateException("the benchmark body does not parse cleanly: " + check.garbage());
        }
    }

    /** An HTTPS drain body with Frame-Id: ids from the Frame-Id and position. */
    @Benchmark
    public ParsedBatch httpsBody() {
        return parser.parseBody(body, https);
    }

    /** A syslog drain stream in 16 KiB reads: no Frame-Id, so every id is a SHA-256 of the message. */
    @Benchmark
    public void syslogStream(Blackhole bh) {
        SyslogStreamParser stream = parser.newStream();
        DrainContext context = DrainContext.of("myapp", https.receivedAt());
        for (int i = 0; i < body.length; i += 16 * 1024) {
            bh.consume(stream.feed(body, i, Math.min(16 * 1024, body.length - i), context));
        }
        bh.consume(stream.finish(context));
    }

    /** Framing alone, for scale. */
    @Benchmark
    public void framingOnly(Blackhole bh) {
        OctetFramer.frameBody(body, ParserSettings.DEFAULT_MAX_MESSAGE_BYTES, new FrameSink() {
            @Override
            public void frame(byte[] buffer, int offset, int length) {
                bh.consume(length);
            }

            @Override
            public void garbage(Garbage garbage) {
                bh.consume(garbage);
            }
        });
    }
}
