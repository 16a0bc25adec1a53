package io.herokuelk.shipper.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Elasticsearch is and how to authenticate, from the environment. The cluster is the first of:
 * {@code ELASTIC_CLOUD_ID}, {@code ELASTICSEARCH_URL}, then the URLs Heroku's search add-ons set
 * ({@link #ADD_ON_URLS}, in that order), else the local node. Credentials inside a URL (as add-ons give them) become
 * basic auth; {@code ELASTICSEARCH_API_KEY}, or {@code ELASTICSEARCH_USERNAME} and {@code ELASTICSEARCH_PASSWORD},
 * win over them; {@code ELASTICSEARCH_CA_CERT} (PEM) for a private CA.
 *
 * @param url       the cluster's base URL without credentials
 * @param source    the variable the cluster came from, or {@code default}
 * @param username  basic auth user, from the URL or the variables
 * @param password  basic auth password
 * @param apiKey    an API key (the base64 {@code id:key} form Elasticsearch issues); wins over basic auth
 * @param caCertificate PEM certificates to trust besides the JDK's
 * @param namespace {@code ELASTICSEARCH_NAMESPACE}, default {@code default}: the data streams' namespace
 * @param timeout   {@code ELASTICSEARCH_TIMEOUT_MS}, default 30000: how long a request may wait for its answer (a hung
 *                  cluster is then noticed, and well inside Kafka's {@code max.poll.interval.ms} of 5 min)
 */
public record ElasticsearchSettings(
        URI url,
        String source,
        Optional<String> username,
        Optional<Secret> password,
        Optional<Secret> apiKey,
        Optional<Secret> caCertificate,
        String namespace,
        Duration timeout) {

    /** Heroku search add-ons' URL variables, by precedence (SearchBox sets an https one beside the plain one). */
    public static final List<String> ADD_ON_URLS =
            List.of("BONSAI_URL", "SEARCHBOX_SSL_URL", "SEARCHBOX_URL", "FOUNDELASTICSEARCH_URL");
    /** What a namespace may hold: it is part of data stream names, where {@code -} separates the parts. */
    public static final String NAMESPACE_RULE = "must be 1 to 100 lower-case letters, digits and _ (it is part of"
            + " the data stream names, where - separates the parts)";

    private static final URI LOCAL = URI.create("http://127.0.0.1:9200");

    public static ElasticsearchSettings from(Environment env) {
        Optional<String> cloudId = env.optional("ELASTIC_CLOUD_ID");
        String source =
                cloudId.isPresent() ? "ELASTIC_CLOUD_ID" : urlVariable(env).orElse("default");
        URI raw = cloudId.map(id -> fromCloudId(id, env))
                .orElseGet(() -> source.equals("default")
                        ? LOCAL
                        : parse(source, env.optional(source).get(), env));
        Optional<String> username = env.optional("ELASTICSEARCH_USERNAME");
        Optional<Secret> password = env.secret("ELASTICSEARCH_PASSWORD");
        String userInfo = raw.getRawUserInfo();
        if (userInfo != null && username.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? password : Optional.of(new Secret(decode(userInfo.substring(colon + 1))));
        }
        String namespace = env.string("ELASTICSEARCH_NAMESPACE", "default");
        if (!isNamespace(namespace)) {
            env.problem("ELASTICSEARCH_NAMESPACE=" + namespace + " " + NAMESPACE_RULE);
        }
        return new ElasticsearchSettings(
                withoutUserInfo(raw),
                source,
                username,
                password,
                env.secret("ELASTICSEARCH_API_KEY"),
                env.secret("ELASTICSEARCH_CA_CERT"),
                namespace,
                env.millis("ELASTICSEARCH_TIMEOUT_MS", 30_000, 100, 240_000));
    }

    public static boolean isNamespace(String namespace) {
        return namespace.matches("[a-z0-9_]{1,100}");
    }

    /** The first of {@code ELASTICSEARCH_URL} and the add-ons' variables that is set. */
    private static Optional<String> urlVariable(Environment env) {
        if (env.optional("ELASTICSEARCH_URL").isPresent()) {
            return Optional.of("ELASTICSEARCH_URL");
        }
        return ADD_ON_URLS.stream()
                .filter(name -> env.optional(name).isPresent())
                .findFirst();
    }

    private static URI parse(String variable, String url, Environment env) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() != null && (scheme.equals("http") || scheme.equals("https"))) {
                return uri;
            }
            // The URL may hold a password: name the variable and the scheme only.
            env.problem(variable + " must be an http:// or https:// URL with a host, such as"
                    + " https://user:password@host:9200" + (scheme.isEmpty() ? "" : " (it is " + scheme + "://)"));
        } catch (IllegalArgumentException e) {
            env.problem(variable + " is not a URL such as https://user:password@host:9200");
        }
        return LOCAL;
    }

    /** Elastic Cloud ids are {@code name:base64(host$es-id$kibana-id)}; the cluster is at {@code https://es-id.host}. */
    static URI fromCloudId(String cloudId, Environment env) {
        try {
            String encoded = cloudId.substring(cloudId.indexOf(':') + 1);
            String[] parts = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\$");
            String host = parts[0];
            String port = "443";
            if (host.contains(":")) {
                port = host.substring(host.indexOf(':') + 1);
                host = host.substring(0, host.indexOf(':'));
            }
            return URI.create("https://" + parts[1] + "." + host + ":" + port);
        } catch (RuntimeException e) {
            env.problem("ELASTIC_CLOUD_ID is not an Elastic Cloud id (name:base64 text from the deployment page)");
            return LOCAL;
        }
    }

    private static URI withoutUserInfo(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** For logs: where, from which variable, how we sign in; no credential, not even an add-on's user name. */
    public String summary() {
        return url + " (from " + source + ", "
                + (apiKey.isPresent() ? "API key" : username.isPresent() ? "basic auth" : "no credentials")
                + (caCertificate.isPresent() ? ", private CA" : "") + ", namespace " + namespace + ")";
    }

    @Override
    public String toString() {
        return summary();
    }
}
