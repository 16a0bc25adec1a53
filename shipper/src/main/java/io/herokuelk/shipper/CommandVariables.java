package io.herokuelk.shipper;

import io.herokuelk.shipper.config.SampleEnvironments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Environment" section of a command's usage: the variables its {@link ShipperCommand#configuration} reads,
 * learned by running it over {@link SampleEnvironments} (never the process's environment), so the text cannot drift
 * from the code. Computed only when the usage is printed.
 */
final class CommandVariables {

    private static final String SECTION = "environment";
    private static final int WIDTH = 100;

    private CommandVariables() {}

    static void addTo(CommandLine line, ShipperCommand command) {
        line.getHelpSectionMap().put(SECTION, help -> render(SampleEnvironments.readBy(command::configuration)));
        List<String> keys = new ArrayList<>(line.getHelpSectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
        line.setHelpSectionKeys(keys);
    }

    static String render(Set<String> names) {
        StringBuilder text = new StringBuilder(
                "%nEnvironment (read once at start; docs/operations.md, \"The shipper\"):%n".formatted());
        StringBuilder row = new StringBuilder(" ");
        for (String name : names) {
            if (row.length() + name.length() + 1 > WIDTH) {
                text.append(row).append(System.lineSeparator());
                row = new StringBuilder(" ");
            }
            row.append(' ').append(name);
        }
        return text.append(row).append(System.lineSeparator()).toString();
    }
}
