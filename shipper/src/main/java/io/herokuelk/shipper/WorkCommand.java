package io.herokuelk.shipper;

import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code work}: the {@code alert} and {@code index} roles in one JVM, until SIGTERM or Ctrl-C, so that one Heroku
 * worker dyno does what would otherwise take two. Each role keeps its own consumer groups, so this process shares
 * partitions with separate {@code index} and {@code alert} processes as well as with other {@code work} ones.
 */
@Command(
        name = "work",
        mixinStandardHelpOptions = true,
        versionProvider = ShipperVersion.class,
        description = {
            "Runs alert and index in one JVM: one worker dyno instead of two.",
            "When either stops on its own, both stop and the exit code is 1. Runs until SIGTERM."
        })
final class WorkCommand implements ShipperCommand {

    @Override
    public Roles.Plan configuration(Map<String, String> environment) {
        // The alerter first: it reads its rules file as it starts, and a bad one should stop us before anything runs.
        return Roles.plan(environment, AlertCommand::role, IndexCommand::role);
    }

    @Override
    public Integer call() throws Exception {
        return Roles.run(configuration(System.getenv()));
    }
}
