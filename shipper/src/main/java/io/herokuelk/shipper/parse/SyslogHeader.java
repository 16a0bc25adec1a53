package io.herokuelk.shipper.parse;

/**
 * The RFC 5424 header of one message, as Heroku writes it.
 *
 * @param priority   PRI, 0 to 191 (facility * 8 + severity), or {@link #UNKNOWN_PRIORITY} for lines without one
 * @param timestamp  the timestamp in UTC ({@link Timestamps}), or {@code null} for the nil value {@code -}
 * @param hostname   first token after the timestamp ({@code host}, {@code heroku} or a drain token)
 * @param appName    second token ({@code app}, {@code heroku}, or a dyno in the older layout)
 * @param procId     third token (the dyno, {@code router}, ..., or a drain token in the older layout)
 * @param msgId      MSGID, or {@code null} for {@code -}
 * @param textOffset where the free-form text starts in the message bytes
 */
record SyslogHeader(
        int priority, String timestamp, String hostname, String appName, String procId, String msgId, int textOffset) {

    /** The priority of lines that carry none ({@code heroku logs} output). */
    static final int UNKNOWN_PRIORITY = -1;

    boolean hasPriority() {
        return priority != UNKNOWN_PRIORITY;
    }

    int facility() {
        return priority >> 3;
    }

    int severity() {
        return priority & 7;
    }
}
