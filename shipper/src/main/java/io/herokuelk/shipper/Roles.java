package io.herokuelk.shipper;

import io.herokuelk.shipper.Role.Running;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.config.TelemetrySettings;
import io.herokuelk.shipper.telemetry.JvmInstrumentation;
import io.herokuelk.shipper.telemetry.MetricsServer;
import io.herokuelk.shipper.telemetry.Readiness;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs roles in this JVM until SIGTERM (Heroku's dyno stop) or Ctrl-C, with one registry, one readiness and, on
 * {@code METRICS_PORT}, one metrics server for all of them. They stop together: when one ends on its own the others
 * are stopped too and the exit code is 1, so that the platform restarts the whole process rather than keeping half of
 * it running.
 */
final class Roles {

    private static final Logger LOG = LoggerFactory.getLogger(Roles.class);

    private final List<Running> running = new ArrayList<>();
    private final Readiness readiness = new Readiness();
    private MetricsServer metrics;
    private boolean stopped;

    private Roles() {}

    /**
     * What a command runs: its roles, their settings read and checked, and where metrics go.
     *
     * @param roles     started in this order
     * @param telemetry {@code METRICS_PORT}, {@code METRICS_CREDENTIALS}
     */
    record Plan(List<Role> roles, TelemetrySettings telemetry) {}

    /** What makes one role from the settings it reads. */
    @FunctionalInterface
    interface RoleReader {
        Role read(Environment env, KafkaSettings kafka);
    }

    /** Reads every role's settings and the telemetry's from one environment, checks them all, and plans them. */
    static Plan plan(Map<String, String> environment, RoleReader... readers) {
        Environment env = new Environment(environment);
        KafkaSettings kafka = KafkaSettings.from(env);
        List<Role> roles = new ArrayList<>();
        for (RoleReader reader : readers) {
            roles.add(reader.read(env, kafka));
        }
        TelemetrySettings telemetry = TelemetrySettings.from(env);
        env.validate();
        return new Plan(List.copyOf(roles), telemetry);
    }

    /** Starts every role of the plan in order and blocks until they have stopped; returns the exit code. */
    static int run(Plan plan) throws Exception {
        Roles all = new Roles();
        PrometheusRegistry registry = JvmInstrumentation.newRegistry();
        try {
            for (Role role : plan.roles()) {
                all.add(role.start(registry, all.readiness));
            }
            TelemetrySettings telemetry = plan.telemetry();
            if (telemetry.metricsPort().isPresent()) {
                all.metrics = new MetricsServer(
                        telemetry.metricsPort().get(), registry, all.readiness, telemetry.metricsAuthenticator());
                LOG.info("Metrics and probes on port {} (/metrics, /healthz, /readyz).", all.metrics.port());
            }
        } catch (Exception | Error e) {
            all.stopAll(); // a role that cannot start takes down the ones already running
            throw e;
        }
        AtomicBoolean asked = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            asked.set(true);
                            all.stopAll();
                        },
                        "shipper-shutdown"));
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
        readiness.close();
    }
}
