package io.herokuelk.bench.load;

/** One way the same lines reach Kafka in the drain benchmark, measured alike: a process, a topic, a sender. */
interface DrainSide {

    String name();

    /** The process whose CPU and {@code VmHWM} are measured. */
    long pid();

    String topic();

    /**
     * Sends {@code messages} lines and {@link ProbeLines#count} probes among them, as fast as the side takes them.
     * Returns the sender's own CPU seconds, or NaN when the sender is the measured process itself.
     */
    double send(int messages) throws Exception;
}
