package io.herokuelk.shipper.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which datasets an app's own lines may name ({@code "event.dataset":"app.request"}). A drain is untrusted input: a
 * dataset picks the data stream ({@code logs-<dataset>-<namespace>}), so a free choice would let one app create
 * indices without bound, write into Heroku's own datasets (and be read by the alerter as router lines), or clash
 * with the mappings of others. The rule:
 * <ul>
 *   <li>only names in this allow-list ({@code APP_DATASETS}, default {@link #DEFAULTS}, the datasets the bundled app
 *       writes), each {@code app.} followed by lower-case letters, digits, {@code _} and dots, so that every one is
 *       covered by the {@code logs-app.*-*} template that {@code setup} installs;</li>
 *   <li>anything else goes to {@code heroku.app}, the value asked for kept in {@code heroku.requested_dataset} and
 *       the document tagged {@link #TAG_REFUSED}.</li>
 * </ul>
 */
public record AppDatasets(Set<String> allowed) {

    public static final List<String> DEFAULTS = List.of("app.request", "app.memory", "app.lifecycle");
    public static final String TAG_REFUSED = "heroku_dataset_refused";
    /** Elastic's naming rules for a dataset, inside the {@code app.} namespace of the template. */
    static final Pattern NAME = Pattern.compile("app(\\.[a-z0-9_]+)+");
    /** A data stream name may have 255 bytes; this leaves room for {@code logs-}, the namespace (100) and dashes. */
    static final int MAX_LENGTH = 100;

    public AppDatasets {
        allowed = Set.copyOf(allowed);
    }

    public static AppDatasets defaults() {
        return new AppDatasets(Set.copyOf(DEFAULTS));
    }

    /** Why {@code name} cannot be allowed, or {@code null} when it can. */
    public static String problem(String name) {
        if (name.length() > MAX_LENGTH) {
            return name + " is longer than " + MAX_LENGTH + " characters";
        }
        return NAME.matcher(name).matches()
                ? null
                : name + " is not app. followed by lower-case letters, digits, _ and dots";
    }

    /** Reads {@code a,b,c}; the problems of the names that cannot be allowed go to {@code problems}. */
    public static AppDatasets parse(String list, List<String> problems) {
        List<String> names = new ArrayList<>();
        for (String item : list.split(",")) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            String problem = problem(name);
            if (problem == null) {
                names.add(name);
            } else {
                problems.add(problem);
            }
        }
        return new AppDatasets(Set.copyOf(names));
    }

    boolean allows(String dataset) {
        return allowed.contains(dataset);
    }
}
