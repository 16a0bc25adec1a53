package io.herokuelk.shipper.index;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/** The one place that maps a bulk item's answer to an {@link ItemOutcome}, by status and error type only. */
final class BulkItemClassifier {

    private BulkItemClassifier() {}

    static ItemOutcome classify(BulkResponseItem item) {
        if (item.error() == null && item.status() >= 200 && item.status() < 300) {
            return ItemOutcome.STORED;
        }
        return classify(
                item.status(), item.error() == null ? null : item.error().type());
    }

    static ItemOutcome classify(int status, String errorType) {
        if (status == 409 || "version_conflict_engine_exception".equals(errorType)) {
            return ItemOutcome.ALREADY_STORED;
        }
        if (status == 429 || status >= 500 || "es_rejected_execution_exception".equals(errorType)) {
            return ItemOutcome.RETRY;
        }
        return ItemOutcome.REJECTED;
    }
}
