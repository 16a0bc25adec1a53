package io.herokuelk.shipper.parse;

/**
 * Who wrote a message: {@code app} (the dynos' output) or {@code heroku} (router, platform, runtime metrics), which
 * dyno or process, and the drain token when the header carries one.
 *
 * <p>The three header tokens mean different things in the three layouts Heroku has used:
 * <pre>
 *   HTTPS drains          host      app|heroku   web.1|router|...
 *   syslog drains         d.&lt;uuid&gt;  app|heroku   web.1|router|...
 *   older layout          app|heroku  web.1|...  d.&lt;uuid&gt;
 * </pre>
 * A header that fits none keeps the HTTPS reading when its APP-NAME is {@code app} or {@code heroku}; otherwise the
 * source is unknown ({@code null}) and PROCID is taken as the process.
 *
 * @param source    {@code app}, {@code heroku}, or {@code null} when the header does not say
 * @param dyno      the process that wrote the line ({@code web.1}, {@code router}, {@code heroku-postgres}, ...)
 * @param dynoType  the part of {@code dyno} before the first dot ({@code web})
 * @param drainToken the drain token found in the header, or {@code null}
 */
record Origin(String source, String dyno, String dynoType, String drainToken) {

    static final String APP = "app";
    static final String HEROKU = "heroku";

    static Origin of(SyslogHeader h) {
        String host = h.hostname();
        String appName = h.appName();
        String procId = h.procId();
        if (isDrainToken(host)) {
            return new Origin(source(appName), procId, dynoType(procId), host);
        }
        if (isSource(host) && isDrainToken(procId)) {
            return new Origin(host, appName, dynoType(appName), procId);
        }
        return new Origin(source(appName), procId, dynoType(procId), null);
    }

    /** Drain tokens are {@code d.} followed by a UUID (older apps: {@code t.}). */
    static boolean isDrainToken(String s) {
        return s.length() > 2 && (s.charAt(0) == 'd' || s.charAt(0) == 't') && s.charAt(1) == '.';
    }

    private static boolean isSource(String s) {
        return s.equals(APP) || s.equals(HEROKU);
    }

    private static String source(String appName) {
        return isSource(appName) ? appName : null;
    }

    static String dynoType(String dyno) {
        int dot = dyno.indexOf('.');
        return dot > 0 ? dyno.substring(0, dot) : dyno;
    }
}
