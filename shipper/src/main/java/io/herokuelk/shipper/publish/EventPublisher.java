package io.herokuelk.shipper.publish;

import io.herokuelk.shipper.parse.ParsedEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where parsed events and dead letters go; the future completes when every record is durably stored. */
public interface EventPublisher extends AutoCloseable {

    /**
     * Publishes a batch. The future completes normally only once every record was acknowledged, and exceptionally
     * as soon as one cannot be; it never completes before the records are stored.
     */
    CompletableFuture<Void> publish(List<ParsedEvent> events, List<DeadLetter> deadLetters);

    @Override
    void close();
}
