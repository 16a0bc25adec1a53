/**
 * Syslog drain listeners: RFC 6587 octet-counted frames over plain TCP and over TLS, one virtual thread per
 * connection. Syslog has no acknowledgement, so backpressure is TCP itself: a connection reads its next bytes only
 * once Kafka holds everything read before, and a batch Kafka refuses is retried with backoff while the connection
 * stays paused.
 */
package io.herokuelk.shipper.ingest.syslog;
