package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Runs {@link EmbeddedKafka} as a process of its own (the local stack's broker) and stops when its stdin closes,
 * so that it never outlives the process that started it.
 *
 * <p>Arguments: {@code <data-dir> <port> <controller-port>}, then for a broker of a cluster
 * {@code <node-id> <voters> <cluster-id> <brokers>}. Prints {@value #READY} and the address when ready.
 */
public final class KafkaServerMain {

    static final String READY = "KAFKA READY ";

    private KafkaServerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 7) {
            System.err.println("usage: KafkaServerMain <data-dir> <port> <controller-port>"
                    + " [<node-id> <voters> <cluster-id> <brokers>]");
            System.exit(2);
        }
        EmbeddedKafka.Membership membership = args.length == 3
                ? EmbeddedKafka.Membership.ALONE
                : new EmbeddedKafka.Membership(Integer.parseInt(args[3]), args[4], args[5], Integer.parseInt(args[6]));
        EmbeddedKafka kafka = new EmbeddedKafka(
                Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), java.util.Map.of(), membership);
        try {
            kafka.start();
        } catch (ServiceStartException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-shutdown"));
        System.out.println(READY + kafka.address());
        System.out.flush();
        awaitEndOfInput(System.in);
        kafka.close();
        System.exit(0);
    }

    /** Blocks until the parent closes our stdin or dies. */
    static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Nothing is sent on this pipe; it exists only to end.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end of file.
        }
    }
}
