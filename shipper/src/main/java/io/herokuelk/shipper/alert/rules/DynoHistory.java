package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.RulesConfig;
import io.herokuelk.shipper.alert.diagnosis.Diagnostician;
import io.herokuelk.shipper.alert.diagnosis.DynoTimeline;
import io.herokuelk.shipper.alert.diagnosis.Releases;
import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.Diagnosis;
import io.herokuelk.shipper.alert.model.Observation;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The recent past of each dyno that alerts quote: memory samples, the last {@code Process running} line and runtime
 * metrics sample, recent requests, and the dyno id (a new one means the dyno restarted). Shared by all rules, bounded
 * in dynos and per dyno.
 */
final class DynoHistory {

    /** Requests to one path, from a router line or the app's own request event. */
    record Request(Instant at, String path, double serviceMs, boolean fromRouter) {}

    static final class Dyno {
        private final Deque<MemoryReading> memory = new ArrayDeque<>();
        private final Deque<Request> requests = new ArrayDeque<>();
        private String dynoId;
        private final DynoTimeline timeline = new DynoTimeline();
        private Observation lastProcessLine;
        private Observation lastRuntimeMetrics;

        Observation lastProcessLine() {
            return lastProcessLine;
        }

        Observation lastRuntimeMetrics() {
            return lastRuntimeMetrics;
        }
    }

    private final RulesConfig.Context context;
    private final RulesConfig.Limits limits;
    private final Lru<Group, Dyno> dynos;
    private final Releases releases = new Releases();

    DynoHistory(RulesConfig.Context context, RulesConfig.Limits limits) {
        this.context = context;
        this.limits = limits;
        this.dynos = new Lru<>(limits.maxDynos());
    }

    /** Records what the event adds; true when it shows a new dyno id for the slot, that is a restart. */
    boolean record(Observation o) {
        if (o.dyno() == null) {
            return false;
        }
        releases.record(o);
        Dyno dyno = dynos.computeIfAbsent(new Group(o.app(), o.dyno()), group -> new Dyno());
        dyno.timeline.record(o);
        boolean newDynoId = false;
        if (o.dynoId() != null && !o.isRouter()) {
            newDynoId = dyno.dynoId != null && !dyno.dynoId.equals(o.dynoId());
            dyno.dynoId = o.dynoId();
        }
        if (o.processMb() != null) {
            dyno.lastProcessLine = o;
        }
        MemoryReading reading = MemoryReading.of(o);
        if (reading != null && "heroku.runtime_metrics".equals(o.dataset())) {
            dyno.lastRuntimeMetrics = o;
        }
        if (reading != null && reading.usedMb() != null) {
            append(dyno.memory, reading, Math.max(1, context.memorySamples()));
        }
        Request request = request(o);
        if (request != null && limits.maxRequestsPerDyno() > 0) {
            Instant horizon = o.timestamp().minus(context.pathsWindow());
            while (!dyno.requests.isEmpty() && dyno.requests.peekFirst().at().isBefore(horizon)) {
                dyno.requests.removeFirst();
            }
            append(dyno.requests, request, limits.maxRequestsPerDyno());
        }
        return newDynoId;
    }

    Dyno dyno(Group group) {
        return group.dyno() == null ? null : dynos.get(group);
    }

    /** The last memory samples of the dyno, oldest first (none for app-wide groups). */
    List<Alert.MemorySample> memory(Group group) {
        Dyno dyno = dyno(group);
        if (dyno == null || context.memorySamples() == 0) {
            return List.of();
        }
        return dyno.memory.stream().map(MemoryReading::toSample).toList();
    }

    /** Requests since {@code from}: the dyno's, or every dyno's of the app for app-wide groups. */
    List<Request> requestsSince(Group group, Instant from) {
        List<Request> found = new ArrayList<>();
        if (group.dyno() != null) {
            Dyno dyno = dynos.get(group);
            if (dyno != null) {
                collect(dyno, from, found);
            }
        } else {
            // Iterating does not reorder an access-ordered map; get() would.
            dynos.forEach((key, dyno) -> {
                if (key.app().equals(group.app())) {
                    collect(dyno, from, found);
                }
            });
        }
        return found;
    }

    /** What the figures say of the dyno's memory at {@code at}; null for app-wide groups or unknown dynos. */
    Diagnosis diagnose(Group group, Instant at) {
        Dyno dyno = dyno(group);
        return dyno == null
                ? null
                : Diagnostician.diagnose(group.dyno(), dyno.timeline, releases.before(group.app(), at), at);
    }

    RulesConfig.Context context() {
        return context;
    }

    private static void collect(Dyno dyno, Instant from, List<Request> into) {
        for (Request request : dyno.requests) {
            if (!request.at().isBefore(from)) {
                into.add(request);
            }
        }
    }

    private static Request request(Observation o) {
        if (o.path() == null) {
            return null;
        }
        if (o.isRouter() && o.serviceMs() != null) {
            return new Request(o.timestamp(), o.path(), o.serviceMs(), true);
        }
        if ("app.request".equals(o.dataset())) {
            return new Request(o.timestamp(), o.path(), o.durationMs() == null ? 0 : o.durationMs(), false);
        }
        return null;
    }

    private static <T> void append(Deque<T> deque, T item, int capacity) {
        deque.addLast(item);
        while (deque.size() > capacity) {
            deque.removeFirst();
        }
    }
}
