package io.herokuelk.shipper.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.herokuelk.shipper.retry.Backoff;
import io.herokuelk.shipper.retry.Sleeper;

/**
 * Sends a batch with bulk {@code create} requests ({@code _id} = {@code event.id}) until every document has a final
 * outcome: stored, already stored (409), or rejected. Documents answered 429/5xx are sent again, alone, after a
 * jittered exponential pause; one bad document never holds back the others.
 */
public final class BulkIndexer {

    private final ElasticsearchClient client;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final int maxItemRetries;

    public BulkIndexer(ElasticsearchClient client, Backoff backoff, Sleeper sleeper, int maxItemRetries) {
        this.client = client;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.maxItemRetries = maxItemRetries;
    }

    /**
     * @throws ElasticsearchUnavailableException when a whole request fails; nothing may be assumed stored then
     *                                           (the caller retries the batch, and 409s absorb what was)
     */
    public BulkResult index(List<PendingDocument> documents) throws ElasticsearchUnavailableException,
            InterruptedException {
        int stored = 0;
        int alreadyStored = 0;
        int retried = 0;
        List<BulkResult.Rejection> rejected = new ArrayList<>();
        List<PendingDocument> pending = documents;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                sleeper.sleep(backoff.delay(attempt - 1));
            }
            List<BulkResponseItem> items = send(pending).items();
            List<PendingDocument> again = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                PendingDocument document = pending.get(i);
                switch (BulkItemClassifier.classify(item)) {
                    case STORED -> stored++;
                    case ALREADY_STORED -> alreadyStored++;
                    case RETRY -> {
                        if (attempt < maxItemRetries) {
                            again.add(document);
                        } else {
                            rejected.add(rejection(document, item, "still answered " + item.status() + " after "
                                    + (attempt + 1) + " tries: "));
                        }
                    }
                    case REJECTED -> rejected.add(rejection(document, item, ""));
                }
            }
            retried += again.size();
            pending = again;
        }
        return new BulkResult(stored, alreadyStored, retried, rejected);
    }

    private BulkResponse send(List<PendingDocument> documents) throws ElasticsearchUnavailableException {
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (PendingDocument document : documents) {
            BinaryData source = BinaryData.of(document.source(), ContentType.APPLICATION_JSON);
            request.operations(op -> op.create(c -> c.index(document.dataStream()).id(document.id()).document(source)));
        }
        try {
            BulkResponse response = client.bulk(request.build());
            if (response.items().size() != documents.size()) {
                throw new ElasticsearchUnavailableException("the bulk answer has " + response.items().size()
                        + " items for " + documents.size() + " documents", null);
            }
            return response;
        } catch (IOException e) {
            throw new ElasticsearchUnavailableException("Elasticsearch could not be reached: " + e.getMessage(), e);
        } catch (ElasticsearchException e) {
            throw new ElasticsearchUnavailableException("Elasticsearch refused the bulk request with status "
                    + e.status() + ": " + e.getMessage(), e);
        }
    }

    private static BulkResult.Rejection rejection(PendingDocument document, BulkResponseItem item, String prefix) {
        String type = item.error() == null ? "status_" + item.status() : item.error().type();
        String reason = item.error() == null ? "status " + item.status() : item.error().reason();
        return new BulkResult.Rejection(document, type, prefix + reason);
    }
}
