package io.herokuelk.devstack.testing;

/** The shared test broker's address, handed to tests by {@link RealServices}. */
public record KafkaEndpoint(String bootstrapServers) {}
