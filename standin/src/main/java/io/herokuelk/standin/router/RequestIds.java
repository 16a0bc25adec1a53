package io.herokuelk.standin.router;

import java.util.UUID;
import java.util.regex.Pattern;

/** {@code X-Request-ID}: Heroku keeps a client's id of 20 to 200 characters of {@code [A-Za-z0-9+=/-]}. */
final class RequestIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9+=/-]{20,200}");

    private RequestIds() {}

    static String keepOrCreate(String incoming) {
        return incoming != null && VALID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }
}
