package io.herokuelk.shipper.alert.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the alert rules file into {@link RulesConfig}: {@code ALERT_RULES_FILE} when set, else the defaults shipped
 * in {@code alert-rules.yml}, knowing the rule types it is given. The YAML is composed into nodes (not bound to
 * objects) so that every problem can name its line; all problems are reported together in one
 * {@link RuleConfigException}.
 */
public final class RulesFileLoader {

    public static final String ENVIRONMENT_VARIABLE = "ALERT_RULES_FILE";
    public static final String DEFAULT_RESOURCE = "/alert-rules.yml";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Map<String, RuleSchema> types = new LinkedHashMap<>();

    public RulesFileLoader(Collection<? extends RuleSchema> types) {
        for (RuleSchema type : types) {
            this.types.put(type.name(), type);
        }
    }

    /** The file named by {@code ALERT_RULES_FILE} (as the caller read it), or the shipped defaults without one. */
    public RulesConfig load(Optional<String> file) {
        return file.filter(f -> !f.isBlank()).map(f -> load(Path.of(f.trim()))).orElseGet(this::loadDefaults);
    }

    public RulesConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleConfigException(
                    file.toString(),
                    List.of(new RuleConfigException.Problem(0, "cannot be read (" + ENVIRONMENT_VARIABLE + "): " + e)));
        }
        return parse(text, file.toString());
    }

    public RulesConfig loadDefaults() {
        try (InputStream in = RulesFileLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The default alert rules " + DEFAULT_RESOURCE + " are not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("The default alert rules could not be read", e);
        }
    }

    /** Parses rules text; {@code source} names it in messages. */
    public RulesConfig parse(String text, String source) {
        Problems problems = new Problems();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            // The parser notices late (an unclosed '[' shows on the next line); its context says where it began.
            String context = e.getContext() == null || e.getContextMark() == null
                    ? ""
                    : " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1) + ")";
            problems.add(line, "is not valid YAML: " + e.getProblem() + context);
            problems.throwIfAny(source);
            throw new AssertionError();
        } catch (YAMLException e) {
            problems.add(0, "is not valid YAML: " + e.getMessage());
            problems.throwIfAny(source);
            throw new AssertionError();
        }
        if (root == null) {
            problems.add(1, "is empty: it needs at least 'rules:' (an empty list switches alerting off)");
            problems.throwIfAny(source);
        }
        RulesConfig config = new FileReader(problems).read(root);
        problems.throwIfAny(source);
        return config;
    }

    /** One pass over one file. */
    private final class FileReader {

        private final Problems problems;
        private final Map<String, Integer> nameLines = new HashMap<>();

        FileReader(Problems problems) {
            this.problems = problems;
        }

        RulesConfig read(Node root) {
            YamlMapping top = YamlMapping.of(root, "the rules file", problems);
            if (top == null) {
                return null;
            }
            Duration cooldown = RulesConfig.DEFAULT_COOLDOWN;
            Duration realert = RulesConfig.DEFAULT_REALERT;
            YamlMapping defaults = optionalMapping(top, "defaults");
            if (defaults != null) {
                cooldown = defaults.duration("cooldown", cooldown);
                realert = defaults.duration("realert", realert);
                defaults.rejectUnknown();
            }
            RulesConfig.Context context = RulesConfig.Context.DEFAULTS;
            YamlMapping contextYaml = optionalMapping(top, "context");
            if (contextYaml != null) {
                context = new RulesConfig.Context(
                        contextYaml.integer("memory_samples", context.memorySamples(), 0, 1000),
                        contextYaml.duration("paths_window", context.pathsWindow()),
                        contextYaml.integer("top_paths", context.topPaths(), 0, 100));
                contextYaml.rejectUnknown();
            }
            RulesConfig.Limits limits = RulesConfig.Limits.DEFAULTS;
            YamlMapping limitsYaml = optionalMapping(top, "limits");
            if (limitsYaml != null) {
                limits = new RulesConfig.Limits(
                        limitsYaml.integer("max_dynos", limits.maxDynos(), 1, 10_000_000),
                        limitsYaml.integer("max_requests_per_dyno", limits.maxRequestsPerDyno(), 0, 1_000_000));
                limitsYaml.rejectUnknown();
            }
            List<RuleConfig> rules = new ArrayList<>();
            Node rulesNode = top.node("rules");
            if (rulesNode == null) {
                problems.add(top.line(), "has no 'rules:' list (an empty list switches alerting off)");
            } else if (rulesNode instanceof SequenceNode sequence) {
                for (Node ruleNode : sequence.getValue()) {
                    RuleConfig rule = rule(ruleNode, cooldown, realert);
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            } else if (!(rulesNode instanceof ScalarNode scalar
                    && scalar.getValue().isEmpty())) {
                problems.add(rulesNode, "'rules' must be a list of rules, each starting with '- name:'");
            }
            top.rejectUnknown();
            return new RulesConfig(context, limits, rules);
        }

        private YamlMapping optionalMapping(YamlMapping parent, String key) {
            Node node = parent.node(key);
            return node == null ? null : YamlMapping.of(node, "'" + key + "'", problems);
        }

        private RuleConfig rule(Node node, Duration defaultCooldown, Duration defaultRealert) {
            if (!(node instanceof MappingNode mapping)) {
                problems.add(node, "a rule must be a mapping starting with 'name:'");
                return null;
            }
            // A first look for the name only (its problems are reported below), so that messages can name the rule.
            String peeked = new YamlMapping(mapping, "a rule", new Problems()).string("name", null);
            String where = peeked == null ? "the rule at line " + Problems.line(node) : "rule '" + peeked + "'";
            YamlMapping yaml = new YamlMapping(mapping, where, problems);
            String name = yaml.string("name", null);
            if (name == null) {
                problems.add(yaml.line(), "a rule has no 'name'");
            } else if (!NAME.matcher(name).matches()) {
                problems.add(
                        yaml.node("name"), "rule name '" + name + "' may hold only letters, digits, '-', '_' and '.'");
            } else if (nameLines.putIfAbsent(name, yaml.lineOf("name")) != null) {
                problems.add(
                        yaml.node("name"),
                        "duplicate rule name '" + name + "' (first at line " + nameLines.get(name) + ")");
            }
            String type = yaml.string("type", null);
            RuleSchema schema = type == null ? null : types.get(type);
            if (type == null) {
                problems.add(yaml.line(), where + " has no 'type' (one of " + String.join(", ", types.keySet()) + ")");
            } else if (schema == null) {
                String suggestion = Suggestions.closest(type, types.keySet());
                problems.add(
                        yaml.node("type"),
                        "unknown rule type '" + type + "' in " + where
                                + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                                + " (known: " + String.join(", ", types.keySet()) + ")");
            }
            String severity = yaml.string("severity", schema == null ? RuleConfig.WARNING : schema.defaultSeverity());
            if (!severity.equals(RuleConfig.WARNING) && !severity.equals(RuleConfig.CRITICAL)) {
                problems.add(
                        yaml.node("severity"),
                        "'severity' in " + where + " must be warning or critical, not '" + severity + "'");
            }
            boolean enabled = yaml.bool("enabled", true);
            Scope scope = new Scope(yaml.strings("apps", List.of()), yaml.strings("dynos", List.of()));
            if (schema != null && !schema.perDyno() && !scope.dynos().isEmpty()) {
                problems.add(
                        yaml.node("dynos"),
                        "'dynos' in " + where + " has no effect: " + type + " rules watch whole apps");
            }
            Duration cooldown = yaml.duration("cooldown", defaultCooldown);
            Duration realert = yaml.duration("realert", defaultRealert);
            if (schema == null) {
                // Without a type the other keys cannot be checked; the type problem is the one to fix first.
                return null;
            }
            RuleSettings settings = schema.options().read(yaml, schema.options().defaults());
            List<AppOverride> overrides = overrides(yaml, schema, settings, enabled, where);
            yaml.rejectUnknown();
            return new RuleConfig(
                    name, type, severity, enabled, scope, cooldown, realert, settings, overrides, yaml.line());
        }

        private List<AppOverride> overrides(
                YamlMapping rule, RuleSchema schema, RuleSettings ruleSettings, boolean ruleEnabled, String where) {
            Node node = rule.node("overrides");
            if (node == null) {
                return List.of();
            }
            if (!(node instanceof SequenceNode sequence)) {
                problems.add(node, "'overrides' in " + where + " must be a list, each item starting with '- apps:'");
                return List.of();
            }
            List<AppOverride> overrides = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                YamlMapping yaml = YamlMapping.of(item, "an override of " + where, problems);
                if (yaml == null) {
                    continue;
                }
                List<String> apps = yaml.strings("apps", List.of());
                if (apps.isEmpty()) {
                    problems.add(yaml.line(), "an override of " + where + " needs 'apps: [..]'");
                }
                boolean enabled = yaml.bool("enabled", ruleEnabled);
                RuleSettings settings = schema.options().read(yaml, ruleSettings);
                yaml.rejectUnknown();
                overrides.add(new AppOverride(apps, enabled, settings));
            }
            return overrides;
        }
    }
}
