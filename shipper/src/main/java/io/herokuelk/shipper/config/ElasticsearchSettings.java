package io.herokuelk.shipper.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where Elasticsearch is and how to authenticate, from the environment:
 * {@code ELASTICSEARCH_URL} (user:password inside it, as Heroku add-ons such as Bonsai provide it) or
 * {@code ELASTIC_CLOUD_ID}; then {@code ELASTICSEARCH_API_KEY}, or {@code ELASTICSEARCH_USERNAME} and
 * {@code ELASTICSEARCH_PASSWORD}; {@code ELASTICSEARCH_CA_CERT} (PEM) for a private CA.
 *
 * @param url       the cluster's base URL without credentials
 * @param username  basic auth user, from the URL or the variables
 * @param password  basic auth password
 * @param apiKey    an API key (the base64 {@code id:key} form Elasticsearch issues); wins over basic auth
 * @param caCertificate PEM certificates to trust besides the JDK's
 * @param namespace {@code ELASTICSEARCH_NAMESPACE}, default {@code default}: the data streams' namespace
 */
public record ElasticsearchSettings(URI url, Optional<String> username, Optional<Secret> password,
                                    Optional<Secret> apiKey, Optional<Secret> caCertificate, String namespace) {

    public static ElasticsearchSettings from(Environment env) {
        Optional<String> cloudId = env.optional("ELASTIC_CLOUD_ID");
        URI raw = cloudId.map(id -> fromCloudId(id, env))
                .orElseGet(() -> parse(env.string("ELASTICSEARCH_URL", "http://127.0.0.1:9200"), env));
        Optional<String> username = env.optional("ELASTICSEARCH_USERNAME");
        Optional<Secret> password = env.secret("ELASTICSEARCH_PASSWORD");
        String userInfo = raw.getRawUserInfo();
        if (userInfo != null && username.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? password : Optional.of(new Secret(decode(userInfo.substring(colon + 1))));
        }
        String namespace = env.string("ELASTICSEARCH_NAMESPACE", "default");
        if (!namespace.matches("[a-z0-9_]{1,100}")) {
            env.problem("ELASTICSEARCH_NAMESPACE=" + namespace + " must be lower-case letters, digits and _"
                    + " (it is part of the data stream names, where - separates the parts)");
        }
        return new ElasticsearchSettings(withoutUserInfo(raw), username, password, env.secret("ELASTICSEARCH_API_KEY"),
                env.secret("ELASTICSEARCH_CA_CERT"), namespace);
    }

    private static URI parse(String url, Environment env) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            // The URL may hold a password: name the variable only.
            env.problem("ELASTICSEARCH_URL is not a URL such as https://user:password@host:9200");
            return URI.create("http://127.0.0.1:9200");
        }
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
            return URI.create("http://127.0.0.1:9200");
        }
    }

    private static URI withoutUserInfo(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ElasticsearchSettings[url=" + url + ", auth=" + (apiKey.isPresent() ? "api key"
                : username.isPresent() ? "basic as " + username.get() : "none") + ", namespace=" + namespace + "]";
    }
}
