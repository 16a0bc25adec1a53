package io.herokuelk.shipper.parse;

/** A framer for a byte stream read in pieces (a syslog connection). Not thread-safe: one per connection. */
interface StreamFramer {

    void feed(byte[] chunk, int offset, int length, FrameSink sink);

    void finish(FrameSink sink);
}
