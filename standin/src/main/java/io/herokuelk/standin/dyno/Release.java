package io.herokuelk.standin.dyno;

import java.util.List;
import java.util.Map;

/**
 * What a dyno runs: a Procfile command (run through {@code bash -c}, as Heroku does, so {@code $PORT} and
 * {@code $JAVA_OPTS} expand), the app's config vars, and how many copies of the command each dyno runs.
 *
 * <p>{@code processes > 1} is the Java analogue of a pre-forking server's workers (Gunicorn's
 * {@code WEB_CONCURRENCY}): each copy is its own JVM on its own port behind the dyno, and the dyno's memory is the
 * sum of them all, as Heroku measures a dyno.
 *
 * @param version   a label such as {@code v12}, printed in the dyno manager's lines
 * @param command   the shell command, such as {@code java -Xmx96m -jar app/target/app.jar}
 * @param configVars the app's environment (Heroku config vars), on top of the dyno's own ({@code PORT}, {@code DYNO})
 * @param processes copies of the command per dyno, at least 1
 */
public record Release(String version, String command, Map<String, String> configVars, int processes) {

    public Release {
        if (processes < 1) {
            throw new IllegalArgumentException("A dyno runs at least one process, not " + processes);
        }
        configVars = Map.copyOf(configVars);
    }

    /** The {@code web:} line of a Procfile, or an error naming the file's problem. */
    public static String webCommand(List<String> procfileLines) {
        return procfileLines.stream()
                .map(String::strip)
                .filter(line -> line.startsWith("web:"))
                .map(line -> line.substring("web:".length()).strip())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The Procfile has no web: process type"));
    }
}
