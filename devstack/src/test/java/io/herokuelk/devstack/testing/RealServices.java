package io.herokuelk.devstack.testing;

import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.devstack.runner.LocalService;
import io.herokuelk.devstack.runner.ServiceStartException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that starts a real Kafka broker (in this JVM) and a real Elasticsearch node (a child process),
 * each once per test run and only when a test asks for it, and hands tests their addresses as parameters
 * ({@link KafkaEndpoint}, {@link ElasticsearchEndpoint}). Both stop when the run ends; their data and logs stay
 * under {@code target/services/run-<time>/} and the path is printed, so a failed run can be read afterwards.
 *
 * <p>A test that asks for a service which cannot start fails with the service's own explanation: it is never
 * skipped or passed without the service.
 */
public final class RealServices implements ParameterResolver {

    public static final String SERVICES_DIR_PROPERTY = "heroku-elk.services.dir";
    private static final int TEST_HEAP_MB = 512;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaEndpoint.class || type == ElasticsearchEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store =
                context.getRoot().getStore(ExtensionContext.Namespace.create(RealServices.class));
        if (parameter.getParameter().getType() == KafkaEndpoint.class) {
            Running kafka = store.computeIfAbsent(
                    "kafka", key -> start(new EmbeddedKafka(runDirectory().resolve("kafka"))), Running.class);
            return new KafkaEndpoint(kafka.service().address());
        }
        Running elasticsearch = store.computeIfAbsent(
                "elasticsearch",
                key -> start(new ElasticsearchProcess(runDirectory().resolve("elasticsearch"), 0, TEST_HEAP_MB)),
                Running.class);
        return new ElasticsearchEndpoint(elasticsearch.service().address());
    }

    /** One directory per test run, so that a rerun never reads an earlier run's data. */
    public static synchronized Path runDirectory() {
        if (runDirectory == null) {
            String base = System.getProperty(SERVICES_DIR_PROPERTY, "target/services");
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
            runDirectory = Path.of(base, "run-" + stamp).toAbsolutePath();
        }
        return runDirectory;
    }

    private static Path runDirectory;

    private static Running start(LocalService service) {
        long started = System.nanoTime();
        try {
            service.start();
        } catch (ServiceStartException e) {
            throw new IllegalStateException("The test " + service.name() + " could not start: " + e.getMessage(), e);
        }
        System.out.printf(
                "[real-services] %s is up at %s in %d ms (data and logs: %s)%n",
                service.name(),
                service.address(),
                (System.nanoTime() - started) / 1_000_000,
                service.logFile() == null ? runDirectory() : service.logFile().getParent());
        return new Running(service);
    }

    /** Closed by JUnit when the run's root store closes. */
    private record Running(LocalService service) implements AutoCloseable {
        @Override
        public void close() {
            service.close();
        }
    }
}
