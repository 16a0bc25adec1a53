package io.herokuelk.devstack.testing;

/** The shared test node's HTTP address ({@code http://127.0.0.1:port}), handed to tests by {@link RealServices}. */
public record ElasticsearchEndpoint(String url) {}
