package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FramedBytes.ascii;
import static io.herokuelk.shipper.parse.FramedBytes.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random inputs for the framer: whatever arrives, no exception escapes, it terminates, every byte is
 * accounted for exactly once (framed + separators + garbage = input), and good frames next to garbage survive.
 * A failure prints its case number; the loops are bounded so the whole class runs in seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OctetFramerFuzzTest {

    /** Fixed so failures reproduce; {@code -Dfuzz.seed=N} explores other inputs. */
    private static final long SEED = Long.getLong("fuzz.seed", 0x5eed_0003L);

    private static final int MAX = 4096;
    private static final byte[] NOISE = ascii("0123456789  <<>>\n\r-abcxyz\u0000\u00ff");

    @Test
    void randomBytesNeverBreakTheFramer() {
        Random random = new Random(SEED);
        for (int c = 0; c < 3000; c++) {
            byte[] input = new byte[random.nextInt(1500)];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : NOISE[random.nextInt(NOISE.length)];
            }
            checkAccounting(input, random, "random bytes, case " + c);
        }
    }

    @Test
    void validStreamsGiveTheSameFramesWhateverTheReadSizes() {
        Random random = new Random(SEED + 1);
        for (int c = 0; c < 1500; c++) {
            List<byte[]> messages = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                byte[] m = message(random, true);
                messages.add(m);
                body.writeBytes(frame(m));
                if (random.nextInt(4) == 0) {
                    body.writeBytes(ascii(random.nextBoolean() ? "\n" : "\r\n"));
                }
            }
            byte[] input = body.toByteArray();
            String label = "valid stream, case " + c;
            FramedBytes whole = FramedBytes.frameBody(input, MAX);
            assertFrames(whole, messages, label);
            assertThat(whole.garbage).as(label).isEmpty();
            FramedBytes chunked = FramedBytes.stream(new OctetFramer(MAX), input, 1 + random.nextInt(64));
            assertFrames(chunked, messages, label + " (chunked)");
            assertThat(chunked.garbage).as(label).isEmpty();
        }
    }

    @Test
    void garbageSplicedBetweenFramesLosesNoFrame() {
        Random random = new Random(SEED + 2);
        for (int c = 0; c < 2000; c++) {
            List<byte[]> messages = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            long spliced = 0;
            int n = 1 + random.nextInt(10);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(3) == 0) {
                    byte[] g = garbage(random);
                    body.writeBytes(g);
                    spliced += g.length;
                }
                byte[] m = message(random, false);
                messages.add(m);
                body.writeBytes(frame(m));
            }
            byte[] input = body.toByteArray();
            String label = "spliced garbage, case " + c + ": " + new String(input, StandardCharsets.ISO_8859_1);
            // A newline at the start of spliced junk is a tolerated separator rather than garbage.
            OctetFramer wholeFramer = new OctetFramer(MAX);
            FramedBytes whole = FramedBytes.stream(wholeFramer, input, input.length);
            assertFrames(whole, messages, label);
            assertThat(wholeFramer.garbageBytes() + wholeFramer.separatorBytes())
                    .as(label)
                    .isEqualTo(spliced);
            OctetFramer chunkedFramer = new OctetFramer(MAX);
            FramedBytes chunked = FramedBytes.stream(chunkedFramer, input, 1 + random.nextInt(50));
            assertFrames(chunked, messages, label + " (chunked)");
            assertThat(chunkedFramer.garbageBytes() + chunkedFramer.separatorBytes())
                    .as(label)
                    .isEqualTo(spliced);
        }
    }

    @Test
    void hugeDeclaredLengthsAreGarbageAndTheNeighboursSurvive() {
        Random random = new Random(SEED + 3);
        for (int c = 0; c < 1000; c++) {
            byte[] before = message(random, false);
            byte[] after = message(random, false);
            String hugeMessage = "<190>1 2026-11-26T10:00:00+00:00 host app web.1 - huge\n";
            long declared;
            do {
                declared = MAX + 1 + (long) (random.nextDouble() * 1e15);
                // A number ending in the message's own length (with or without its newline) really is garbage
                // followed by a valid frame.
            } while (Long.toString(declared).endsWith(Integer.toString(hugeMessage.length()))
                    || Long.toString(declared).endsWith(Integer.toString(hugeMessage.length() - 1)));
            byte[] huge = ascii(declared + " " + hugeMessage);
            byte[] input = FramedBytes.concat(frame(before), huge, frame(after));
            String label = "huge length " + declared;
            FramedBytes whole = FramedBytes.frameBody(input, MAX);
            assertFrames(whole, List.of(before, after), label);
            assertThat(whole.garbage)
                    .as(label)
                    .singleElement()
                    .satisfies(g -> assertThat(g.bytes()).isEqualTo(huge));
            checkAccounting(input, random, label);
        }
    }

    @Test
    void truncationsKeepEveryCompleteFrameBeforeTheCut() {
        Random random = new Random(SEED + 4);
        for (int c = 0; c < 1500; c++) {
            List<byte[]> messages = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                byte[] m = message(random, false);
                messages.add(m);
                body.writeBytes(frame(m));
                ends.add(body.size());
            }
            byte[] full = body.toByteArray();
            int cut = random.nextInt(full.length + 1);
            byte[] input = Arrays.copyOf(full, cut);
            int complete = 0;
            while (complete < n && ends.get(complete) <= cut) {
                complete++;
            }
            String label = "cut at " + cut + " of " + full.length + ", case " + c;
            FramedBytes whole = FramedBytes.frameBody(input, MAX);
            assertFrames(whole, messages.subList(0, complete), label);
            int rest = cut - (complete == 0 ? 0 : ends.get(complete - 1));
            assertThat(whole.garbageBytes()).as(label).isEqualTo(rest);
            checkAccounting(input, random, label);
        }
    }

    @Test
    void corruptedBodiesAreAccountedFor() {
        Random random = new Random(SEED + 5);
        for (int c = 0; c < 2000; c++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                body.writeBytes(frame(message(random, true)));
            }
            byte[] input = body.toByteArray();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                input[random.nextInt(input.length)] = NOISE[random.nextInt(NOISE.length)];
            }
            checkAccounting(input, random, "corrupted body, case " + c);
        }
    }

    /** Whole body and random reads: no exception, every byte counted once, nothing left pending. */
    private static void checkAccounting(byte[] input, Random random, String label) {
        OctetFramer whole = new OctetFramer(MAX);
        FramedBytes a = FramedBytes.stream(whole, input, Math.max(1, input.length));
        assertThat(whole.framedBytes() + whole.separatorBytes() + whole.garbageBytes())
                .as(label)
                .isEqualTo(input.length);
        assertThat(a.garbageBytes()).as(label).isEqualTo(whole.garbageBytes());
        assertThat(whole.pendingBytes()).as(label).isZero();

        OctetFramer chunked = new OctetFramer(MAX);
        FramedBytes b = FramedBytes.stream(chunked, input, 1 + random.nextInt(40));
        assertThat(chunked.framedBytes() + chunked.separatorBytes() + chunked.garbageBytes())
                .as(label + " (chunked)")
                .isEqualTo(input.length);
        assertThat(b.garbageBytes()).as(label).isEqualTo(chunked.garbageBytes());
        assertThat(chunked.pendingBytes()).as(label).isZero();
        for (Garbage g : b.garbage) {
            assertThat(g.length()).as(label).isPositive().isLessThanOrEqualTo(MAX);
        }
    }

    private static void assertFrames(FramedBytes out, List<byte[]> expected, String label) {
        assertThat(out.frameBytes)
                .as("%s: frames %s, garbage %s", label, out.frames, out.garbage)
                .hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(out.frameBytes.get(i)).as(label + ", frame " + i).isEqualTo(expected.get(i));
        }
    }

    /**
     * An RFC 5424 message with random text. With {@code anything}, the text may hold any byte (newlines, digits,
     * '<'); otherwise no '<', so that it cannot contain something that looks like a frame start.
     */
    private static byte[] message(Random random, boolean anything) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("<190>1 2026-11-26T10:00:00." + (100000 + random.nextInt(900000)) + "+00:00 host app web."
                + (1 + random.nextInt(9)) + " - "));
        int len = random.nextInt(random.nextInt(10) == 0 ? 3000 : 120);
        for (int i = 0; i < len; i++) {
            byte b = anything
                    ? (random.nextBoolean() ? NOISE[random.nextInt(NOISE.length)] : (byte) random.nextInt(256))
                    : (byte) (' ' + random.nextInt(95));
            out.write(!anything && b == '<' ? '(' : b);
        }
        if (random.nextInt(5) != 0) {
            out.write('\n'); // most messages end with a newline, logplex's L10 does not
        }
        return out.toByteArray();
    }

    /**
     * Junk to splice between frames: never '<' (which would make it a frame candidate) and never ending in a digit
     * (which would make "7" + "91 <..." read as "791 <...", where no framer can tell which was meant).
     */
    private static byte[] garbage(Random random) {
        int len = 1 + random.nextInt(random.nextInt(10) == 0 ? 9000 : 40);
        byte[] g = new byte[len];
        for (int i = 0; i < len; i++) {
            byte b = random.nextBoolean() ? NOISE[random.nextInt(NOISE.length)] : (byte) random.nextInt(256);
            g[i] = b == '<' ? (byte) '>' : b;
        }
        if (g[len - 1] >= '0' && g[len - 1] <= '9') {
            g[len - 1] = 'z';
        }
        return g;
    }
}
