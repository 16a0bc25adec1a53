package io.herokuelk.shipper.parse;

/** Number parsing without exceptions, for values that are usually but not always numbers. */
final class Numbers {

    static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private Numbers() {}

    /** A non-negative decimal integer of at most 18 digits, or {@link #NOT_A_NUMBER}. */
    static long parseLong(String s) {
        int n = s.length();
        if (n == 0 || n > 18) {
            return NOT_A_NUMBER;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A plain decimal such as {@code 909.12} or {@code 0.42}, or {@code NaN}. */
    static double parseDouble(String s) {
        int n = s.length();
        if (n == 0 || n > 24) {
            return Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && !(i == 0 && c == '-')) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Rounded to two decimals, for percentages. */
    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
