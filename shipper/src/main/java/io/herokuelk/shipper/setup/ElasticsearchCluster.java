package io.herokuelk.shipper.setup;

import io.herokuelk.elk.assets.ElasticsearchAssets.Asset;
import java.io.IOException;

/** The few things setup asks of a cluster; {@link ClientElasticsearchCluster} does it with the official client. */
interface ElasticsearchCluster {

    /** What the cluster has, found by asking it (a minimal node answers 400 where a full one answers 200). */
    record Capabilities(boolean ilm, boolean dataStreamLifecycleService) {}

    /** Fails with {@link Unreachable} when no answer comes. */
    Capabilities capabilities() throws Unreachable;

    /** Whether the object exists, and the {@code _meta.heroku_elk_hash} it carries (null when none). */
    record Installed(boolean exists, String hash) {
        static final Installed ABSENT = new Installed(false, null);
    }

    Installed installed(Asset asset) throws IOException;

    /** Creates or replaces the object; a refusal surfaces as {@link Refused}. */
    void put(Asset asset, String body) throws IOException, Refused;

    /** Elasticsearch answered with an error: its status and its own reason. */
    final class Refused extends Exception {
        private final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** No answer at all (connection refused, DNS, TLS, timeout, authentication). */
    final class Unreachable extends Exception {
        Unreachable(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }
}
