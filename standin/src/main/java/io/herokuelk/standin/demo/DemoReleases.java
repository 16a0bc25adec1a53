package io.herokuelk.standin.demo;

import io.herokuelk.standin.dyno.Release;
import java.util.HashMap;
import java.util.Map;

/**
 * The two releases of the story. The bad one is how the incident's app was deployed: a worker per core twice over
 * plus one (Gunicorn's default, here as JVMs: 2 x 2 cores + 1 = 5), each loading everything at start, each sized by
 * the platform's JVM defaults for a 512 MB dyno ({@code -Xmx300m}, which assumes one JVM per dyno), so together
 * they can grow far past the quota. The fixes follow the incident's: first one worker, then the app's own Procfile
 * (bounded heap and threads, components built on first use).
 */
final class DemoReleases {

    static final int BAD_WORKERS = 5;
    /** What Heroku's JVM tooling sets for a 512 MB dyno: sized for one JVM. */
    static final String PLATFORM_JAVA_TOOL_OPTIONS = "-Xmx300m -Xss512k -XX:CICompilerCount=2";

    private DemoReleases() {}

    static Release bad(DemoPace pace) {
        Map<String, String> vars = common(pace);
        vars.put("WEB_CONCURRENCY", Integer.toString(BAD_WORKERS));
        vars.put("PRELOAD_COMPONENTS", "true");
        vars.put("HTTP_MAX_CONCURRENT", "256");
        vars.put("DEMO_MEMORY_ENDPOINT", "true");
        return new Release("v1", "java -jar app/target/app.jar", vars, BAD_WORKERS);
    }

    /** The first fix: one worker per dyno, nothing else changed. */
    static Release workerFix(DemoPace pace) {
        Map<String, String> vars = common(pace);
        vars.put("WEB_CONCURRENCY", "1");
        vars.put("PRELOAD_COMPONENTS", "true");
        vars.put("HTTP_MAX_CONCURRENT", "256");
        return new Release("v2", "java -jar app/target/app.jar", vars, 1);
    }

    /** The second: the app's own Procfile and defaults, which build nothing before it is needed. */
    static Release frugal(DemoPace pace, String procfileWebCommand) {
        Map<String, String> vars = common(pace);
        vars.put("WEB_CONCURRENCY", "1");
        return new Release("v3", procfileWebCommand, vars, 1);
    }

    private static Map<String, String> common(DemoPace pace) {
        Map<String, String> vars = new HashMap<>();
        vars.put("JAVA_TOOL_OPTIONS", PLATFORM_JAVA_TOOL_OPTIONS);
        vars.put("MEMORY_LIMIT_MB", "512");
        vars.put("MEMORY_SAMPLE_SECONDS", Long.toString(pace.metricsInterval().toSeconds()));
        return vars;
    }
}
