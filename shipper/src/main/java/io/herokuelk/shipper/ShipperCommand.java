package io.herokuelk.shipper;

/** One of the shipper's commands ({@code ingest}, {@code parse}, ...): runs and returns the process exit code. */
public interface ShipperCommand {

    int run(String[] args) throws Exception;
}
