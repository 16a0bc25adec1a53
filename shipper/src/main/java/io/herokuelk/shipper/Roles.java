package io.herokuelk.shipper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.herokuelk.shipper.Role.Running;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.telemetry.MetricsServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Runs roles in this JVM until SIGTERM (Heroku's dyno stop) or Ctrl-C, with one metrics server for all of them.
 * They stop together: when one ends on its own the others are stopped too and the exit code is 1, so that the
 * platform restarts the whole process rather than keeping half of it running.
 */
final class Roles {

    private static final Logger LOG = LoggerFactory.getLogger(Roles.class);

    private final List<Running> running = new ArrayList<>();
    private MetricsServer metrics;
    private boolean stopped;

    private Roles() {
    }

    /** {@code METRICS_PORT}: {@code /metrics} and {@code /healthz} for commands without an HTTP server of their own. */
    static Optional<Integer> metricsPort(Environment env) {
        return env.optional("METRICS_PORT").map(port -> env.integer("METRICS_PORT", 0, 0, 65535));
    }

    /**
     * What a command runs: its roles, their settings read and checked, and the metrics port.
     *
     * @param roles       started in this order
     * @param metricsPort {@link #metricsPort}
     */
    record Plan(List<Role> roles, Optional<Integer> metricsPort) {
    }

    /** What makes one role from the settings it reads. */
    @FunctionalInterface
    interface RoleReader {
        Role read(Environment env, KafkaSettings kafka);
    }

    /** Reads every role's settings and the metrics port from one environment, checks them all, and plans them. */
    static Plan plan(Map<String, String> environment, RoleReader... readers) {
        Environment env = new Environment(environment);
        KafkaSettings kafka = KafkaSettings.from(env);
        List<Role> roles = new ArrayList<>();
        for (RoleReader reader : readers) {
            roles.add(reader.read(env, kafka));
        }
        Optional<Integer> metricsPort = metricsPort(env);
        env.validate();
        return new Plan(List.copyOf(roles), metricsPort);
    }

    /** Starts every role of the plan in order and blocks until they have stopped; returns the exit code. */
    static int run(Plan plan) throws Exception {
        return run(plan.roles(), plan.metricsPort());
    }

    /** Starts every role in order and blocks until they have stopped; returns the exit code. */
    static int run(List<Role> roles, Optional<Integer> metricsPort) throws Exception {
        Roles all = new Roles();
        PrometheusRegistry registry = new PrometheusRegistry();
        try {
            for (Role role : roles) {
                all.add(role.start(registry));
            }
            if (metricsPort.isPresent()) {
                all.metrics = new MetricsServer(metricsPort.get(), registry);
            }
        } catch (Exception | Error e) {
            all.stopAll(); // a role that cannot start takes down the ones already running
            throw e;
        }
        AtomicBoolean asked = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            asked.set(true);
            all.stopAll();
        }, "shipper-shutdown"));
        Running first = all.firstToStop();
        if (asked.get()) {
            return 0;
        }
        LOG.error("The {} stopped on its own; stopping the rest so that the process can be restarted.", first.name());
        all.stopAll();
        return 1;
    }

    private synchronized void add(Running role) {
        running.add(role);
    }

    /** Blocks until one of the roles has stopped, and returns it. */
    private Running firstToStop() throws InterruptedException {
        CountDownLatch one = new CountDownLatch(1);
        AtomicReference<Running> first = new AtomicReference<>();
        for (Running role : List.copyOf(running)) {
            Thread.ofVirtual().name(role.name() + "-watch").start(() -> {
                try {
                    role.stopped().await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                first.compareAndSet(null, role);
                one.countDown();
            });
        }
        one.await();
        return first.get();
    }

    /** Stops every role, last started first; a second call waits for the first to finish and does nothing. */
    private synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (Running role : running.reversed()) {
            try {
                role.stop().run();
            } catch (RuntimeException e) {
                LOG.warn("Stopping the {} failed: {}", role.name(), e.toString());
            }
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
