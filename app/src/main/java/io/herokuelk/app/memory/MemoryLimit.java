package io.herokuelk.app.memory;

/**
 * The memory the process may use before the platform complains (Heroku's R14), and where that number came from.
 *
 * @param mb the limit in MiB (Heroku's "MB")
 * @param source how it was found
 */
public record MemoryLimit(double mb, Source source) {

    /** The detection order, first to last. */
    public enum Source {
        ENV("env"),
        CGROUP_V2("cgroup_v2"),
        CGROUP_V1("cgroup_v1"),
        HEROKU_ULIMIT("heroku_ulimit"),
        DEFAULT("default");

        private final String wireName;

        Source(String wireName) {
            this.wireName = wireName;
        }

        /** The value written to logs and {@code /health}. */
        public String wireName() {
            return wireName;
        }
    }
}
