package io.herokuelk.shipper.ingest.syslog;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decides, by the exception's type, whether publishing a batch again can succeed. Only failures that the same
 * records will meet again are permanent; everything else (a broker away, a timeout, a full buffer, even missing
 * authorisation, which an operator can grant) is worth retrying while the connection waits.
 */
final class PublishFailures {

    private PublishFailures() {}

    static boolean permanent(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof RecordTooLargeException
                || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidRecordException
                || cause instanceof SerializationException;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
