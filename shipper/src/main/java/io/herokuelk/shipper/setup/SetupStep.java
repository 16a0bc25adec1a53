package io.herokuelk.shipper.setup;

/**
 * One part of {@code setup} (Elasticsearch assets, Kafka topics; Kibana objects later). A step reports each action
 * it takes; a step that cannot reach its service reports one FAILED line saying so and returns, so the next step
 * still runs.
 */
public interface SetupStep {

    void run(SetupReport report);
}
