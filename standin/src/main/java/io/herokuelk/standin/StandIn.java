package io.herokuelk.standin;

import io.herokuelk.standin.dyno.Formation;
import io.herokuelk.standin.dyno.ProcessTreeMemory;
import io.herokuelk.standin.dyno.Release;
import io.herokuelk.standin.logplex.LogplexDrain;
import io.herokuelk.standin.logplex.LogplexSettings;
import io.herokuelk.standin.manager.DynoManager;
import io.herokuelk.standin.manager.ManagerSettings;
import io.herokuelk.standin.router.Router;
import io.herokuelk.standin.router.RouterSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The three Heroku parts that feed a drain, wired together: the dynos of a formation and the dyno manager watching
 * them, the router in front of them, and Logplex carrying every line they produce to the drain. Lines also go to
 * {@code tap}, for a caller that wants to watch them (the demo does).
 */
public final class StandIn implements AutoCloseable {

    private final LogplexDrain logplex;
    private final Formation formation;
    private final DynoManager manager;
    private final Router router;

    private StandIn(LogplexDrain logplex, Formation formation, DynoManager manager, Router router) {
        this.logplex = logplex;
        this.formation = formation;
        this.manager = manager;
        this.router = router;
    }

    /**
     * Starts Logplex, the router and the dyno manager; the dynos start with {@link Formation#start(Release)}.
     *
     * @param dynos           web dynos in the formation
     * @param appRoot         the folder the dynos run in
     * @param manager         quota, R15 limit and sample interval
     * @param routerPort      0 for any free port
     * @param routerTimeout   H12 after this long
     */
    public static StandIn start(
            LogplexSettings logplexSettings,
            int dynos,
            Path appRoot,
            ManagerSettings manager,
            int routerPort,
            Duration routerTimeout,
            LogSink tap,
            Clock clock) {
        LogplexDrain logplex = LogplexDrain.start(logplexSettings, clock);
        LogSink sink = line -> {
            logplex.accept(line);
            tap.accept(line);
        };
        Formation formation = new Formation(dynos, appRoot, sink, clock);
        DynoManager dynoManager = new DynoManager(formation, new ProcessTreeMemory(), sink, clock, manager);
        Router router = Router.start(RouterSettings.defaults(routerPort).withTimeout(routerTimeout), formation, sink);
        dynoManager.start();
        return new StandIn(logplex, formation, dynoManager, router);
    }

    public LogplexDrain logplex() {
        return logplex;
    }

    public Formation formation() {
        return formation;
    }

    public DynoManager manager() {
        return manager;
    }

    public URI routerUrl() {
        return URI.create("http://127.0.0.1:" + router.port());
    }

    /** Stops taking traffic, stops the dynos (their last lines still go out), then lets Logplex send what is left. */
    @Override
    public void close() {
        router.close();
        manager.close();
        formation.close();
        logplex.close();
    }
}
