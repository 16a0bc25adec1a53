package io.herokuelk.shipper.publish;

import java.time.Instant;

/**
 * Input we could not turn into an event, kept whole for the dead-letter topic: the raw bytes are the record's value,
 * the rest travels in headers so that the bytes can be replayed as they came.
 *
 * @param reason     why, as a sentence fragment ({@code truncated frame: declared 120 bytes, 40 present})
 * @param stage      where it was found, one of a fixed set: {@code framing}, {@code indexing}
 * @param raw        the bytes
 * @param app        the app the drain belongs to, or {@code unknown}
 * @param frameId    Logplex-Frame-Id of the request, or null
 * @param receivedAt when the bytes arrived
 */
public record DeadLetter(String reason, String stage, byte[] raw, String app, String frameId, Instant receivedAt) {}
