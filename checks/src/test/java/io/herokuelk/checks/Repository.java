package io.herokuelk.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkout these tests read: the folder of the root pom, found upwards from the working directory. */
final class Repository {

    private static final Path ROOT = find();

    private Repository() {}

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A property of the root pom, such as {@code kafka.version}: one place for every version. */
    static String pomProperty(String name) {
        Matcher matcher =
                Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(read("pom.xml"));
        if (!matcher.find()) {
            throw new IllegalStateException("The root pom has no property " + name);
        }
        return matcher.group(1).trim();
    }

    /** The project's own version, as the root pom declares it. */
    static String version() {
        Matcher matcher = Pattern.compile("<artifactId>heroku-elk</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("pom.xml"));
        if (!matcher.find()) {
            throw new IllegalStateException("The root pom declares no version");
        }
        return matcher.group(1).trim();
    }

    /** The modules of the root pom, in build order. */
    static List<String> modules() {
        return Pattern.compile("<module>([^<]+)</module>")
                .matcher(read("pom.xml"))
                .results()
                .map(result -> result.group(1).trim())
                .toList();
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom)
                        && Files.readString(pom).contains("<artifactId>heroku-elk</artifactId>")
                        && Files.isRegularFile(dir.resolve("README.md"))) {
                    return dir;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException(
                "No heroku-elk checkout above " + Path.of("").toAbsolutePath());
    }
}
