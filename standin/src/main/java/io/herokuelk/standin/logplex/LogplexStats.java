package io.herokuelk.standin.logplex;

/**
 * What a {@link LogplexDrain} has done so far; a snapshot, cheap to take at any time.
 *
 * @param batchesDelivered  batches the drain answered 2xx
 * @param messagesDelivered lines in those batches (Logplex's own L10 messages not counted)
 * @param retries           attempts beyond the first of each batch
 * @param batchesDropped    batches given up: out of tries, or refused with a 4xx other than 429
 * @param messagesDropped   lines lost: in dropped batches, or refused by a full buffer; all are reported in an L10
 * @param bufferOverflows   the part of {@code messagesDropped} that a full buffer refused
 * @param buffered          lines waiting in the buffer now
 * @param lastStatus        the HTTP status of the latest answer, 0 before any
 * @param lastError         why the latest attempt failed ({@code HTTP 503}, {@code timeout}, ...), {@code null} when
 *                          it succeeded or none was made
 */
public record LogplexStats(
        long batchesDelivered,
        long messagesDelivered,
        long retries,
        long batchesDropped,
        long messagesDropped,
        long bufferOverflows,
        int buffered,
        int lastStatus,
        String lastError) {}
