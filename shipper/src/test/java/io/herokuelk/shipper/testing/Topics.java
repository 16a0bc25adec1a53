package io.herokuelk.shipper.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates test topics as {@code setup} would, before anything writes to them; topics that exist are left alone. */
public final class Topics {

    private Topics() {}

    public static void create(String bootstrap, int partitions, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // The broker's default replication: 1 on a lone broker, 3 on a 3-broker cluster.
            admin.createTopics(Arrays.stream(topics)
                            .map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty()))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create the test topics", e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Could not create the test topics", e);
        }
    }
}
