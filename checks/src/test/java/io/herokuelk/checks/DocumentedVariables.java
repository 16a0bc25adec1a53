package io.herokuelk.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a section of the docs lists: the names in the first column of its tables headed {@code | variable |}
 * (several names may share a row, as {@code `KIBANA_USERNAME`, `KIBANA_PASSWORD`}), in the section and its
 * subsections, up to the next heading of the same or a higher level.
 *
 * @param file    the markdown file, from the repository root
 * @param heading the section's heading line, such as {@code ## The shipper}
 */
record DocumentedVariables(String file, String heading) {

    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (List<String> row : rows()) {
            Matcher matcher = NAME.matcher(row.getFirst());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The rows of the section's variable tables, as cells, without their header and separator rows. */
    List<List<String>> rows() {
        List<String> lines = section();
        List<List<String>> rows = new ArrayList<>();
        boolean inVariableTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                inVariableTable = false;
                continue;
            }
            List<String> cells = cells(line);
            boolean header = i + 1 < lines.size() && lines.get(i + 1).strip().matches("\\|[\\s|:-]+\\|");
            if (header) {
                inVariableTable = cells.getFirst().equalsIgnoreCase("variable");
                i++; // the separator row
            } else if (inVariableTable) {
                rows.add(cells);
            }
        }
        return rows;
    }

    private List<String> section() {
        List<String> all = Repository.read(file).lines().toList();
        int start = all.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException(file + " has no heading '" + heading + "'");
        }
        int level = level(heading);
        int end = start + 1;
        boolean fenced = false;
        for (; end < all.size(); end++) {
            String line = all.get(end);
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && level(line) > 0 && level(line) <= level) {
                break;
            }
        }
        return all.subList(start + 1, end);
    }

    private static int level(String line) {
        Matcher matcher = Pattern.compile("^(#+) ").matcher(line);
        return matcher.find() ? matcher.group(1).length() : 0;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        // A \| inside a cell is text, not a separator.
        return List.of(inner.split("(?<!\\\\)\\|", -1)).stream()
                .map(String::strip)
                .toList();
    }
}
