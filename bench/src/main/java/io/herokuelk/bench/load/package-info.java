/**
 * Whole-path load tools, each a {@code main} that starts the real services on loopback, runs for a bounded time
 * and prints a progress line and a result table: {@link io.herokuelk.bench.load.IngestLoad} (drain receiver against a
 * plain Kafka producer), {@link io.herokuelk.bench.load.IndexerLoad} (indexer against a plain bulk loader) and
 * {@link io.herokuelk.bench.load.EndToEndLag} (drain POST to searchable). Commands and results are in
 * {@code docs/benchmarks.md}.
 */
package io.herokuelk.bench.load;
