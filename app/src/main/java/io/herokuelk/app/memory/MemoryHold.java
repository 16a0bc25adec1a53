package io.herokuelk.app.memory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds native (off-heap) memory on purpose, to reproduce Heroku's R14 in a demo. Direct buffers are used because
 * they count in the process's RSS like any native allocation but not in the heap, so a small -Xmx does not stop the
 * demo; their ceiling is -XX:MaxDirectMemorySize. Each 1 MiB chunk is written to so its pages are resident.
 */
public final class MemoryHold {

    private static final int CHUNK_BYTES = 1024 * 1024;
    private static final int PAGE_BYTES = 4096;

    private final List<ByteBuffer> chunks = new ArrayList<>();

    /** Outcome of a hold request. */
    public record Result(int addedMb, int heldMb, boolean refused) {}

    /** Adds {@code mb} MiB, or as much as direct memory allows, and says how much is now held. */
    public synchronized Result hold(int mb) {
        int added = 0;
        try {
            for (; added < mb; added++) {
                ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);
                for (int offset = 0; offset < CHUNK_BYTES; offset += PAGE_BYTES) {
                    chunk.put(offset, (byte) 1);
                }
                chunks.add(chunk);
            }
            return new Result(added, chunks.size(), false);
        } catch (OutOfMemoryError e) {
            // Direct memory exhausted (-XX:MaxDirectMemorySize): keep what was added and say so.
            return new Result(added, chunks.size(), true);
        }
    }

    /** Drops everything held; the JVM frees direct buffers when they are collected. */
    public synchronized int release() {
        int released = chunks.size();
        chunks.clear();
        System.gc(); // direct buffers are freed only once their owners are collected; a demo wants that now
        return released;
    }

    public synchronized int heldMb() {
        return chunks.size();
    }
}
