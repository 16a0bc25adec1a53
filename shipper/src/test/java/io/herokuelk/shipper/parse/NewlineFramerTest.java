package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FramedBytes.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewlineFramerTest {

    private static FramedBytes frame(byte[] input, int max, int chunk) {
        NewlineFramer framer = new NewlineFramer(max);
        FramedBytes sink = new FramedBytes();
        for (int i = 0; i < input.length; i += chunk) {
            framer.feed(input, i, Math.min(chunk, input.length - i), sink);
        }
        framer.finish(sink);
        return sink;
    }

    @Test
    void splitsOnNewlinesWhateverTheReads() {
        byte[] input = ascii("<190>1 a\r\n\n<190>1 b\n<190>1 c");
        for (int chunk = 1; chunk <= input.length; chunk++) {
            FramedBytes out = frame(input, 1024, chunk);
            assertThat(out.frames).as("reads of %d", chunk).containsExactly("<190>1 a", "<190>1 b", "<190>1 c");
            assertThat(out.garbage).isEmpty();
        }
    }

    @Test
    void aLineOverTheMaximumIsGarbageUpToItsNewline() {
        String big = "<190>1 " + "x".repeat(2500);
        FramedBytes out = frame(ascii("<190>1 before\n" + big + "\n<190>1 after\n"), 1024, 100);
        assertThat(out.frames).containsExactly("<190>1 before", "<190>1 after");
        assertThat(out.garbage)
                .hasSize(3)
                .allSatisfy(g -> assertThat(g.length()).isLessThanOrEqualTo(1024));
        assertThat(out.garbageBytes()).isEqualTo(big.length());
        assertThat(out.garbage.getFirst().reason()).isEqualTo("line longer than the maximum message size 1024");
        assertThat(out.garbage.getFirst().offset()).isEqualTo("<190>1 before\n".length());
    }
}
