package io.herokuelk.shipper.alert.diagnosis;

import io.herokuelk.shipper.alert.model.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is known of one dyno slot's memory over the last hours, as a person diagnosing an R14 would collect it:
 * Heroku's runtime metrics, the app's own processes (when it reports them), when the dyno started, and the traffic
 * it served. Fed with every observation about the dyno; bounded in samples, processes and starts.
 */
public final class DynoTimeline {

    /** Two hours of runtime metrics at Heroku's 20 s. */
    static final int MAX_HEROKU_SAMPLES = 360;

    static final int MAX_PROCESSES = 32;
    static final int MAX_PROCESS_SAMPLES = 120;
    static final int MAX_STARTS = 8;
    static final int TRAFFIC_MINUTES = 180;

    /** A runtime metrics sample: what Heroku measures R14 on ({@code usedMb} = rss + swap), and the page cache. */
    public record HerokuSample(
            Instant at, String dynoId, double usedMb, Double swapMb, Double cacheMb, Double quotaMb) {}

    /** One memory sample of an app process (the app's own {@code app.memory} event). */
    public record ProcessSample(
            Instant at, double rssMb, Double heapUsedMb, Double heapCommittedMb, Double heapMaxMb, Integer threads) {}

    /** One process of the app on this dyno, by pid. */
    public static final class ProcessTrack {
        private final long pid;
        private Integer workerIndex;
        private Integer concurrency;
        private Instant startedAt;
        private Double startHeapMaxMb;
        private final Deque<ProcessSample> samples = new ArrayDeque<>();

        ProcessTrack(long pid) {
            this.pid = pid;
        }

        public long pid() {
            return pid;
        }

        public Integer workerIndex() {
            return workerIndex;
        }

        public Integer concurrency() {
            return concurrency;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public Double startHeapMaxMb() {
            return startHeapMaxMb;
        }

        public List<ProcessSample> samples() {
            return List.copyOf(samples);
        }

        public ProcessSample last() {
            return samples.peekLast();
        }

        Instant lastSeen() {
            ProcessSample last = samples.peekLast();
            return last != null ? last.at() : startedAt;
        }
    }

    /** Where a dyno instance began: Heroku's {@code State changed ... to up}, or a new dyno id in runtime metrics. */
    public record Start(Instant at, String reason) {}

    /** The {@code Process running mem=...} line of an R14 or R15: Heroku's own figure for the dyno. */
    public record ReportedMemory(Instant at, double mb, Double percent) {}

    private final Deque<HerokuSample> heroku = new ArrayDeque<>();
    private final Map<Long, ProcessTrack> processes = new LinkedHashMap<>();
    private final Deque<Start> starts = new ArrayDeque<>();
    private final Map<Long, Integer> requestsPerMinute = new LinkedHashMap<>();
    private ReportedMemory reported;
    private Double appLimitMb;
    private String dynoId;

    /** Records what an observation about this dyno adds. */
    public void record(Observation o) {
        Instant at = o.timestamp();
        if ("up".equals(o.stateTo())) {
            addStart(new Start(at, "state changed to up"));
        }
        if ("heroku.runtime_metrics".equals(o.dataset()) && o.rssMb() != null) {
            if (o.dynoId() != null
                    && dynoId != null
                    && !o.dynoId().equals(dynoId)
                    && (starts.isEmpty() || starts.peekLast().at().isBefore(lastHerokuAt()))) {
                addStart(new Start(at, "new dyno id " + o.dynoId()));
            }
            if (o.dynoId() != null) {
                dynoId = o.dynoId();
            }
            double used = o.rssMb() + (o.swapMb() == null ? 0 : o.swapMb());
            append(
                    heroku,
                    new HerokuSample(at, o.dynoId(), used, o.swapMb(), o.cacheMb(), o.quotaMb()),
                    MAX_HEROKU_SAMPLES);
        }
        if (o.processMb() != null) {
            reported = new ReportedMemory(at, o.processMb(), o.quotaPct());
        }
        if (o.appLimitMb() != null) {
            appLimitMb = o.appLimitMb();
        }
        if (o.process() != null) {
            recordProcess(o);
        }
        if (o.isRouter() && o.path() != null) {
            countRequest(at);
        }
    }

    private void recordProcess(Observation o) {
        Observation.AppProcess p = o.process();
        ProcessTrack track = processes.remove(p.pid());
        if (track == null) {
            track = new ProcessTrack(p.pid());
            if (processes.size() >= MAX_PROCESSES) {
                processes.remove(processes.keySet().iterator().next()); // the one heard from least recently
            }
        }
        processes.put(p.pid(), track);
        if (p.workerIndex() != null) {
            track.workerIndex = p.workerIndex();
        }
        if (p.concurrency() != null) {
            track.concurrency = p.concurrency();
        }
        if ("app-started".equals(o.action())) {
            track.startedAt = o.timestamp();
            track.startHeapMaxMb = p.heapMaxMb();
        }
        if (o.appRssMb() != null) {
            append(
                    track.samples,
                    new ProcessSample(
                            o.timestamp(),
                            o.appRssMb(),
                            o.appHeapUsedMb(),
                            p.heapCommittedMb(),
                            p.heapMaxMb(),
                            p.threads()),
                    MAX_PROCESS_SAMPLES);
        }
    }

