package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.model.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The busiest and slowest paths among recent requests. */
final class PathStats {

    record Top(List<Alert.PathStat> busiest, List<Alert.PathStat> slowest) {
        static final Top NONE = new Top(List.of(), List.of());
    }

    private PathStats() {}

    static Top of(List<DynoHistory.Request> requests, int top) {
        if (top == 0 || requests.isEmpty()) {
            return Top.NONE;
        }
        // Router lines and the app's request events describe the same requests: count one source, the router's
        // when there is any (it also sees requests the app never answered).
        boolean anyRouter = requests.stream().anyMatch(DynoHistory.Request::fromRouter);
        Map<String, List<Double>> times = new HashMap<>();
        for (DynoHistory.Request request : requests) {
            if (request.fromRouter() == anyRouter) {
                times.computeIfAbsent(request.path(), path -> new ArrayList<>()).add(request.serviceMs());
            }
        }
        List<Alert.PathStat> stats = new ArrayList<>();
        times.forEach((path, values) -> {
            values.sort(Comparator.naturalOrder());
            double p95 = values.get((int) Math.ceil(values.size() * 0.95) - 1);
            stats.add(new Alert.PathStat(path, values.size(), p95, values.get(values.size() - 1)));
        });
        List<Alert.PathStat> busiest = stats.stream()
                .sorted(Comparator.comparingLong(Alert.PathStat::requests)
                        .reversed()
                        .thenComparing(Alert.PathStat::path))
                .limit(top)
                .toList();
        List<Alert.PathStat> slowest = stats.stream()
                .sorted(Comparator.comparingDouble(Alert.PathStat::p95ServiceMs)
                        .reversed()
                        .thenComparing(Alert.PathStat::path))
                .limit(top)
                .toList();
        return new Top(busiest, slowest);
    }
}
