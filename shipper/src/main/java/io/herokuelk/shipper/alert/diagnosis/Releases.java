package io.herokuelk.shipper.alert.diagnosis;

import io.herokuelk.shipper.alert.model.Observation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last release of each app, from Heroku's API lines ({@code app[api]: Release v42 created by user ...},
 * {@code Deploy 1a2b3c4d by user ...}): an R14 soon after a release points at what the release changed.
 */
public final class Releases {

    /** A release of the app and when Heroku logged it. */
    public record Release(String version, Instant at) {}

    private static final Pattern RELEASE = Pattern.compile("(?:Release (v\\d+) created|Deploy (\\S+)) by .*");
    private static final int MAX_APPS = 10_000;

    private final Map<String, Release> last = new LinkedHashMap<>();

    /** Records the release an observation announces, if any. */
    public void record(Observation o) {
        if (!"api".equals(o.dyno()) || o.message() == null || o.app() == null) {
            return;
        }
        Matcher m = RELEASE.matcher(o.message());
        if (!m.matches()) {
            return;
        }
        String version = m.group(1) != null ? m.group(1) : m.group(2);
        Release before = last.get(o.app());
        if (before != null
                && before.version().startsWith("v")
                && !version.startsWith("v")
                && !o.timestamp().isAfter(before.at().plusSeconds(60))) {
            return; // a deploy line beside its release line: the release names it
        }
        last.remove(o.app());
        last.put(o.app(), new Release(version, o.timestamp()));
        if (last.size() > MAX_APPS) {
            last.remove(last.keySet().iterator().next());
        }
    }

    /** The app's last release at or before {@code at}, or null. */
    public Release before(String app, Instant at) {
        Release release = last.get(app);
        return release != null && !release.at().isAfter(at) ? release : null;
    }
}
