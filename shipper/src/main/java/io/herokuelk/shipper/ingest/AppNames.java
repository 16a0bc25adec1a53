package io.herokuelk.shipper.ingest;

import io.herokuelk.shipper.parse.DrainContext;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which app a drain request belongs to: {@code ?app=}, then the path ({@code /logs/<app>}), then the drain token
 * ({@code DRAIN_TOKENS}), else {@code unknown}. Heroku app names are lower-case letters, digits and dashes.
 */
final class AppNames {

    private static final Pattern APP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final Map<String, String> byDrainToken;

    AppNames(Map<String, String> byDrainToken) {
        this.byDrainToken = byDrainToken;
    }

    String resolve(URI uri, String drainToken) {
        String fromQuery = queryParameter(uri.getRawQuery(), "app");
        if (valid(fromQuery)) {
            return fromQuery;
        }
        String path = uri.getPath();
        if (path != null && path.startsWith("/logs/")) {
            String fromPath = path.substring("/logs/".length()).replaceAll("/+$", "");
            if (valid(fromPath)) {
                return fromPath;
            }
        }
        String fromToken = drainToken == null ? null : byDrainToken.get(drainToken);
        return valid(fromToken) ? fromToken : DrainContext.UNKNOWN_APP;
    }

    private static boolean valid(String name) {
        return name != null && APP_NAME.matcher(name).matches();
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
