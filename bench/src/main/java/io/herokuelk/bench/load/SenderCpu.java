package io.herokuelk.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU a load generator in this JVM has used since {@link #start()}: the threads whose names begin with the given
 * prefixes, each counted from what it had used at the start, so that threads of earlier passes that end meanwhile
 * take nothing away. Read it while the threads still run: an ended thread's CPU can no longer be read.
 */
final class SenderCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String[] prefixes;
    private final Map<Long, Long> atStart = new HashMap<>();

    private SenderCpu(String... prefixes) {
        this.prefixes = prefixes;
    }

    static SenderCpu start(String... prefixes) {
        SenderCpu cpu = new SenderCpu(prefixes);
        cpu.matching().forEach(cpu.atStart::put);
        return cpu;
    }

    double seconds() {
        long nanos = 0;
        for (Map.Entry<Long, Long> now : matching().entrySet()) {
            nanos += now.getValue() - atStart.getOrDefault(now.getKey(), 0L);
        }
        return nanos / 1e9;
    }

    private Map<Long, Long> matching() {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            for (String prefix : prefixes) {
                if (thread.getName().startsWith(prefix)) {
                    long nanos = threads.getThreadCpuTime(thread.threadId());
                    if (nanos >= 0) {
                        cpu.put(thread.threadId(), nanos);
                    }
                }
            }
        }
        return cpu;
    }
}
