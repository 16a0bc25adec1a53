package io.herokuelk.shipper.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code KAFKA_URL} as the Apache Kafka on Heroku add-on sets it: comma-separated {@code kafka+ssl://host:port}
 * addresses ({@code kafka://} for plaintext brokers), as bootstrap servers and whether to speak TLS.
 *
 * @param bootstrapServers {@code host:port,...}
 * @param tls              true for {@code kafka+ssl://}
 */
record KafkaUrl(String bootstrapServers, boolean tls) {

    static final String VARIABLE = "KAFKA_URL";
    private static final String TLS_SCHEME = "kafka+ssl";
    private static final String PLAIN_SCHEME = "kafka";

    /** The addresses, or empty with every problem recorded in {@code env} (each naming the variable). */
    static Optional<KafkaUrl> parse(String value, Environment env) {
        List<String> servers = new ArrayList<>();
        List<String> schemes = new ArrayList<>();
        int item = 0;
        boolean bad = false;
        for (String part : value.split(",")) {
            String address = part.trim();
            if (address.isEmpty()) {
                continue;
            }
            item++;
            Optional<URI> uri = brokerUri(address);
            if (uri.isEmpty()) {
                // An address with user information may hold a password: say where, not what.
                env.problem(VARIABLE + " item " + item + " is not kafka+ssl://host:port or kafka://host:port"
                        + (address.contains("@") ? "" : ": " + address));
                bad = true;
                continue;
            }
            servers.add(uri.get().getHost() + ":" + uri.get().getPort());
            schemes.add(uri.get().getScheme());
        }
        if (item == 0) {
            env.problem(VARIABLE + " holds no broker address (kafka+ssl://host:port,...)");
            return Optional.empty();
        }
        if (schemes.stream().distinct().count() > 1) {
            env.problem(VARIABLE + " mixes kafka:// and kafka+ssl:// addresses; one cluster speaks one of them");
            return Optional.empty();
        }
        return bad
                ? Optional.empty()
                : Optional.of(new KafkaUrl(
                        String.join(",", servers), schemes.getFirst().equals(TLS_SCHEME)));
    }

    private static Optional<URI> brokerUri(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean known = scheme.equals(TLS_SCHEME) || scheme.equals(PLAIN_SCHEME);
            boolean bare = uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && (uri.getRawPath() == null
                            || uri.getRawPath().isEmpty()
                            || uri.getRawPath().equals("/"));
            return known && bare && uri.getHost() != null && uri.getPort() > 0
                    ? Optional.of(new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null))
                    : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
