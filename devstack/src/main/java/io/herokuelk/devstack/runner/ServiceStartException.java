package io.herokuelk.devstack.runner;

import java.nio.file.Path;

/** A service could not start. The message says what to do about it and ends with the tail of the service's log. */
public final class ServiceStartException extends Exception {

    private static final int TAIL_LINES = 40;

    public ServiceStartException(String message) {
        super(message);
    }

    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure whose explanation is in the service's own log: the log's last lines are appended. */
    public static ServiceStartException withLog(String message, Path log, Throwable cause) {
        String text = message + "\nLog: " + log + "\n--- last lines of the log ---\n" + LogTail.of(log, TAIL_LINES);
        return cause == null ? new ServiceStartException(text) : new ServiceStartException(text, cause);
    }
}
