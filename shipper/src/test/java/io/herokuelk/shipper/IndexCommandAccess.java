package io.herokuelk.shipper;

import java.util.Map;

import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.index.IndexerSettings;

/** Lets tests in other packages build indexers exactly as the {@code index} command does. */
public final class IndexCommandAccess {

    private IndexCommandAccess() {
    }

    public static Map<String, Object> consumerProperties(KafkaSettings kafka, IndexerSettings settings) {
        return IndexCommand.consumerProperties(kafka, settings);
    }

    public static Map<String, Object> deadLetterProducer(KafkaSettings kafka) {
        return IndexCommand.deadLetterProducer(kafka);
    }
}
