package io.herokuelk.shipper.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: builds octet-counted bodies and records what a framer hands out. */
final class FramedBytes implements FrameSink {

    final List<String> frames = new ArrayList<>();
    final List<byte[]> frameBytes = new ArrayList<>();
    final List<Garbage> garbage = new ArrayList<>();

    @Override
    public void frame(byte[] buffer, int offset, int length) {
        byte[] copy = java.util.Arrays.copyOfRange(buffer, offset, offset + length);
        frameBytes.add(copy);
        frames.add(new String(copy, StandardCharsets.UTF_8));
    }

    @Override
    public void garbage(Garbage g) {
        garbage.add(g);
    }

    long garbageBytes() {
        return garbage.stream().mapToLong(Garbage::length).sum();
    }

    static byte[] frame(String message) {
        return frame(message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] frame(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        out.writeBytes(message);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static FramedBytes frameBody(byte[] body, int max) {
        FramedBytes sink = new FramedBytes();
        OctetFramer.frameBody(body, max, sink);
        return sink;
    }

    /** Feeds {@code body} in reads of {@code chunk} bytes, then ends the stream. */
    static FramedBytes stream(OctetFramer framer, byte[] body, int chunk) {
        FramedBytes sink = new FramedBytes();
        for (int i = 0; i < body.length; i += chunk) {
            framer.feed(body, i, Math.min(chunk, body.length - i), sink);
        }
        framer.finish(sink);
        return sink;
    }
}
