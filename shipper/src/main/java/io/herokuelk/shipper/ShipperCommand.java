package io.herokuelk.shipper;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One of the shipper's commands ({@code ingest}, {@code parse}, ...), a picocli subcommand: its options are set
 * before {@link #call} runs it, which returns the process exit code.
 */
public interface ShipperCommand extends Callable<Integer> {

    /**
     * Reads and checks the command's configuration from {@code environment} (and its options), starting nothing
     * and connecting nowhere; {@link #call} begins with it on the process environment. Every variable the command
     * reads is read here: the usage text lists them from it, and the variable tables in docs/operations.md are
     * checked against it.
     *
     * @throws io.herokuelk.shipper.config.ConfigurationException naming every bad variable
     */
    Object configuration(Map<String, String> environment);
}
