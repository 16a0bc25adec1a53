package io.herokuelk.shipper.alert.diagnosis;

/**
 * A least-squares line through points (x, y) and how well it fits.
 *
 * @param slope     y per unit of x
 * @param intercept y at x = 0
 * @param rSquared  share of the variance the line explains, 0..1 (1 for a perfect line; 0 when y is constant)
 */
public record LinearTrend(double slope, double intercept, double rSquared) {

    /** Null when fewer than two distinct x. */
    public static LinearTrend fit(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return null;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        double rSquared = syy == 0 ? 0 : (sxy * sxy) / (sxx * syy);
        return new LinearTrend(slope, meanY - slope * meanX, rSquared);
    }

    public double at(double x) {
        return intercept + slope * x;
    }
}
