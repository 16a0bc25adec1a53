package io.herokuelk.app.log;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;

/**
 * A component built on first use instead of at start-up, with the cost of building it (time, classes loaded) logged
 * once as a {@code component-initialized} event. The incident behind this app was a process that loaded everything
 * up front; this is the opposite habit, made measurable.
 */
public final class Lazy<T> implements Supplier<T> {

    private final String name;
    private final Supplier<T> build;
    private final ToLongFunction<T> items;
    private final Logger log;
    private volatile T value;

    public Lazy(String name, Supplier<T> build, ToLongFunction<T> items, Logger log) {
        this.name = name;
        this.build = build;
        this.items = items;
        this.log = log;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = measure(name, build, items, log);
                    value = current;
                }
            }
        }
        return current;
    }

    public boolean isInitialized() {
        return value != null;
    }

    /** Builds a component and logs what it cost. */
    public static <T> T measure(String name, Supplier<T> build, ToLongFunction<T> items, Logger log) {
        var classLoading = ManagementFactory.getClassLoadingMXBean();
        long classesBefore = classLoading.getTotalLoadedClassCount();
        long start = System.nanoTime();
        T built = build.get();
        long duration = System.nanoTime() - start;
        LifecycleEvents.componentInitialized(
                log, name, duration, classLoading.getTotalLoadedClassCount() - classesBefore, items.applyAsLong(built));
        return built;
    }
}
