package io.herokuelk.shipper;

import java.util.Map;

/** One of the shipper's commands ({@code ingest}, {@code parse}, ...): runs and returns the process exit code. */
public interface ShipperCommand {

    /**
     * Reads and checks the command's configuration from {@code environment}, starting nothing; {@link #run} begins
     * with it on the process environment. Every variable the command reads is read here: that is how the README's
     * tables are checked against the code (standin's {@code io.herokuelk.deploy} tests).
     *
     * @throws io.herokuelk.shipper.config.ConfigurationException naming every bad variable
     */
    Object configuration(Map<String, String> environment, String[] args);

    int run(String[] args) throws Exception;
}
