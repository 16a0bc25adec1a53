package io.herokuelk.standin.logplex;

/**
 * One request's worth of frames.
 *
 * @param frameId      {@code Logplex-Frame-Id}, chosen once so that every attempt carries the same one
 * @param body         the {@code application/logplex-1} body
 * @param messageCount frames in the body, the L10 report included ({@code Logplex-Msg-Count})
 * @param lineCount    frames that are sinks' lines (the report excluded)
 * @param loss         the loss the body reports, or {@code null}
 */
record Batch(String frameId, byte[] body, int messageCount, int lineCount, Loss loss) {}
