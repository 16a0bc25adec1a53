package io.herokuelk.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} as data (merge keys resolved), and {@code .env.example}, whose values stand in for
 * {@code .env} when a service's variables are read the way Compose would substitute them.
 */
final class ComposeFile {

    static final String FILE = "docker-compose.yml";
    static final String ENV_EXAMPLE = ".env.example";

    /** {@code $$}, or {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?error}}... */
    private static final Pattern SUBSTITUTION =
            Pattern.compile("\\$(?:(\\$)|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?})");

    private final String text;
    private final Map<String, Object> root;
    private final Map<String, String> envExample;

    private ComposeFile(String text, Map<String, Object> root, Map<String, String> envExample) {
        this.text = text;
        this.root = root;
        this.envExample = envExample;
    }

    static ComposeFile load() {
        String text = Repository.read(FILE);
        Map<String, Object> root = new Yaml(new LoaderOptions()).load(text);
        return new ComposeFile(text, root, envFile(Repository.read(ENV_EXAMPLE)));
    }

    Map<String, Service> services() {
        Map<String, Service> services = new LinkedHashMap<>();
        map(root.get("services")).forEach((name, definition) -> services.put(name, new Service(name, map(definition))));
        return services;
    }

    /** Every variable the file substitutes, {@code $$} escapes left out. */
    Set<String> referencedVariables() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SUBSTITUTION.matcher(text);
        while (matcher.find()) {
            if (matcher.group(2) != null) {
                names.add(matcher.group(2));
            }
        }
        return names;
    }

    Map<String, String> envExample() {
        return envExample;
    }

    /** A value as Compose makes it with {@code .env.example} for {@code .env}. */
    String substitute(String value) {
        Matcher matcher = SUBSTITUTION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement(matcher)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String replacement(Matcher matcher) {
        if (matcher.group(1) != null) {
            return "$";
        }
        String value = envExample.get(matcher.group(2));
        String operator = matcher.group(3);
        String argument = matcher.group(4);
        boolean unset = value == null;
        boolean empty = unset || value.isEmpty();
        if (operator == null) {
            return unset ? "" : value;
        }
        return switch (operator) {
            case ":-" -> empty ? argument : value;
            case "-" -> unset ? argument : value;
            case ":?", "?" -> {
                if (operator.equals(":?") ? empty : unset) {
                    throw new IllegalStateException(matcher.group(2) + ": " + argument);
                }
                yield value;
            }
            default -> throw new IllegalStateException("unknown substitution " + matcher.group());
        };
    }

    /** {@code NAME=value} lines; comments and blank lines left out. */
    static Map<String, String> envFile(String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalStateException(ENV_EXAMPLE + " has a line that is no NAME=value: " + line);
            }
            variables.put(
                    trimmed.substring(0, equals).strip(),
                    trimmed.substring(equals + 1).strip());
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /** One service of the file. */
    record Service(String name, Map<String, Object> definition) {

        boolean builtHere() {
            return definition.containsKey("build");
        }

        String image() {
            return (String) definition.get("image");
        }

        /** The command as a list of words, as the file gives it (always a list here). */
        List<String> command() {
            Object command = definition.get("command");
            if (command == null) {
                return List.of();
            }
            if (!(command instanceof List<?> words)) {
                throw new IllegalStateException(name + ": write the command as a list, so no shell splits it");
            }
            return words.stream().map(String::valueOf).toList();
        }

        /** The variables as written, values unsubstituted. */
        Map<String, String> environment() {
            Object environment = definition.get("environment");
            Map<String, String> variables = new LinkedHashMap<>();
            if (environment instanceof Map<?, ?> entries) {
                entries.forEach((key, value) ->
                        variables.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
            } else if (environment instanceof List<?> lines) {
                for (Object line : lines) {
                    String text = String.valueOf(line);
                    int equals = text.indexOf('=');
                    variables.put(
                            equals < 0 ? text : text.substring(0, equals),
                            equals < 0 ? null : text.substring(equals + 1));
                }
            }
            return variables;
        }

        Map<String, Object> healthcheck() {
            return map(definition.get("healthcheck"));
        }

        /** The services this one waits for, with their conditions. */
        Map<String, String> dependsOn() {
            Object dependsOn = definition.get("depends_on");
            Map<String, String> conditions = new LinkedHashMap<>();
            if (dependsOn instanceof List<?> names) {
                names.forEach(dependency -> conditions.put(String.valueOf(dependency), "service_started"));
            } else if (dependsOn instanceof Map<?, ?> entries) {
                entries.forEach((dependency, condition) -> conditions.put(
                        String.valueOf(dependency),
                        String.valueOf(map(condition).getOrDefault("condition", "service_started"))));
            }
            return conditions;
        }

        /** The jar after {@code -jar}, and the words after it: empty when the command runs no jar. */
        List<String> jarAndArguments() {
            List<String> command = command();
            int jar = command.indexOf("-jar");
            return jar < 0 || jar + 1 >= command.size()
                    ? List.of()
                    : new ArrayList<>(command.subList(jar + 1, command.size()));
        }
    }
}
