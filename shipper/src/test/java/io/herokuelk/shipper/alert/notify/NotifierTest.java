package io.herokuelk.shipper.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.config.Secret;
import io.herokuelk.shipper.testing.Metrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifierTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final NotifierSettings SETTINGS = new NotifierSettings(
            100, 6, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(2), 1000);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final FakeTime time = new FakeTime();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    @Test
    void retriesA503ThenDelivers() throws Exception {
        Receiver receiver = receiver().thenAnswer(503, "busy").thenAnswer(503, "busy");
        Notifier notifier = notifier(SETTINGS, webhook(receiver));

        notifier.submit(SampleAlerts.r14Firing());

        await().atMost(10, TimeUnit.SECONDS).until(() -> delivered("webhook") == 1);
        assertThat(receiver.count()).isEqualTo(3);
        assertThat(time.pauses()).hasSize(2);
        assertThat(Metrics.counter(registry, "alerter_delivery_retries_total", "destination", "webhook"))
                .isEqualTo(2);
        assertThat(Metrics.observations(registry, "alerter_delivery_seconds", "destination", "webhook"))
                .isEqualTo(1);
    }

    @Test
    void honoursRetryAfterOn429() {
        Receiver receiver = receiver().thenAnswer(429, "rate_limited", "Retry-After", "30");
        Notifier notifier = notifier(SETTINGS, slack(receiver));

        notifier.submit(SampleAlerts.r14Firing());

        await().atMost(10, TimeUnit.SECONDS).until(() -> delivered("slack") == 1);
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void givesUpAfterTheLastAttemptAndCountsIt() {
        Receiver receiver = receiver().otherwiseAnswer(503, "down");
        Notifier notifier = notifier(SETTINGS, webhook(receiver));

        notifier.submit(SampleAlerts.r14Firing());

        await().atMost(10, TimeUnit.SECONDS).until(() -> giveUps("webhook", "attempts") == 1);
        assertThat(receiver.count()).isEqualTo(6);
        assertThat(time.pauses()).hasSize(5);
        assertThat(delivered("webhook")).isZero();
    }

    @Test
    void givesUpWhenTheNextPauseWouldEndPastTheDeadline() {
        Receiver receiver = receiver().otherwiseAnswer(503, "down");
        NotifierSettings shortDeadline = new NotifierSettings(
                100,
                6,
                Duration.ofSeconds(20),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofSeconds(2),
                1000);
        receiver.thenAnswer(429, "slow down", "Retry-After", "3600");
        Notifier notifier = notifier(shortDeadline, webhook(receiver));

        notifier.submit(SampleAlerts.r14Firing());

        await().atMost(10, TimeUnit.SECONDS).until(() -> giveUps("webhook", "deadline") == 1);
        assertThat(receiver.count()).isEqualTo(1);
        assertThat(time.pauses()).isEmpty();
    }

    @Test
    void aPermanentRefusalIsNotRetried() throws Exception {
        Receiver receiver = receiver().thenAnswer(400, "invalid_payload");
        Notifier notifier = notifier(SETTINGS, webhook(receiver));

        notifier.submit(SampleAlerts.r14Firing());

        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> Metrics.counter(
                                registry, "alerter_deliveries_total", "destination", "webhook", "outcome", "rejected")
                        == 1);
        Thread.sleep(200);
        assertThat(receiver.count()).isEqualTo(1);
        assertThat(time.pauses()).isEmpty();
    }

    @Test
    void aDestinationThatNeverAnswersDelaysNeitherTheCallerNorAnotherDestination() throws Exception {
        Receiver dead = receiver().hang();
        Receiver alive = receiver();
        Notifier notifier = notifier(SETTINGS, webhook(dead), slack(alive));

        long start = System.nanoTime();
        notifier.submit(SampleAlerts.r14Firing());
        long submitMillis = (System.nanoTime() - start) / 1_000_000;
        alive.next();
        long deliveredMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(submitMillis).isLessThan(100);
        assertThat(deliveredMillis).isLessThan(TIMEOUT.toMillis() / 2);
        dead.next(); // the dead one got the request and is still sitting on it
        assertThat(delivered("webhook")).isZero();
    }

    @Test
    void aTimeoutIsRetryable() {
        Receiver dead = receiver().hang();
        Duration shortTimeout = Duration.ofMillis(300);
        WebhookDestination webhook = new WebhookDestination(
                new Secret(dead.uri("/hook").toString()),
                null,
                new HttpPoster(HttpPoster.defaultClient(shortTimeout), shortTimeout));

        Delivery delivery = webhook.deliver(SampleAlerts.r14Firing());

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRYABLE);
        assertThat(delivery.reason()).isEqualTo("timeout after 300 ms");
    }

    @Test
    void theSameAlertSubmittedTwiceIsDeliveredOnce() throws Exception {
        Receiver receiver = receiver();
        Notifier notifier = notifier(SETTINGS, webhook(receiver));
        Alert alert = SampleAlerts.r14Firing();

        notifier.submit(alert);
        notifier.submit(alert);
        await().atMost(10, TimeUnit.SECONDS).until(() -> delivered("webhook") == 1);
        notifier.submit(alert); // a redelivery after a rebalance, once the first went out
        notifier.submit(SampleAlerts.r14Resolved());

        await().atMost(10, TimeUnit.SECONDS).until(() -> delivered("webhook") == 2);
        assertThat(receiver.count()).isEqualTo(2);
        assertThat(Metrics.counter(registry, "alerter_delivery_duplicates_total", "destination", "webhook"))
                .isEqualTo(2);
    }

    @Test
    void anAlertGivenUpOnIsTriedAgainWhenSubmittedAgain() {
        Receiver receiver = receiver().otherwiseAnswer(503, "down");
        NotifierSettings once = new NotifierSettings(
                100,
                1,
                Duration.ofMinutes(5),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofSeconds(2),
                1000);
        Notifier notifier = notifier(once, webhook(receiver));

        notifier.submit(SampleAlerts.r14Firing());
        await().atMost(10, TimeUnit.SECONDS).until(() -> giveUps("webhook", "attempts") == 1);
        notifier.submit(SampleAlerts.r14Firing());

        await().atMost(10, TimeUnit.SECONDS).until(() -> giveUps("webhook", "attempts") == 2);
        assertThat(receiver.count()).isEqualTo(2);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        BlockingDestination stuck = new BlockingDestination();
        NotifierSettings tiny = new NotifierSettings(
                1,
                6,
                Duration.ofMinutes(5),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofMillis(200),
                1000);
        Notifier notifier = notifier(tiny, stuck);

        notifier.submit(SampleAlerts.firingOn("web.1"));
        assertThat(stuck.entered.await(5, TimeUnit.SECONDS)).isTrue();
        notifier.submit(SampleAlerts.firingOn("web.2")); // waits in the queue
        notifier.submit(SampleAlerts.firingOn("web.3")); // no room

        assertThat(Metrics.counter(
                        registry, "alerter_delivery_queue_drops_total", "destination", "stuck", "cause", "full"))
                .isEqualTo(1);
        stuck.release.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> delivered("stuck") == 2);
    }

    @Test
    void closeLetsQueuedAlertsGoOut() {
        Receiver receiver = receiver();
        Notifier notifier =
                new Notifier(List.of(webhook(receiver)), SETTINGS, new DeliveryMetrics(registry), time, time);

        for (int i = 1; i <= 5; i++) {
            notifier.submit(SampleAlerts.firingOn("web." + i));
        }
        notifier.close();

        assertThat(receiver.count()).isEqualTo(5);
        assertThat(delivered("webhook")).isEqualTo(5);
    }

    @Test
    void closeGivesUpOnAHungDestinationAfterTheDrainTimeoutAndCountsWhatWasLeft() {
        Receiver dead = receiver().hang();
        NotifierSettings quick = new NotifierSettings(
                100,
                6,
                Duration.ofMinutes(5),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofMillis(300),
                1000);
        Notifier notifier = new Notifier(List.of(webhook(dead)), quick, new DeliveryMetrics(registry), time, time);
        notifier.submit(SampleAlerts.firingOn("web.1"));
        notifier.submit(SampleAlerts.firingOn("web.2"));

        long start = System.nanoTime();
        notifier.close();
        long closeMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(closeMillis).isLessThan(2_000);
        assertThat(giveUps("webhook", "shutdown")).isEqualTo(1);
        assertThat(Metrics.counter(
                        registry, "alerter_delivery_queue_drops_total", "destination", "webhook", "cause", "shutdown"))
                .isEqualTo(1);
        notifier.submit(SampleAlerts.firingOn("web.3"));
        assertThat(Metrics.counter(
                        registry, "alerter_delivery_queue_drops_total", "destination", "webhook", "cause", "shutdown"))
                .isEqualTo(2);
    }

    @Test
    void everyDestinationGetsEveryAlertInOrder() throws Exception {
        Receiver slackReceiver = receiver();
        Receiver webhookReceiver = receiver();
        Receiver pagerDutyReceiver = receiver().otherwiseAnswer(202, "{\"status\":\"success\"}");
        Notifier notifier = notifier(
                SETTINGS,
                new LogDestination(),
                slack(slackReceiver),
                webhook(webhookReceiver),
                new PagerDutyDestination(new Secret("routing-key"), pagerDutyReceiver.uri("/v2/enqueue"), poster()));

        notifier.submit(SampleAlerts.r14Firing());
        notifier.submit(SampleAlerts.r14Resolved());

        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> delivered("log") == 2
                        && delivered("slack") == 2
                        && delivered("webhook") == 2
                        && delivered("pagerduty") == 2);
        assertThat(pagerDutyReceiver.next().body()).contains("\"event_action\":\"trigger\"");
        assertThat(pagerDutyReceiver.next().body()).contains("\"event_action\":\"resolve\"");
    }

    private double delivered(String destination) {
        return Metrics.counter(
                registry, "alerter_deliveries_total", "destination", destination, "outcome", "delivered");
    }

    private double giveUps(String destination, String cause) {
        return Metrics.counter(registry, "alerter_delivery_give_ups_total", "destination", destination, "cause", cause);
    }

    private Receiver receiver() {
        try {
            Receiver receiver = Receiver.start();
            open.add(receiver);
            return receiver;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Notifier notifier(NotifierSettings settings, Destination... destinations) {
        Notifier notifier = new Notifier(List.of(destinations), settings, new DeliveryMetrics(registry), time, time);
        open.add(notifier);
        return notifier;
    }

    private static HttpPoster poster() {
        return new HttpPoster(HttpPoster.defaultClient(TIMEOUT), TIMEOUT);
    }

    private static WebhookDestination webhook(Receiver receiver) {
        return new WebhookDestination(new Secret(receiver.uri("/hook").toString()), null, poster());
    }

    private static SlackDestination slack(Receiver receiver) {
        return new SlackDestination(new Secret(receiver.uri("/services/T/B/X").toString()), poster());
    }

    /** Holds the first alert until released, to fill the queue behind it. */
    private static final class BlockingDestination implements Destination {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public Delivery deliver(Alert alert) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.retryable("interrupted");
            }
            return Delivery.delivered();
        }
    }
}
