package io.herokuelk.shipper;

import java.util.List;
import java.util.Map;

import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;

/**
 * {@code work}: the {@code alert} and {@code index} roles in one JVM, until SIGTERM or Ctrl-C, so that one Heroku
 * worker dyno does what would otherwise take two. Each role keeps its own consumer groups, so this process shares
 * partitions with separate {@code index} and {@code alert} processes as well as with other {@code work} ones.
 */
final class WorkCommand implements ShipperCommand {

    @Override
    public Roles.Plan configuration(Map<String, String> environment, String[] args) {
        Environment env = new Environment(environment);
        KafkaSettings kafka = KafkaSettings.from(env);
        // The alerter first: it reads its rules file as it starts, and a bad one should stop us before anything runs.
        List<Role> roles = List.of(AlertCommand.role(env, kafka), IndexCommand.role(env, kafka));
        var metricsPort = Roles.metricsPort(env);
        env.validate();
        return new Roles.Plan(roles, metricsPort);
    }

    @Override
    public int run(String[] args) throws Exception {
        return Roles.run(configuration(System.getenv(), args));
    }
}
