package io.herokuelk.shipper.index;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.herokuelk.shipper.retry.Backoff;
import io.herokuelk.shipper.retry.Sleeper;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a batch with bulk {@code create} requests ({@code _id} = {@code event.id}) until every document has a final
 * outcome: stored, already stored (409), or rejected. Documents answered 429/5xx are sent again, alone, after a
 * jittered exponential pause; one bad document never holds back the others. A request refused as a whole is
 * handled as {@link RequestOutcome} says: resent later, split in halves (413), split until the documents that make
 * it fail are alone and rejected (400), or given up on until someone fixes the cluster's access (401, 403).
 */
public final class BulkIndexer {

    private final BulkSender sender;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final int maxItemRetries;

    public BulkIndexer(BulkSender sender, Backoff backoff, Sleeper sleeper, int maxItemRetries) {
        this.sender = sender;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.maxItemRetries = maxItemRetries;
    }

    /** The outcomes so far of one batch. */
    private static final class Tally {
        int stored;
        int alreadyStored;
        int retried;
        final List<BulkResult.Rejection> rejected = new ArrayList<>();
    }

    /**
     * @throws ElasticsearchUnavailableException when a whole request fails for now (429, 5xx, no answer); nothing
     *                                           may be assumed stored (the caller retries the batch, and 409s
     *                                           absorb what was)
     * @throws ElasticsearchRefusedException     when the cluster refuses this indexer (401, 403, another 4xx)
     */
    public BulkResult index(List<PendingDocument> documents)
            throws ElasticsearchUnavailableException, ElasticsearchRefusedException, InterruptedException {
        Tally tally = new Tally();
        index(documents, tally);
        return new BulkResult(tally.stored, tally.alreadyStored, tally.retried, List.copyOf(tally.rejected));
    }

    private void index(List<PendingDocument> documents, Tally tally)
            throws ElasticsearchUnavailableException, ElasticsearchRefusedException, InterruptedException {
        List<PendingDocument> pending = documents;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                sleeper.sleep(backoff.delay(attempt - 1));
            }
            List<BulkResponseItem> items;
            try {
                items = send(pending);
            } catch (BulkSender.RequestFailed e) {
                switch (RequestOutcome.of(e.status(), e.cutOff(), pending.size())) {
                    case RETRY -> throw new ElasticsearchUnavailableException(e.getMessage(), e);
                    case REFUSED -> throw new ElasticsearchRefusedException(e.status(), e.getMessage(), e);
                    case SPLIT, ISOLATE -> splitOrReject(pending, e, tally);
                }
                return;
            }
            List<PendingDocument> again = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                PendingDocument document = pending.get(i);
                switch (BulkItemClassifier.classify(item)) {
                    case STORED -> tally.stored++;
                    case ALREADY_STORED -> tally.alreadyStored++;
                    case RETRY -> {
                        if (attempt < maxItemRetries) {
                            again.add(document);
                        } else {
                            tally.rejected.add(rejection(
                                    document,
                                    item,
                                    "still answered " + item.status() + " after " + (attempt + 1) + " tries: "));
                        }
                    }
                    case REJECTED -> tally.rejected.add(rejection(document, item, ""));
                }
            }
            tally.retried += again.size();
            pending = again;
        }
    }

    /** A request refused for its size or content: its halves go on their own; a lone document is rejected. */
    private void splitOrReject(List<PendingDocument> documents, BulkSender.RequestFailed failure, Tally tally)
            throws ElasticsearchUnavailableException, ElasticsearchRefusedException, InterruptedException {
        if (documents.size() == 1) {
            tally.rejected.add(new BulkResult.Rejection(
                    documents.getFirst(),
                    "request_status_" + failure.status(),
                    "Elasticsearch refused the request holding only this document: " + failure.getMessage()));
            return;
        }
        int half = documents.size() / 2;
        index(documents.subList(0, half), tally);
        index(documents.subList(half, documents.size()), tally);
    }

    private List<BulkResponseItem> send(List<PendingDocument> documents) throws BulkSender.RequestFailed {
        BulkResponse response = sender.send(documents);
        if (response.items().size() != documents.size()) {
            throw new BulkSender.RequestFailed(
                    0,
                    "the bulk answer has " + response.items().size() + " items for " + documents.size() + " documents",
                    null);
        }
        return response.items();
    }

    private static BulkResult.Rejection rejection(PendingDocument document, BulkResponseItem item, String prefix) {
        String type =
                item.error() == null ? "status_" + item.status() : item.error().type();
        String reason =
                item.error() == null ? "status " + item.status() : item.error().reason();
        return new BulkResult.Rejection(document, type, prefix + reason);
    }
}
