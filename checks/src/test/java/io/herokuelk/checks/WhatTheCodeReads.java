package io.herokuelk.checks;

import io.herokuelk.devstack.stack.DrainCredentials;
import io.herokuelk.devstack.stack.LocalStack;
import io.herokuelk.devstack.stack.StackSettings;
import io.herokuelk.shipper.Main;
import io.herokuelk.shipper.ShipperCommand;
import io.herokuelk.shipper.config.RecordingEnvironment;
import io.herokuelk.shipper.config.SampleEnvironments;
import io.herokuelk.standin.StandInSettings;
import io.herokuelk.standin.demo.DemoSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every environment variable the code reads, per program: the readers each program starts with, run over sample
 * environments that note what they are asked ({@link RecordingEnvironment}), plus what the module's Logback
 * configuration substitutes ({@code ${LOG_LEVEL:-INFO}}). No list of what is read is kept here: the names come from
 * the code as it runs.
 *
 * <p>A program's process environment enters in one place, {@code System.getenv()} handed to the reader driven here;
 * {@link EnvironmentAccessTest} fails on any other read, so a new variable cannot bypass this.
 *
 * <p><b>To add a module, or a program of one</b>, add a {@link Module} below (or a {@link Program} to one) with: the
 * places ({@link HandOff}) where its code hands {@code System.getenv()} to its reader; a {@link Program} per entry
 * point, which calls that reader with the environment and arguments it is given and names the section whose
 * {@code | variable |} tables document its variables; and samples. A variable read only once another is set (TLS
 * material once TLS is on) needs a sample that sets the other; samples must be valid configurations, so that every
 * reader runs to its end. {@link DocumentedVariablesTest} then holds each section to what its programs read,
 * both ways.
 */
final class WhatTheCodeReads {

    private static final DocumentedVariables QUICK_START =
            new DocumentedVariables("docs/operations.md", "## The local stack");
    private static final List<Module> MODULES = List.of(devstack(), shipper(), app(), standin());

    private WhatTheCodeReads() {}

    static List<Module> modules() {
        return MODULES;
    }

