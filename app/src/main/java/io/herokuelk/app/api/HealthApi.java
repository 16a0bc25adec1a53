package io.herokuelk.app.api;

import io.herokuelk.app.http.Request;
import io.herokuelk.app.http.Response;
import io.herokuelk.app.http.Router;
import io.herokuelk.app.memory.MemorySampler;
import io.herokuelk.app.memory.MemorySnapshot;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: the old service's five fields first, in its shape ({@code status}, {@code memory_mb},
 * {@code memory_limit_mb}, {@code within_limit}, {@code percent_of_limit}), then the extras.
 */
public final class HealthApi {

    private final MemorySampler sampler;

    public HealthApi(MemorySampler sampler) {
        this.sampler = sampler;
    }

    public void routes(Router router) {
        router.add("GET", "/health", this::health);
    }

    Response health(Request request) {
        return Response.ok(
                body(sampler.sample(), ManagementFactory.getRuntimeMXBean().getUptime() / 1000));
    }

    static Map<String, Object> body(MemorySnapshot s, long uptimeSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "running");
        body.put("memory_mb", s.usedMb());
        body.put("memory_limit_mb", s.limit().mb());
        body.put("within_limit", s.withinLimit());
        body.put("percent_of_limit", s.percentOfLimit());
        body.put("memory_limit_source", s.limit().source().wireName());
        body.put("rss_mb", s.rssMb());
        body.put("swap_mb", s.swapMb());
        body.put("heap_used_mb", s.heapUsedMb());
        body.put("heap_committed_mb", s.heapCommittedMb());
        body.put("heap_max_mb", s.heapMaxMb());
        body.put("nonheap_used_mb", s.nonHeapUsedMb());
        body.put("direct_used_mb", s.directUsedMb());
        body.put("threads", s.threads());
        body.put("gc_count", s.gcCount());
        body.put("gc_time_ms", s.gcTimeMs());
        body.put("uptime_seconds", uptimeSeconds);
        body.put("pid", s.process().pid());
        s.process().workerIndex().ifPresent(index -> body.put("worker_index", index));
        s.process().concurrency().ifPresent(concurrency -> body.put("web_concurrency", concurrency));
        return body;
    }
}
