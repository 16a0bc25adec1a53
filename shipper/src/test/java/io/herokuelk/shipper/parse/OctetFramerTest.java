package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FramedBytes.ascii;
import static io.herokuelk.shipper.parse.FramedBytes.concat;
import static io.herokuelk.shipper.parse.FramedBytes.frame;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OctetFramerTest {

    static final String A =
            "<190>1 2026-11-26T10:00:00.123456+00:00 host app web.1 - State changed from starting to up\n";
    static final String B =
            "<158>1 2026-11-26T10:00:01+00:00 host heroku router - at=info method=GET path=\"/\" status=200\n";
    static final String L10 =
            "<172>1 2026-11-26T10:02:00+00:00 host heroku logplex - Error L10 (output buffer overflow): "
                    + "12 messages dropped since 2026-11-26T09:59:00+00:00.";

    @Test
    void splitsByDeclaredLengthNotByNewline() {
        String withNewlineInside = "<190>1 2026-11-26T10:00:00+00:00 host app web.1 - line one\nline two\n";
        FramedBytes out = FramedBytes.frameBody(concat(frame(withNewlineInside), frame(A)), 65536);
        assertThat(out.frames).containsExactly(withNewlineInside, A);
        assertThat(out.garbage).isEmpty();
    }

    @Test
    void theExampleBodyOfTheDrainNotesHasExactCounts() {
        byte[] body = ascii("91 " + A + "93 " + B);
        assertThat(A.length()).isEqualTo(91);
        assertThat(B.length()).isEqualTo(93);
        assertThat(FramedBytes.frameBody(body, 65536).frames).containsExactly(A, B);
    }

    @Test
    void acceptsTheNewlineLessL10FrameFollowedDirectlyByDigits() {
        FramedBytes out = FramedBytes.frameBody(concat(frame(L10), frame(A), frame(L10)), 65536);
        assertThat(out.frames).containsExactly(L10, A, L10);
        assertThat(out.garbage).isEmpty();
    }

    @Test
    void toleratesExtraNewlinesBetweenFrames() {
        OctetFramer framer = new OctetFramer(65536);
        byte[] body = concat(ascii("\n"), frame(A), ascii("\r\n"), frame(B), ascii("\n\n"));
        FramedBytes out = FramedBytes.stream(framer, body, body.length);
        assertThat(out.frames).containsExactly(A, B);
        assertThat(out.garbage).isEmpty();
        assertThat(framer.separatorBytes()).isEqualTo(5);
        assertThat(framer.framedBytes() + framer.separatorBytes()).isEqualTo(body.length);
    }

    @Test
    void garbageBetweenFramesKeepsTheFramesAroundIt() {
        byte[] body = concat(frame(A), ascii("hello world\n"), frame(B));
        FramedBytes out = FramedBytes.frameBody(body, 65536);
        assertThat(out.frames).containsExactly(A, B);
        assertThat(out.garbage).singleElement().satisfies(g -> {
            assertThat(g.text()).isEqualTo("hello world\n");
            assertThat(g.reason()).isEqualTo("length prefix is not a number");
            assertThat(g.offset()).isEqualTo(frame(A).length);
        });
    }

    @Test
    void aHugeDeclaredLengthIsGarbageWithoutAllocatingIt() {
        byte[] body =
                concat(frame(A), ascii("99999999 <190>1 2026-11-26T10:00:00+00:00 host app web.1 - x\n"), frame(B));
        FramedBytes out = FramedBytes.frameBody(body, 65536);
        assertThat(out.frames).containsExactly(A, B);
        assertThat(out.garbage)
                .singleElement()
                .satisfies(g -> assertThat(g.reason())
                        .isEqualTo("declared length 99999999 exceeds the maximum message size 65536"));
    }

    @Test
    void aTruncatedLastFrameIsGarbageWithBothCounts() {
        byte[] body = concat(frame(A), ascii("120 <190>1 2026-11-26T10:00:00+00:00 host app web.1 - cut"));
        FramedBytes out = FramedBytes.frameBody(body, 65536);
        assertThat(out.frames).containsExactly(A);
        assertThat(out.garbage).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo("truncated frame: declared 120 bytes, 53 present");
            assertThat(g.text()).startsWith("120 <190>1");
        });
    }

    @Test
    void aLengthThatRunsIntoTheNextFrameMakesThatFrameGarbageButNotItsNeighbour() {
        byte[] lying = ascii((A.length() + 4) + " " + A);
        FramedBytes out = FramedBytes.frameBody(concat(frame(B), lying, frame(B)), 65536);
        assertThat(out.frames).containsExactly(B, B);
        assertThat(out.garbage)
                .singleElement()
                .satisfies(g -> assertThat(g.reason())
                        .isEqualTo("declared length 95 runs into the next frame, which starts after 91 bytes"));
    }

    @Test
    void framesSplitAcrossReadsAndManyPerReadGiveTheSameFrames() {
        byte[] body = concat(frame(A), frame(L10), frame(B), ascii("\n"), frame(A));
        for (int chunk = 1; chunk <= body.length; chunk++) {
            FramedBytes out = FramedBytes.stream(new OctetFramer(65536), body, chunk);
            assertThat(out.frames).as("reads of %d bytes", chunk).containsExactly(A, L10, B, A);
            assertThat(out.garbage).isEmpty();
        }
    }

    @Test
    void aStreamThatEndsInsideAFrameReportsTheRestAsGarbage() {
        OctetFramer framer = new OctetFramer(65536);
        byte[] body = concat(frame(A), ascii("93 <158>1 2026"));
        FramedBytes out = FramedBytes.stream(framer, body, 7);
        assertThat(out.frames).containsExactly(A);
        assertThat(out.garbage)
                .singleElement()
                .satisfies(g -> assertThat(g.reason()).isEqualTo("truncated frame: declared 93 bytes, 11 present"));
        assertThat(framer.pendingBytes()).isZero();
    }

    @Test
    void aStreamHoldsAFrameOnlyUntilItIsComplete() {
        OctetFramer framer = new OctetFramer(65536);
        FramedBytes sink = new FramedBytes();
        byte[] f = frame(A);
        framer.feed(f, 0, 10, sink);
        assertThat(sink.frames).isEmpty();
        assertThat(framer.pendingBytes()).isEqualTo(10);
        framer.feed(f, 10, f.length - 10, sink);
        assertThat(sink.frames).containsExactly(A);
        assertThat(framer.pendingBytes()).isZero();
    }

    @Test
    void longGarbageIsReportedInPiecesNoLargerThanTheMaximum() {
        byte[] junk = new byte[5000];
        java.util.Arrays.fill(junk, (byte) 'x');
        FramedBytes out = FramedBytes.frameBody(concat(frame(A), junk, frame(B)), 1024);
        assertThat(out.frames).containsExactly(A, B);
        assertThat(out.garbage)
                .hasSize(5)
                .allSatisfy(g -> assertThat(g.length()).isLessThanOrEqualTo(1024));
        assertThat(out.garbageBytes()).isEqualTo(5000);
    }

    @Test
    void garbageEndingInDigitsBeforeAFrameStillResynchronises() {
        byte[] body = concat(frame(A), ascii("junk 7"), frame(B), frame(A));
        FramedBytes out = FramedBytes.frameBody(body, 65536);
        assertThat(out.frames).containsExactly(A, B, A);
        assertThat(out.garbage)
                .singleElement()
                .satisfies(g -> assertThat(g.text()).isEqualTo("junk 7"));
    }

    @Test
    void aMessageThatDoesNotStartWithPriIsNotAFrame() {
        FramedBytes out = FramedBytes.frameBody(concat(ascii("5 hello"), frame(A)), 65536);
        assertThat(out.frames).containsExactly(A);
        assertThat(out.garbage).singleElement().satisfies(g -> {
            assertThat(g.text()).isEqualTo("5 hello");
            assertThat(g.reason()).isEqualTo("message does not start with '<'");
        });
    }
}
