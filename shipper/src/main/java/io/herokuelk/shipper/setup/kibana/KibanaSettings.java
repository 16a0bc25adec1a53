package io.herokuelk.shipper.setup.kibana;

import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Where setup finds Kibana, from {@code --kibana-url} (over {@code KIBANA_URL}), with an API key
 * ({@code KIBANA_API_KEY}) or basic auth ({@code KIBANA_USERNAME}, {@code KIBANA_PASSWORD}), in a space
 * ({@code KIBANA_SPACE}, default the default space).
 */
public record KibanaSettings(
        URI url, Optional<Secret> apiKey, Optional<String> username, Optional<Secret> password, String space) {

    public static final String URL_OPTION = "--kibana-url";

    /** Empty when neither the option nor the variable names a Kibana: setup then skips the Kibana step. */
    public static Optional<KibanaSettings> from(Environment env, Optional<String> urlOption) {
        Optional<String> url = urlOption.or(() -> env.optional("KIBANA_URL"));
        Optional<Secret> apiKey = env.secret("KIBANA_API_KEY");
        Optional<String> username = env.optional("KIBANA_USERNAME");
        Optional<Secret> password = env.secret("KIBANA_PASSWORD");
        if (username.isPresent() != password.isPresent()) {
            env.problem("KIBANA_USERNAME and KIBANA_PASSWORD go together: set both or neither");
        }
        if (apiKey.isPresent() && username.isPresent()) {
            env.problem("KIBANA_API_KEY and KIBANA_USERNAME both set: use one way to sign in to Kibana");
        }
        String space = env.string("KIBANA_SPACE", "default");
        if (!space.matches("[a-z0-9_-]+")) {
            env.problem("KIBANA_SPACE=" + space + " is not a space id (lower-case letters, digits, _ and -)");
        }
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.get().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            env.problem("Kibana URL " + url.get() + " is not a URL (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            env.problem("Kibana URL " + url.get() + " must be http:// or https:// with a host");
            return Optional.empty();
        }
        return Optional.of(new KibanaSettings(uri, apiKey, username, password, space));
    }

    /**
     * A rule's or connector's id in this space. Kibana keeps these ids unique across all spaces (a second space
     * asking for the same id gets 409), so the default space keeps the fixed id and every other space gets one
     * derived from its name: the same on every run, a UUID as Kibana requires of predefined ids.
     */
    String idInSpace(String id) {
        return space.equals("default")
                ? id
                : UUID.nameUUIDFromBytes((space + ":" + id).getBytes(StandardCharsets.UTF_8))
                        .toString();
    }

    /** The path prefix of the space: none for the default space. */
    String spacePrefix() {
        return space.equals("default") ? "" : "/s/" + space;
    }
}
