package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.config.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Removes secrets from a delivery's reason, in case a receiver's answer echoes the request. */
final class Redaction {

    /** Path segments and query values this long may be tokens (Slack's are 24); shorter ones are words. */
    private static final int TOKEN_LENGTH = 12;

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        // longest first, so that a URL is hidden whole rather than around its hidden token
        this.secrets = secrets.stream()
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** Hides the values themselves. */
    static Redaction of(Secret... values) {
        List<String> secrets = new ArrayList<>();
        for (Secret value : values) {
            if (value != null) {
                secrets.add(value.reveal());
            }
        }
        return new Redaction(secrets);
    }

    /** Hides a URL whole, its path and query, and each part of them long enough to be a token. */
    static Redaction ofUrl(Secret url, Secret... others) {
        List<String> secrets = new ArrayList<>(of(others).secrets);
        String whole = url.reveal();
        secrets.add(whole);
        URI uri = URI.create(whole);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        List<String> parts = new ArrayList<>(List.of(query.isEmpty() ? path : path + "?" + query, query));
        parts.addAll(List.of((path + "/" + query.replace('&', '/').replace('=', '/')).split("/")));
        for (String part : parts) {
            if (part.length() >= TOKEN_LENGTH) { // a short path such as "/" or "/hook" is no secret
                secrets.add(part);
            }
        }
        return new Redaction(secrets);
    }

    Delivery scrub(Delivery delivery) {
        String reason = delivery.reason();
        for (String secret : secrets) {
            reason = reason.replace(secret, "******");
        }
        return reason.equals(delivery.reason())
                ? delivery
                : new Delivery(delivery.outcome(), reason, delivery.retryAfter());
    }
}
