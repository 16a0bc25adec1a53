package io.herokuelk.shipper.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.model.Alert;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class NotifierSettledTest {

    @Test
    void settledOnlyOnceEveryDestinationHasAnOutcome() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Destination slow = new Destination() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Delivery deliver(Alert alert) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Delivery.delivered();
            }
        };
        Notifier notifier =
                new Notifier(List.of(slow), NotifierSettings.DEFAULTS, new DeliveryMetrics(new PrometheusRegistry()));
        try {
            assertThat(notifier.awaitSettled(Duration.ofMillis(50)))
                    .as("nothing submitted")
                    .isTrue();

            notifier.submit(SampleAlerts.r14Firing());

            assertThat(notifier.awaitSettled(Duration.ofMillis(200)))
                    .as("delivery under way")
                    .isFalse();
            release.countDown();
            assertThat(notifier.awaitSettled(Duration.ofSeconds(5)))
                    .as("delivered")
                    .isTrue();
        } finally {
            notifier.close();
        }
    }
}
