package io.herokuelk.shipper.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.util.List;

/** Sends one bulk request of {@code create} operations; the seam between the indexer's decisions and the wire. */
interface BulkSender {

    /** The request failed as a whole: its HTTP status (0 when there was no answer) and why. */
    final class RequestFailed extends Exception {
        private final int status;

        RequestFailed(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        int status() {
            return status;
        }

        /**
         * Whether the node closed the connection while the request was still being sent (broken pipe, reset). A
         * node does that after answering 413 to a body over its {@code http.max_content_length}, often before the
         * answer can be read; it also happens when a node dies mid-request.
         */
        boolean cutOff() {
            for (Throwable t = getCause(); t != null; t = t.getCause()) {
                String message = t.getMessage();
                if (t instanceof IOException
                        && message != null
                        && (message.contains("Broken pipe") || message.contains("Connection reset"))) {
                    return true;
                }
            }
            return false;
        }
    }

    BulkResponse send(List<PendingDocument> documents) throws RequestFailed;

    /** The official client's bulk API, {@code _id} = {@code event.id}, each document as its bytes. */
    static BulkSender of(ElasticsearchClient client) {
        return documents -> {
            BulkRequest.Builder request = new BulkRequest.Builder();
            for (PendingDocument document : documents) {
                BinaryData source = BinaryData.of(document.source(), ContentType.APPLICATION_JSON);
                request.operations(op -> op.create(
                        c -> c.index(document.dataStream()).id(document.id()).document(source)));
            }
            try {
                return client.bulk(request.build());
            } catch (ElasticsearchException e) {
                throw new RequestFailed(
                        e.status(),
                        "Elasticsearch answered the bulk request with status " + e.status() + ": " + e.getMessage(),
                        e);
            } catch (TransportException e) {
                int status = e.statusCode();
                throw new RequestFailed(
                        status,
                        status > 0
                                ? "Elasticsearch answered the bulk request with status " + status
                                : "Elasticsearch could not be reached: " + e.getMessage(),
                        e);
            } catch (IOException e) {
                throw new RequestFailed(0, "Elasticsearch could not be reached: " + e.getMessage(), e);
            }
        };
    }
}
