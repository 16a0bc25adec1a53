package io.herokuelk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.checks.ComposeFile.Service;
import io.herokuelk.checks.WhatTheCodeReads.Module;
import io.herokuelk.checks.WhatTheCodeReads.Program;
import io.herokuelk.shipper.Main;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml}, {@code .env.example} and the {@code Dockerfile} against the code: real commands, only
 * variables the program reads and all that it needs, every substituted variable in {@code .env.example}, pinned
 * images, health checks and memory limits. {@link ComposeValidationTest} holds the file to the Compose schema.
 */
class ComposeFileTest {

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void ourServicesRunRealCommandsOfJarsTheImageHolds() {
        Set<String> jarsInImage = copiedIntoImage();
        List<String> problems = new ArrayList<>();
        for (Service service : ours()) {
            List<String> command = service.command();
            List<String> jarAndArguments = service.jarAndArguments();
            if (command.isEmpty() || !command.getFirst().equals("java") || jarAndArguments.isEmpty()) {
                problems.add(service.name() + ": the command is not java ... -jar <jar> ...: " + command);
                continue;
            }
            if (!jarsInImage.contains(jarAndArguments.getFirst())) {
                problems.add(service.name() + ": the Dockerfile copies no " + jarAndArguments.getFirst());
            }
            if (jarAndArguments.getFirst().equals("shipper/target/shipper.jar")
                    && (jarAndArguments.size() < 2 || !Main.commands().containsKey(jarAndArguments.get(1)))) {
                problems.add(
                        service.name() + ": not a shipper command " + jarAndArguments.subList(1, jarAndArguments.size())
                                + "; the commands are " + Main.commands().keySet());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void commandsThatAProcfileAlsoRunsAreTheProcfilesCommands() {
        // The same JVM flags as on a dyno: the containers have a dyno's memory.
        Map<List<String>, List<String>> procfiles = new HashMap<>();
        for (String procfile : List.of("Procfile", "app/Procfile")) {
            for (String line : Repository.read(procfile).lines().toList()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    List<String> words = Arrays.stream(
                                    line.substring(colon + 1).trim().split("\\s+"))
                            .filter(word -> !word.equals("$JAVA_OPTS"))
                            .toList();
                    int jar = words.indexOf("-jar");
                    procfiles.put(words.subList(jar + 1, words.size()), words);
                }
            }
        }
        List<String> compared = new ArrayList<>();
        for (Service service : ours()) {
            List<String> procfile = procfiles.get(service.jarAndArguments());
            if (procfile != null) {
                assertThat(service.command())
                        .as("%s runs what a Procfile runs, with other flags", service.name())
                        .isEqualTo(procfile);
                compared.add(service.name());
            }
        }
        assertThat(compared).as("services compared with a Procfile line").contains("app", "ingest");
    }

    @Test
    void everyVariableOfOurServicesIsOneTheirProgramReads() {
        List<String> problems = new ArrayList<>();
        for (Service service : ours()) {
            Set<String> allowed = reads(service);
            for (String variable : service.environment().keySet()) {
                if (!allowed.contains(variable)) {
                    problems.add(service.name() + ": " + variable + " is not read by "
                            + program(service).name() + " (it reads " + allowed + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyServiceOfOursHasWhatItsProgramNeeds() throws Exception {
        // Read as the program reads at start: a missing variable fails; an address left at its default is the
        // container itself (127.0.0.1), where none of the other services is.
        for (Service service : ours()) {
            Map<String, String> environment = new LinkedHashMap<>();
            service.environment()
                    .forEach((name, value) -> environment.put(name, compose.substitute(value == null ? "" : value)));
            List<String> arguments = programArguments(service);
            Object settings;
            try {
                settings = program(service).reader().read(environment, arguments);
            } catch (Exception e) {
                throw new AssertionError(service.name() + " would not start: " + e.getMessage(), e);
            }
            assertThat(String.valueOf(settings))
                    .as("%s's settings point at the container itself", service.name())
                    .doesNotContain("127.0.0.1")
                    .doesNotContain("localhost");
        }
    }

    @Test
    void ourServicesAreCheckedAndPublishedOnThePortsTheyAreGiven() {
        // A health check on a port the program does not listen on would keep the service unhealthy for ever.
        Pattern localPort = Pattern.compile("localhost:([0-9]+)");
        for (Service service : ours()) {
            Set<String> ports = new TreeSet<>();
            service.environment().forEach((name, value) -> {
                if (name.endsWith("PORT")) {
                    ports.add(compose.substitute(value));
                }
            });
            if (!service.healthcheck().isEmpty()) { // one-shots have none
                Matcher checked =
                        localPort.matcher(String.valueOf(service.healthcheck().get("test")));
                assertThat(checked.find())
                        .as("%s's health check asks localhost:<port>", service.name())
                        .isTrue();
                assertThat(ports)
                        .as("%s's *PORT variables against its health check", service.name())
                        .contains(checked.group(1));
            }
            for (Object published : (List<?>) service.definition().getOrDefault("ports", List.of())) {
                String mapping = compose.substitute(String.valueOf(published));
                assertThat(ports)
                        .as("%s publishes %s", service.name(), mapping)
                        .contains(mapping.substring(mapping.lastIndexOf(':') + 1));
            }
        }
    }

    @Test
    void everySubstitutedVariableIsInEnvExampleAndNothingElse() {
        assertThat(compose.envExample().keySet())
                .as("%s against what %s substitutes", ComposeFile.ENV_EXAMPLE, ComposeFile.FILE)
                .containsExactlyInAnyOrderElementsOf(compose.referencedVariables());
    }

    @Test
    void everyVariableInEnvExampleIsExplainedAndNoSecretIsReal() {
        List<String> lines = Repository.read(ComposeFile.ENV_EXAMPLE).lines().toList();
        List<String> unexplained = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank() || lines.get(i).startsWith("#")) {
                continue;
            }
            int above = i - 1;
            while (above >= 0
                    && !lines.get(above).isBlank()
                    && !lines.get(above).startsWith("#")) {
                above--; // a group of variables under one comment
            }
            if (above < 0 || !lines.get(above).startsWith("#")) {
                unexplained.add(lines.get(i));
            }
        }
        assertThat(unexplained).as("variables without a comment above them").isEmpty();
        compose.envExample().forEach((name, value) -> {
            if (name.matches(".*(PASSWORD|KEY|SECRET|TOKEN|URL|AUTHORIZATION).*")) {
                assertThat(value)
                        .as("%s: a secret is empty (off) or a change-me placeholder", name)
                        .matches("|change-me.*");
            }
        });
    }

    @Test
    void imagesArePinnedToTheVersionsTheBuildUses() {
        Map<String, Service> services = compose.services();
        String elastic = Repository.pomProperty("elasticsearch.version");
        assertThat(services.get("kafka").image()).isEqualTo("apache/kafka:" + Repository.pomProperty("kafka.version"));
        assertThat(services.get("elasticsearch").image())
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + elastic);
        assertThat(services.get("kibana").image()).isEqualTo("docker.elastic.co/kibana/kibana:" + elastic);
        for (Service service : services.values()) {
            assertThat(service.image()).as("%s's image", service.name()).matches("[^:]+:[0-9][^:]*");
            if (service.builtHere()) {
                assertThat(service.image()).isEqualTo("heroku-elk:" + Repository.version());
            }
        }
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Repository.read("Dockerfile"));
        List<String> bases = new ArrayList<>();
        while (from.find()) {
            bases.add(from.group(1));
        }
        String java = Repository.pomProperty("maven.compiler.release");
        assertThat(bases)
                .as("the Dockerfile's base images: pinned, with the Java the build targets")
                .hasSize(2)
                .allMatch(image -> image.matches("[^:]+:[0-9]+\\.[0-9]+[^:]*"))
                .anyMatch(image -> image.matches("maven:3\\.9\\.[0-9]+-eclipse-temurin-" + java))
                .anyMatch(image -> image.matches("eclipse-temurin:" + java + "\\.[0-9._]+-jre"));
    }

    @Test
    void longRunningServicesHaveHealthChecksAndEveryServiceAMemoryLimit() {
        Map<String, Service> services = compose.services();
        Set<String> oneShots = new TreeSet<>();
        services.values()
                .forEach(service -> service.dependsOn().forEach((dependency, condition) -> {
                    if (condition.equals("service_completed_successfully")) {
                        oneShots.add(dependency);
                    }
                }));
        assertThat(oneShots).as("one-shot services").isNotEmpty();
        for (Service service : services.values()) {
            assertThat(service.definition())
                    .as("%s's memory limit", service.name())
                    .containsKey("mem_limit");
            if (oneShots.contains(service.name())) {
                assertThat(service.definition().get("restart"))
                        .as("%s runs once", service.name())
                        .isEqualTo("no");
            } else {
                assertThat(service.healthcheck())
                        .as("%s's health check", service.name())
                        .containsKey("test")
                        .doesNotContainEntry("disable", true);
            }
        }
    }

    private List<Service> ours() {
        List<Service> ours =
                compose.services().values().stream().filter(Service::builtHere).toList();
        assertThat(ours).as("services built from the Dockerfile").isNotEmpty();
        return ours;
    }

    /** The module whose jar the service runs: the first folder of the jar's path. */
    private static Module module(Service service) {
        String jar = service.jarAndArguments().getFirst();
        return WhatTheCodeReads.module(jar.substring(0, jar.indexOf('/')));
    }

    /** The shipper's command named by the first argument; any other module's program named after the module. */
    private static Program program(Service service) {
        Module module = module(service);
        List<String> jarAndArguments = service.jarAndArguments();
        return module.name().equals("shipper") ? module.program(jarAndArguments.get(1)) : module.program(module.name());
    }

    private static List<String> programArguments(Service service) {
        List<String> jarAndArguments = service.jarAndArguments();
        return jarAndArguments.subList(module(service).name().equals("shipper") ? 2 : 1, jarAndArguments.size());
    }

    /** What the service's program reads; the stand-in hands the rest of its environment on to the app's dynos. */
    private static Set<String> reads(Service service) {
        Module module = module(service);
        Set<String> reads = new TreeSet<>(module.reads(program(service)));
        if (module.name().equals("standin")) {
            Module app = WhatTheCodeReads.module("app");
            reads.addAll(app.reads(app.program("app")));
        }
        return reads;
    }

    /** Where the Dockerfile puts what the build stage made. */
    private static Set<String> copiedIntoImage() {
        Matcher copy = Pattern.compile("(?m)^COPY\\s+--from=build\\s+\\S+\\s+(\\S+)\\s*$")
                .matcher(Repository.read("Dockerfile"));
        Set<String> paths = new TreeSet<>();
        while (copy.find()) {
            paths.add(copy.group(1));
        }
        return paths;
    }
}