    static Module module(String name) {
        return MODULES.stream()
                .filter(module -> module.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No module " + name + " in WhatTheCodeReads"));
    }

    /**
     * @param name     the Maven module
     * @param handOffs where its code hands the process environment to the readers of {@code programs}
     * @param programs its entry points
     * @param samples  environments the readers run over; together they reach every branch that reads
     */
    record Module(String name, List<HandOff> handOffs, List<Program> programs, List<Map<String, String>> samples) {

        Program program(String programName) {
            return programs.stream()
                    .filter(program -> program.name().equals(programName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " has no program " + programName));
        }

        /** What a program reads: its readers over every sample, and the logging configuration. */
        Set<String> reads(Program program) {
            Set<String> names = new TreeSet<>(loggingVariables());
            for (Map<String, String> sample : samples) {
                RecordingEnvironment environment = new RecordingEnvironment(sample);
                try {
                    program.reader().read(environment, List.of());
                } catch (Exception e) {
                    throw new AssertionError(
                            name + " " + program.name() + " refuses a sample environment (samples"
                                    + " must be valid, so that the reader runs to its end): " + e.getMessage(),
                            e);
                }
                names.addAll(environment.asked());
            }
            return names;
        }

        /** {@code ${NAME}} and {@code ${NAME:-default}} in the module's Logback files: Logback reads them. */
        Set<String> loggingVariables() {
            Path resources = Repository.path(name + "/src/main/resources");
            if (!Files.isDirectory(resources)) {
                return Set.of();
            }
            Pattern substitution = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:-[^}]*)?}");
            try (Stream<Path> files = Files.walk(resources)) {
                Set<String> names = new TreeSet<>();
                files.filter(file -> file.getFileName().toString().matches("logback.*\\.xml"))
                        .forEach(file -> {
                            try {
                                substitution
                                        .matcher(Files.readString(file))
                                        .results()
                                        .forEach(m -> names.add(m.group(1)));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                return names;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A place where {@code System.getenv()} is handed to a reader.
     *
     * @param file from the repository root
     * @param code the code of the hand-off, as it stands on its line
     */
    record HandOff(String file, String code) {}

    /**
     * An entry point and the reader it starts with.
     *
     * @param name          {@code ingest}, {@code app}, ...: for shipper commands, the command
     * @param documentation the documentation section that documents its variables
     * @param reader        reads and checks the configuration, starting nothing
     */
    record Program(String name, DocumentedVariables documentation, Reader reader) {}

    /** Reads a program's configuration from an environment and its arguments; returns what it read. */
    @FunctionalInterface
    interface Reader {
        Object read(Map<String, String> environment, List<String> args) throws Exception;
    }

    /** The local stack: its settings, its drain credentials and the environment of its shipper. */
    private static Module devstack() {
        Path directory = temporaryDirectory("stack");
        Reader localStack = (environment, args) -> {
            StackSettings settings = StackSettings.fromEnvironment(environment);
            String credentials = DrainCredentials.resolve(environment, settings.directory());
            DrainCredentials.inShell(environment, settings.directory());
            return LocalStack.services(settings, Path.of("shipper.jar"), credentials, environment);
        };
        return new Module(
                "devstack",
                List.of(new HandOff(
                        "devstack/src/main/java/io/herokuelk/devstack/stack/LocalStack.java",
                        "Map<String, String> environment = System.getenv();")),
                List.of(new Program("local stack", QUICK_START, localStack)),
                List.of(
                        Map.of("STACK_DIR", directory.toString()),
                        Map.of(
                                "STACK_DIR",
                                directory.toString(),
                                "DRAIN_CREDENTIALS",
                                "local:sample-password-0123456789")));
    }

    /** Every command of {@code shipper.jar}, as {@link Main#commands()} has them. */
    private static Module shipper() {
        DocumentedVariables documentation = new DocumentedVariables("docs/operations.md", "## The shipper");
        List<Program> programs = new ArrayList<>();
        List<HandOff> handOffs = new ArrayList<>();
        for (Map.Entry<String, ShipperCommand> command : Main.commands().entrySet()) {
            programs.add(new Program(
                    command.getKey(),
                    documentation,
                    (environment, args) -> command.getValue().configuration(environment)));
            handOffs.add(new HandOff(
                    "shipper/src/main/java/"
                            + command.getValue().getClass().getName().replace('.', '/') + ".java",
                    "configuration(System.getenv())"));
        }
        return new Module("shipper", handOffs, programs, SampleEnvironments.all());
    }

    /** {@code app.jar}. */
    private static Module app() {
        return new Module(
                "app",
                List.of(new HandOff(
                        "app/src/main/java/io/herokuelk/app/config/AppConfig.java", "return from(System.getenv());")),
                List.of(new Program(
                        "app",
                        new DocumentedVariables("app/README.md", "## Configuration"),
                        (environment, args) -> AppClasses.readConfig(environment))),
                List.of(Map.of()));
    }

    /**
     * {@code standin.jar} (its own variables; the rest of its environment is the app's config vars), and the demo of
     * {@code ./dev run}, which reads what the local stack reads. The demo's main method reads inline, so its reader
     * here makes the same calls.
     */
    private static Module standin() {
        Path directory = temporaryDirectory("demo");
        Reader demo = (environment, args) -> {
            DemoSettings settings = DemoSettings.fromEnvironment(environment);
            String credentials = DrainCredentials.resolve(
                    settings.environment(), settings.stack().directory());
            return LocalStack.services(settings.stack(), Path.of("shipper.jar"), credentials, settings.environment());
        };
        return new Module(
                "standin",
                List.of(
                        new HandOff(
                                "standin/src/main/java/io/herokuelk/standin/Main.java",
                                "settings = StandInSettings.fromEnvironment(System.getenv());"),
                        new HandOff(
                                "standin/src/main/java/io/herokuelk/standin/demo/Demo.java",
                                "settings = DemoSettings.fromEnvironment(System.getenv());")),
                List.of(
                        new Program(
                                "standin",
                                new DocumentedVariables("docs/standin.md", "## The stand-in"),
                                (environment, args) -> StandInSettings.fromEnvironment(environment)),
                        new Program("demo", QUICK_START, demo)),
                List.of(Map.of(
                        "DRAIN_URL",
                        "http://logplex:sample@127.0.0.1:5000/logs/myapp",
                        "STACK_DIR",
                        directory.toString())));
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory("heroku-elk-" + prefix);
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The app's classes in a class loader of their own: on the test class path, its Logback configurator (a service
     * of app.jar) would take over the logging of every test in this module.
     */
    static final class AppClasses {

        private static ClassLoader loader;

        private AppClasses() {}

        static Object readConfig(Map<String, String> environment) throws Exception {
            try {
                return load("io.herokuelk.app.config.AppConfig")
                        .getMethod("from", Map.class)
                        .invoke(null, environment);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        private static synchronized Class<?> load(String name) throws Exception {
            if (loader == null) {
                Path classes = Repository.path("app/target/classes");
                if (!Files.isDirectory(classes)) {
                    throw new IllegalStateException("The app is not built: no " + classes + " (./dev build)");
                }
                loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            }
            return Class.forName(name, true, loader);
        }
    }

    /** What the programs documented in each section read, section by section. */
    static Map<DocumentedVariables, Set<String>> readsBySection() {
        Map<DocumentedVariables, Set<String>> reads = new LinkedHashMap<>();
        for (Module module : MODULES) {
            for (Program program : module.programs()) {
                reads.computeIfAbsent(program.documentation(), section -> new TreeSet<>())
                        .addAll(module.reads(program));
            }
        }
        return reads;
    }
}
