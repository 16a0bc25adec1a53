package io.herokuelk.shipper.alert.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which apps and dynos a rule watches. Empty lists mean all. Patterns are globs where {@code *} is any run of
 * characters: {@code web.*}, {@code shop-*}.
 */
public record Scope(List<String> apps, List<String> dynos) {

    public static final Scope ALL = new Scope(List.of(), List.of());

    /** Compiled globs; the keys come from the rules file only, so the map stays small. */
    private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

    public Scope {
        apps = List.copyOf(apps);
        dynos = List.copyOf(dynos);
    }

    public boolean matchesApp(String app) {
        return apps.isEmpty() || anyMatches(apps, app);
    }

    /** A dyno-scoped rule does not see events without a dyno (router H10 with {@code dyno=}). */
    public boolean matchesDyno(String dyno) {
        return dynos.isEmpty() || anyMatches(dynos, dyno);
    }

    public boolean matches(String app, String dyno) {
        return matchesApp(app) && matchesDyno(dyno);
    }

    static boolean anyMatches(List<String> globs, String value) {
        if (value == null) {
            return false;
        }
        for (String glob : globs) {
            if (GLOBS.computeIfAbsent(glob, Scope::glob).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
