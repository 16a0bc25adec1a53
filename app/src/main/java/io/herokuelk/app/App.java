package io.herokuelk.app;

import io.herokuelk.app.api.DemoApi;
import io.herokuelk.app.api.HealthApi;
import io.herokuelk.app.api.NotesApi;
import io.herokuelk.app.api.NotesService;
import io.herokuelk.app.api.TextAnalyzer;
import io.herokuelk.app.config.AppConfig;
import io.herokuelk.app.http.HttpApp;
import io.herokuelk.app.http.Response;
import io.herokuelk.app.http.Router;
import io.herokuelk.app.log.Lazy;
import io.herokuelk.app.log.LifecycleEvents;
import io.herokuelk.app.log.ProcessIdentity;
import io.herokuelk.app.memory.HostPaths;
import io.herokuelk.app.memory.MemoryLimit;
import io.herokuelk.app.memory.MemoryLimitDetector;
import io.herokuelk.app.memory.MemoryMonitor;
import io.herokuelk.app.memory.MemorySampler;
import io.herokuelk.app.memory.ProcessMemory;
import io.herokuelk.app.memory.ThresholdWatch;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running app: wiring only. */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    private final HttpApp http;
    private final MemoryMonitor monitor;

    private App(HttpApp http, MemoryMonitor monitor) {
        this.http = http;
        this.monitor = monitor;
    }

    public static App start(AppConfig config, HostPaths paths) throws IOException {
        MemoryLimit limit =
                new MemoryLimitDetector(paths).detect(config.memory().limitMbOverride());
        ProcessIdentity identity =
                ProcessIdentity.current(config.worker().index(), config.worker().concurrency());
        MemorySampler sampler = new MemorySampler(new ProcessMemory(paths), limit, identity);
        if (!sampler.readsProcessMemory()) {
            LOG.warn("Cannot read " + paths.proc().resolve("self/status")
                    + "; memory use is estimated from the JVM's committed memory instead of RSS");
        }

        Lazy<TextAnalyzer> analyzer = new Lazy<>(
                "text-analyzer",
                TextAnalyzer::new,
                TextAnalyzer::stopWordCount,
                LoggerFactory.getLogger(TextAnalyzer.class));
        if (config.preload()) {
            analyzer.get();
        }
        NotesService notes = new NotesService(config.notes().maxCount(), Clock.systemUTC(), analyzer);

        Router router = new Router();
        router.add("GET", "/", request -> Response.ok(index(config)));
        new HealthApi(sampler).routes(router);
        new NotesApi(notes, analyzer, config.notes().maxTextBytes()).routes(router);
        if (config.demoMemoryEndpoint()) {
            new DemoApi(sampler).routes(router);
        }

        HttpApp http = HttpApp.start(config.http(), router);
        MemoryMonitor monitor = new MemoryMonitor(
                sampler,
                new ThresholdWatch(
                        config.memory().warnFractions(),
                        config.memory().warnHysteresis(),
                        config.memory().warnRepeat()),
                config.memory().sampleInterval());
        LifecycleEvents.started(LOG, startup(config, limit, http.port(), identity));
        monitor.start(config.memory().checkInterval());
        return new App(http, monitor);
    }

    public int port() {
        return http.port();
    }

    /** Lets running requests finish for up to {@code graceSeconds}, then stops. */
    public void stop(int graceSeconds) {
        LifecycleEvents.stopping(LOG, ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        http.stop(graceSeconds);
        monitor.close();
    }

    @Override
    public void close() {
        stop(0);
    }

    private static Map<String, Object> index(AppConfig config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "heroku-elk app");
        List<String> routes = new java.util.ArrayList<>(List.of(
                "GET /health",
                "GET /api/notes?limit=20",
                "POST /api/notes {\"text\": \"...\"}",
                "GET /api/notes/{id}",
                "DELETE /api/notes/{id}",
                "GET /api/notes/search?q=...&limit=20",
                "POST /api/text/stats {\"text\": \"...\"}"));
        if (config.demoMemoryEndpoint()) {
            routes.addAll(List.of("GET /demo/hold", "POST /demo/hold?mb=100", "DELETE /demo/hold"));
        }
        body.put("routes", routes);
        return body;
    }

    private static LifecycleEvents.Startup startup(
            AppConfig config, MemoryLimit limit, int port, ProcessIdentity identity) {
        var runtime = ManagementFactory.getRuntimeMXBean();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        // -D properties can carry secrets; only -X/-XX flags decide memory, so only they are logged.
        List<String> flags = runtime.getInputArguments().stream()
                .filter(arg -> arg.startsWith("-X"))
                .toList();
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(","));
        return new LifecycleEvents.Startup(
                Runtime.version().toString(),
                flags,
                gc,
                Math.round(heap.getInit() / BYTES_PER_MB * 10) / 10.0,
                Math.round(heap.getMax() / BYTES_PER_MB * 10) / 10.0,
                Runtime.getRuntime().availableProcessors(),
                port,
                config.http().maxConcurrent(),
                config.http().maxConnections(),
                HttpApp.EXECUTOR,
                limit.mb(),
                limit.source().wireName(),
                config.memory().sampleInterval().toSeconds(),
                config.memory().warnFractions(),
                config.demoMemoryEndpoint(),
                runtime.getUptime() * 1_000_000L,
                identity);
    }
}