    private void countRequest(Instant at) {
        countRequests(at, 1);
    }

    /** Adds requests the router sent to this dyno in the minute of {@code at} (counted elsewhere, by minute). */
    public void countRequests(Instant at, int count) {
        long minute = at.getEpochSecond() / 60;
        requestsPerMinute.merge(minute, count, Integer::sum);
        if (requestsPerMinute.size() > TRAFFIC_MINUTES) {
            requestsPerMinute.remove(requestsPerMinute.keySet().iterator().next());
        }
    }

    private void addStart(Start start) {
        if (!starts.isEmpty() && !start.at().isAfter(starts.peekLast().at())) {
            return;
        }
        append(starts, start, MAX_STARTS);
    }

    private Instant lastHerokuAt() {
        return heroku.isEmpty() ? Instant.MIN : heroku.peekLast().at();
    }

    private static <T> void append(Deque<T> deque, T item, int capacity) {
        deque.addLast(item);
        while (deque.size() > capacity) {
            deque.removeFirst();
        }
    }

    /** The start of the dyno instance running at {@code at}, or null when none was seen. */
    public Start startBefore(Instant at) {
        Start found = null;
        for (Start start : starts) {
            if (!start.at().isAfter(at)) {
                found = start;
            }
        }
        return found;
    }

    /** The start before {@code start}: the previous instance of the slot, or null. */
    public Start startBefore(Start start) {
        Start found = null;
        for (Start candidate : starts) {
            if (candidate.at().isBefore(start.at())) {
                found = candidate;
            }
        }
        return found;
    }

    /** Runtime metrics samples in [from, to], oldest first. */
    public List<HerokuSample> heroku(Instant from, Instant to) {
        List<HerokuSample> found = new ArrayList<>();
        for (HerokuSample sample : heroku) {
            if (!sample.at().isBefore(from) && !sample.at().isAfter(to)) {
                found.add(sample);
            }
        }
        return found;
    }

    public HerokuSample lastHeroku(Instant notAfter) {
        HerokuSample found = null;
        for (HerokuSample sample : heroku) {
            if (!sample.at().isAfter(notAfter)) {
                found = sample;
            }
        }
        return found;
    }

    /** The processes heard from in [from, to], each with a sample, by pid. */
    public List<ProcessTrack> processesSeen(Instant from, Instant to) {
        List<ProcessTrack> found = new ArrayList<>();
        for (ProcessTrack track : processes.values()) {
            ProcessSample last = lastSample(track, to);
            if (last != null && !last.at().isBefore(from)) {
                found.add(track);
            }
        }
        return found;
    }

    /** A process's last sample at or before {@code at}. */
    public static ProcessSample lastSample(ProcessTrack track, Instant at) {
        ProcessSample found = null;
        for (ProcessSample sample : track.samples) {
            if (!sample.at().isAfter(at)) {
                found = sample;
            }
        }
        return found;
    }

    public Collection<ProcessTrack> processes() {
        return List.copyOf(processes.values());
    }

    /** Requests the router sent to this dyno in [from, to), counted per minute (so to the minute). */
    public long requests(Instant from, Instant to) {
        long first = from.getEpochSecond() / 60;
        long last = to.getEpochSecond() / 60;
        long total = 0;
        for (Map.Entry<Long, Integer> minute : requestsPerMinute.entrySet()) {
            if (minute.getKey() >= first && minute.getKey() <= last) {
                total += minute.getValue();
            }
        }
        return total;
    }

    /** Whether the router's traffic to this dyno is known at all (router lines seen in the last hours). */
    public boolean seesTraffic() {
        return !requestsPerMinute.isEmpty();
    }

    public ReportedMemory reported() {
        return reported;
    }

    /** The dyno's quota: Heroku's runtime metrics, else the app's own limit, else what an R14 line implies. */
    public Double quotaMb() {
        for (var it = heroku.descendingIterator(); it.hasNext(); ) {
            HerokuSample sample = it.next();
            if (sample.quotaMb() != null) {
                return sample.quotaMb();
            }
        }
        if (appLimitMb != null) {
            return appLimitMb;
        }
        return reported != null && reported.percent() != null && reported.percent() > 0
                ? reported.mb() * 100 / reported.percent()
                : null;
    }

    /** The dyno's memory as Heroku measures it, as of {@code at}: the latest figure no older than {@code maxAge}. */
    public Double memoryMb(Instant at, Duration maxAge) {
        HerokuSample sample = lastHeroku(at);
        Instant sampleAt = sample == null ? null : sample.at();
        boolean reportedNewer = reported != null
                && !reported.at().isAfter(at)
                && (sampleAt == null || reported.at().isAfter(sampleAt));
        if (reportedNewer && !reported.at().isBefore(at.minus(maxAge))) {
            return reported.mb();
        }
        return sample != null && !sample.at().isBefore(at.minus(maxAge)) ? sample.usedMb() : null;
    }
}
