package io.herokuelk.devstack.runner;

import java.nio.file.Path;

/**
 * A parent process for {@link ChildrenStopWithTheirParentIT}: starts a Kafka process and an Elasticsearch process,
 * prints their addresses, then waits to be killed.
 */
public final class OrphanParentMain {

    private OrphanParentMain() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        KafkaProcess kafka = new KafkaProcess(directory.resolve("kafka"), 0, 0, "256m");
        ElasticsearchProcess elasticsearch = new ElasticsearchProcess(directory.resolve("elasticsearch"), 0, 256);
        kafka.start();
        elasticsearch.start();
        System.out.println("READY " + kafka.address() + " " + elasticsearch.address());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
