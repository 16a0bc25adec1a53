package io.herokuelk.app.log;

import static io.herokuelk.app.log.Fields.PROCESS_PID;
import static io.herokuelk.app.log.Fields.WORKER_CONCURRENCY;
import static io.herokuelk.app.log.Fields.WORKER_INDEX;

import java.util.OptionalInt;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Which process of the dyno this is: its pid, and its worker index among {@code WEB_CONCURRENCY} workers when the
 * launcher says ({@code WORKER_INDEX}). Memory diagnosis counts a dyno's processes by it: five JVMs of 130 MB each
 * on one 512 MB dyno read very differently from one JVM of 650 MB.
 *
 * @param pid         this JVM's process id
 * @param workerIndex {@code WORKER_INDEX}, 1-based, when set
 * @param concurrency {@code WEB_CONCURRENCY}, when set
 */
public record ProcessIdentity(long pid, OptionalInt workerIndex, OptionalInt concurrency) {

    public static ProcessIdentity current(OptionalInt workerIndex, OptionalInt concurrency) {
        return new ProcessIdentity(ProcessHandle.current().pid(), workerIndex, concurrency);
    }

    /** Adds the process's fields to an event: its pid, and its worker index and concurrency when known. */
    public LoggingEventBuilder addTo(LoggingEventBuilder event) {
        event.addKeyValue(PROCESS_PID, pid);
        workerIndex.ifPresent(index -> event.addKeyValue(WORKER_INDEX, index));
        concurrency.ifPresent(count -> event.addKeyValue(WORKER_CONCURRENCY, count));
        return event;
    }
}
