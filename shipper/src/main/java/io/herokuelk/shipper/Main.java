package io.herokuelk.shipper;

import io.herokuelk.shipper.config.ConfigurationException;
import io.herokuelk.shipper.setup.SetupCommand;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar shipper.jar <command>}: the one entry point. Configuration comes from the environment
 * (twelve-factor); options are for the one-shot commands. {@code --help} of any command prints its usage and the
 * variables it reads, and starts nothing.
 */
@Command(
        name = "shipper.jar",
        mixinStandardHelpOptions = true,
        versionProvider = ShipperVersion.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Heroku log drains into Kafka and Elasticsearch, with alerts on memory trouble (R14, R15).",
        footer = {
            "",
            "Each command reads its configuration from environment variables, checks all of them at start"
                    + " and names every bad one; `shipper.jar COMMAND --help` lists the variables of a command."
        })
public final class Main implements Runnable {

    /** Exit code of a command line or configuration that cannot work, as picocli uses it for usage errors. */
    static final int USAGE_ERROR = CommandLine.ExitCode.USAGE;

    @Spec
    private CommandSpec spec;

    /** Every command by name, in the order usage lists them; also what the deployment checks know as commands. */
    public static Map<String, ShipperCommand> commands() {
        Map<String, ShipperCommand> commands = new LinkedHashMap<>();
        commands.put("ingest", new IngestCommand());
        commands.put("index", new IndexCommand());
        commands.put("alert", new AlertCommand());
        commands.put("work", new WorkCommand());
        commands.put("setup", new SetupCommand());
        commands.put("replay", new ReplayCommand());
        commands.put("diagnose", new DiagnoseCommand());
        commands.put("parse", new ParseCommand());
        return commands;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine(commands()).execute(args);
    }

    /** The command line over these command objects, with help, usage errors and failures answered as exit codes. */
    static CommandLine commandLine(Map<String, ShipperCommand> commands) {
        CommandLine line = new CommandLine(new Main());
        for (Map.Entry<String, ShipperCommand> command : commands.entrySet()) {
            line.addSubcommand(command.getKey(), command.getValue());
        }
        line.addSubcommand("help", new HelpCommand());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpWidth(110);
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            PrintWriter err = failed.getErr();
            if (e instanceof ConfigurationException) {
                err.println(e.getMessage());
                return USAGE_ERROR;
            }
            err.println(failed.getCommandName() + " failed: " + e);
            return CommandLine.ExitCode.SOFTWARE;
        });
        for (CommandLine sub : line.getSubcommands().values()) {
            if (sub.getCommand() instanceof ShipperCommand shipperCommand) {
                CommandVariables.addTo(sub, shipperCommand);
            }
        }
        return line;
    }

    /** No command: say which there are; running one by default would start a service by accident. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing a command: one of " + String.join(", ", commands().keySet()) + ", help");
    }
}
