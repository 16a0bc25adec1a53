package io.herokuelk.app.api;

import static io.herokuelk.app.log.Fields.*;

import io.herokuelk.app.http.Request;
import io.herokuelk.app.http.Response;
import io.herokuelk.app.http.Router;
import io.herokuelk.app.memory.MemoryHold;
import io.herokuelk.app.memory.MemorySampler;
import io.herokuelk.app.memory.MemorySnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /demo/hold}: holds memory on purpose to reproduce R14. Registered only when {@code DEMO_MEMORY_ENDPOINT=true};
 * otherwise the paths do not exist (404).
 */
public final class DemoApi {

    private static final Logger LOG = LoggerFactory.getLogger(DemoApi.class);
    private static final int MAX_MB_PER_CALL = 4_096;

    private final MemoryHold hold = new MemoryHold();
    private final MemorySampler sampler;

    public DemoApi(MemorySampler sampler) {
        this.sampler = sampler;
    }

    public void routes(Router router) {
        router.add("GET", "/demo/hold", this::show)
                .add("POST", "/demo/hold", this::add)
                .add("DELETE", "/demo/hold", this::release);
    }

    Response show(Request request) {
        return Response.ok(body(Map.of()));
    }

    Response add(Request request) {
        int mb = request.intQuery("mb", 100, 1, MAX_MB_PER_CALL);
        MemoryHold.Result result = hold.hold(mb);
        LOG.atWarn()
                .addKeyValue(EVENT_DATASET, DATASET_MEMORY)
                .addKeyValue(EVENT_ACTION, "demo-memory-held")
                .addKeyValue(MEMORY_HELD_MB, result.heldMb())
                .log("Demo endpoint now holds " + result.heldMb() + " MB on purpose"
                        + (result.refused() ? " (direct memory limit reached)" : ""));
        return Response.ok(body(Map.of("added_mb", result.addedMb(), "direct_limit_reached", result.refused())));
    }

    Response release(Request request) {
        int released = hold.release();
        LOG.atInfo()
                .addKeyValue(EVENT_DATASET, DATASET_MEMORY)
                .addKeyValue(EVENT_ACTION, "demo-memory-released")
                .addKeyValue(MEMORY_HELD_MB, 0)
                .log("Demo endpoint released " + released + " MB");
        return Response.ok(body(Map.of("released_mb", released)));
    }

    private Map<String, Object> body(Map<String, Object> extra) {
        MemorySnapshot s = sampler.sample();
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("held_mb", hold.heldMb());
        body.put("memory_mb", s.usedMb());
        body.put("memory_limit_mb", s.limit().mb());
        body.put("percent_of_limit", s.percentOfLimit());
        body.put("direct_used_mb", s.directUsedMb());
        return body;
    }
}
