package io.herokuelk.standin.manager;

import java.time.Duration;

/**
 * The dyno manager's figures.
 *
 * @param quotaMb        the dyno's memory quota (eco, basic, standard-1x: 512)
 * @param r15Factor      R15 and a SIGKILL at this multiple of the quota (2 on eco/basic/standard dynos)
 * @param sampleInterval between runtime-metrics lines per dyno (Heroku: 20 s); R14 is reported with each
 * @param checkInterval  between checks for the R15 limit, which Heroku enforces at once rather than per sample
 * @param restartDelay   before a crashed dyno is started again
 */
public record ManagerSettings(
        double quotaMb, double r15Factor, Duration sampleInterval, Duration checkInterval, Duration restartDelay) {

    public static final double ECO_QUOTA_MB = 512;

    public static ManagerSettings heroku() {
        return new ManagerSettings(
                ECO_QUOTA_MB, 2.0, Duration.ofSeconds(20), Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    public ManagerSettings withSampleInterval(Duration interval) {
        return new ManagerSettings(quotaMb, r15Factor, interval, checkInterval, restartDelay);
    }

    public ManagerSettings withQuotaMb(double quota) {
        return new ManagerSettings(quota, r15Factor, sampleInterval, checkInterval, restartDelay);
    }

    public double r15LimitMb() {
        return quotaMb * r15Factor;
    }
}
