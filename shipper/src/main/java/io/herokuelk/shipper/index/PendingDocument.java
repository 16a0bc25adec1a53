package io.herokuelk.shipper.index;

import org.apache.kafka.common.TopicPartition;

/**
 * One event on its way into Elasticsearch, with the record it came from (for the commit and for dead letters).
 *
 * @param id         the {@code _id} ({@code event.id}); a redelivered event is then answered 409
 * @param dataStream the target data stream
 * @param source     the JSON document as published
 */
public record PendingDocument(String id, String dataStream, byte[] source, TopicPartition partition, long offset) {}
