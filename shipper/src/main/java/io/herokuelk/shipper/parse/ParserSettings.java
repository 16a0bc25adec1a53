package io.herokuelk.shipper.parse;

/**
 * Parser settings.
 *
 * @param maxMessageBytes largest message accepted by the framers; a frame declaring more becomes garbage, and
 *                        garbage is cut into pieces of at most this size so that no input allocates more
 * @param includeOriginal whether documents carry {@code event.original} (the raw message); it is written anyway
 *                        when parsing lost information, so that nothing is dropped
 * @param appDatasets     the datasets app lines may name; others go to {@code heroku.app}
 */
public record ParserSettings(int maxMessageBytes, boolean includeOriginal, AppDatasets appDatasets) {

    /** Logplex splits lines at 10,000 bytes; 64 KiB leaves room for other senders without inviting huge frames. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

    public ParserSettings {
        java.util.Objects.requireNonNull(appDatasets, "appDatasets");
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024, was " + maxMessageBytes);
        }
    }

    public static ParserSettings defaults() {
        return new ParserSettings(DEFAULT_MAX_MESSAGE_BYTES, true, AppDatasets.defaults());
    }

    public ParserSettings withIncludeOriginal(boolean include) {
        return new ParserSettings(maxMessageBytes, include, appDatasets);
    }

    public ParserSettings withMaxMessageBytes(int max) {
        return new ParserSettings(max, includeOriginal, appDatasets);
    }
}
