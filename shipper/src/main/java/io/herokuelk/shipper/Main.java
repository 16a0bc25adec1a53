package io.herokuelk.shipper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.herokuelk.shipper.config.ConfigurationException;

/**
 * {@code java -jar shipper.jar <command>}: the one entry point. Configuration comes from the environment.
 *
 * <pre>
 *   ingest   receive Heroku drains (HTTPS on $PORT, syslog on SYSLOG_TCP_PORT / SYSLOG_TLS_PORT) into Kafka
 *   parse    print the documents a drain body, syslog stream or file of lines becomes (stdin or a file)
 *   index    index the events from Kafka into Elasticsearch data streams (one member of a consumer group)
 *   replay   re-index the events of a time range from the topic, with progress
 *   alert    evaluate the alert rules on the stream and deliver notifications (Slack, webhook, PagerDuty, log)
 *   work     alert and index in one process (one Heroku worker dyno for both)
 * </pre>
 */
public final class Main {

    private Main() {
    }

    /** Every command by name; also what the checks of the README and docker-compose.yml know as commands. */
    public static Map<String, ShipperCommand> commands() {
        Map<String, ShipperCommand> commands = new LinkedHashMap<>();
        commands.put("ingest", new IngestCommand());
        commands.put("parse", new ParseCommand());
        commands.put("setup", new io.herokuelk.shipper.setup.SetupCommand());
        commands.put("index", new IndexCommand());
        commands.put("replay", new ReplayCommand());
        commands.put("alert", new AlertCommand());
        commands.put("work", new WorkCommand());
        return commands;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, ShipperCommand> commands = commands();
        String name = args.length == 0 ? "ingest" : args[0];
        ShipperCommand command = commands.get(name);
        if (command == null) {
            System.err.println("Unknown command '" + name + "'. Commands: " + String.join(", ", commands.keySet()));
            return 2;
        }
        try {
            return command.run(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println(name + " failed: " + e);
            return 1;
        }
    }
}
