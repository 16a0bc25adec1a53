package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a JDK of at least a given feature version (Elasticsearch 9 needs 21) without the user's help. */
public final class Jdk {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private Jdk() {}

    /**
     * The running JVM when it is recent enough, else the newest JDK under {@code /usr/lib/jvm}. No variable is read:
     * this code itself runs on 21 or newer, which is what Elasticsearch 9 asks for, and {@code ./dev} has already
     * chosen that JDK from {@code JAVA_HOME}, the {@code java} on the path or {@code /usr/lib/jvm}.
     */
    public static Path find(int minimumFeature) throws ServiceStartException {
        if (Runtime.version().feature() >= minimumFeature) {
            return Path.of(System.getProperty("java.home"));
        }
        for (Path home : installedJdks()) {
            if (featureVersion(home).orElse(0) >= minimumFeature && Files.isExecutable(home.resolve("bin/java"))) {
                return home;
            }
        }
        throw new ServiceStartException("No JDK " + minimumFeature + " or newer was found (looked at the running JVM "
                + System.getProperty("java.home") + " and " + JVM_DIR + "). Install one, for example Temurin "
                + minimumFeature + " or newer, and run with it.");
    }

    /** The feature version a JDK's {@code release} file declares. */
    static Optional<Integer> featureVersion(Path home) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Path> installedJdks() {
        if (!Files.isDirectory(JVM_DIR)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(JVM_DIR)) {
            return homes.filter(home -> !Files.isSymbolicLink(home))
                    .sorted(Comparator.comparing(
                                    (Path home) -> featureVersion(home).orElse(0))
                            .reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
