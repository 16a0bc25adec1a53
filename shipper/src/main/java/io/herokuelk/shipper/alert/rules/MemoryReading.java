package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.Observation;
import java.time.Instant;

/**
 * One periodic memory sample of a dyno, from Heroku's runtime metrics ({@code heroku}) or the app's own sampler
 * ({@code app}). Heroku's used figure is rss + swap, what R14 is measured on; the page cache is left out.
 */
record MemoryReading(Instant at, String source, Double usedMb, Double quotaMb, Double percent) {

    static final String HEROKU = "heroku";
    static final String APP = "app";

    /** The sample an event carries, or null. {@code Process running} lines are not samples: they come with R14. */
    static MemoryReading of(Observation o) {
        if ("heroku.runtime_metrics".equals(o.dataset()) && (o.quotaPct() != null || o.rssMb() != null)) {
            Double used = o.rssMb() == null ? null : o.rssMb() + (o.swapMb() == null ? 0 : o.swapMb());
            Double percent = o.quotaPct() != null ? o.quotaPct() : ratio(used, o.quotaMb());
            return new MemoryReading(o.timestamp(), HEROKU, used, o.quotaMb(), percent);
        }
        if (o.appPercentOfLimit() != null || o.appRssMb() != null) {
            Double percent =
                    o.appPercentOfLimit() != null ? o.appPercentOfLimit() : ratio(o.appRssMb(), o.appLimitMb());
            Double used = o.appRssMb() != null
                    ? o.appRssMb()
                    : percent != null && o.appLimitMb() != null ? percent * o.appLimitMb() / 100 : null;
            return new MemoryReading(o.timestamp(), APP, used, o.appLimitMb(), percent);
        }
        return null;
    }

    Alert.MemorySample toSample() {
        return new Alert.MemorySample(at, source, usedMb == null ? Double.NaN : usedMb, quotaMb, percent);
    }

    private static Double ratio(Double used, Double quota) {
        return used == null || quota == null || quota <= 0 ? null : used * 100 / quota;
    }
}
