package io.herokuelk.shipper.parse;

/** Receives what a framer finds, in input order. */
public interface FrameSink {

    /**
     * One message (the MSG part of {@code <LEN> SP <MSG>}).
     *
     * <p>The array may be the framer's internal buffer: the bytes are valid only during this call, so copy what
     * must be kept.
     */
    void frame(byte[] buffer, int offset, int length);

    /** Bytes that are not a frame. */
    void garbage(Garbage garbage);
}
