package io.herokuelk.devstack.runner;

/** Sleeping while polling a starting service, keeping the interrupt flag for the caller. */
final class Sleep {

    private Sleep() {}

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
