package io.herokuelk.shipper.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How drains reach us and prove who they are.
 *
 * @param port            {@code PORT}: the HTTPS drain's listener (Heroku's router terminates TLS in front of it)
 * @param credentials     {@code DRAIN_CREDENTIALS=user:password,...}: HTTP basic auth accepted on the drain; plus
 *                        {@code DRAIN_PASSWORD}, when set, as the password of user {@code logplex}
 * @param authRequired    false only with {@code DRAIN_AUTH=none}, an explicit opt-out
 * @param drainTokens     {@code DRAIN_TOKENS=d.xxx=myapp,...}: app names by Logplex drain token
 * @param maxBodyBytes    {@code DRAIN_MAX_BODY_BYTES}: larger bodies get 413 (Logplex batches are about 100 KiB)
 * @param maxInFlightBytes {@code DRAIN_MAX_INFLIGHT_BYTES}: bodies held at once; past it, 429 (memory stays bounded)
 * @param readTimeout     {@code DRAIN_READ_TIMEOUT_MS}: a body not read within it has its connection closed (a
 *                        stalled upload returns its share of the budget instead of holding it)
 * @param syslogTcpPort   {@code SYSLOG_TCP_PORT}: plain syslog listener, off when unset
 * @param syslogTlsPort   {@code SYSLOG_TLS_PORT}: syslog over TLS, off when unset
 * @param tlsCertificate  {@code SYSLOG_TLS_CERT}: PEM certificate chain for the TLS listener
 * @param tlsKey          {@code SYSLOG_TLS_KEY}: PEM private key (PKCS#8) for the TLS listener
 */
public record DrainSettings(
        int port,
        Map<String, Secret> credentials,
        boolean authRequired,
        Map<String, String> drainTokens,
        int maxBodyBytes,
        long maxInFlightBytes,
        Duration readTimeout,
        Optional<Integer> syslogTcpPort,
        Optional<Integer> syslogTlsPort,
        Optional<Secret> tlsCertificate,
        Optional<Secret> tlsKey) {

    /** The user that {@code DRAIN_PASSWORD} is the password of. */
    public static final String PASSWORD_USER = "logplex";
    /** Drain URLs travel in Heroku's config and logs of drains: a guessable password is refused at start. */
    public static final int MIN_PASSWORD_LENGTH = 16;

    public static DrainSettings from(Environment env) {
        Map<String, Secret> credentials = pairs(env, "DRAIN_CREDENTIALS", ':', true).entrySet().stream()
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), new Secret(e.getValue())), Map::putAll);
        // One generated value is all an app.json generator can make, so a lone password stands for user logplex.
        env.secret("DRAIN_PASSWORD").ifPresent(password -> {
            if (credentials.putIfAbsent(PASSWORD_USER, password) != null) {
                env.problem("DRAIN_PASSWORD and DRAIN_CREDENTIALS both give a password for user " + PASSWORD_USER
                        + "; keep one of them");
            }
        });
        String auth = env.string("DRAIN_AUTH", "basic").toLowerCase(Locale.ROOT);
        boolean authRequired = !auth.equals("none");
        if (!auth.equals("none") && !auth.equals("basic")) {
            env.problem("DRAIN_AUTH=" + auth + " is neither basic nor none");
        }
        credentials.forEach((user, password) -> {
            if (password.reveal().length() < MIN_PASSWORD_LENGTH) {
                env.problem("the drain password of user " + user + " is shorter than " + MIN_PASSWORD_LENGTH
                        + " characters; use a random one, e.g. $(openssl rand -hex 24)");
            }
        });
        // A malformed item has been named already: one message for one mistake.
        boolean noItems = env.string("DRAIN_CREDENTIALS", "").replace(",", "").isBlank();
        if (authRequired && credentials.isEmpty() && noItems) {
            env.problem("DRAIN_CREDENTIALS is empty: set user:password pairs for the drain URLs"
                    + " (https://user:password@host/logs) or DRAIN_PASSWORD (user " + PASSWORD_USER + "), or"
                    + " DRAIN_AUTH=none to accept drains without credentials");
        }
        Optional<Integer> tcp = port(env, "SYSLOG_TCP_PORT");
        Optional<Integer> tls = port(env, "SYSLOG_TLS_PORT");
        Optional<Secret> certificate = env.secret("SYSLOG_TLS_CERT");
        Optional<Secret> key = env.secret("SYSLOG_TLS_KEY");
        if (tls.isPresent() && (certificate.isEmpty() || key.isEmpty())) {
            env.problem("SYSLOG_TLS_PORT is set but SYSLOG_TLS_CERT and SYSLOG_TLS_KEY (PEM) are not both set");
        }
        return new DrainSettings(
                env.integer("PORT", 5000, 0, 65535),
                Map.copyOf(credentials),
                authRequired,
                Map.copyOf(pairs(env, "DRAIN_TOKENS", '=', false)),
                env.integer("DRAIN_MAX_BODY_BYTES", 1024 * 1024, 1024, 64 * 1024 * 1024),
                env.number("DRAIN_MAX_INFLIGHT_BYTES", 32L * 1024 * 1024, 1024 * 1024, 4L * 1024 * 1024 * 1024),
                env.millis("DRAIN_READ_TIMEOUT_MS", 10_000, 100, 600_000),
                tcp,
                tls,
                certificate,
                key);
    }

    private static Optional<Integer> port(Environment env, String name) {
        return env.optional(name).map(value -> env.integer(name, 0, 0, 65535));
    }

    /** {@code a:b,c:d} into a map; the problem message never shows a value when the values are secret. */
    private static Map<String, String> pairs(Environment env, String name, char separator, boolean secretValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : List.of(env.string(name, "").split(","))) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int at = trimmed.indexOf(separator);
            if (at <= 0 || at == trimmed.length() - 1) {
                env.problem(name + " item " + (pairs.size() + 1) + " is not of the form key" + separator + "value"
                        + (secretValues ? "" : ": " + trimmed));
                continue;
            }
            pairs.put(trimmed.substring(0, at), trimmed.substring(at + 1));
        }
        return pairs;
    }
}
