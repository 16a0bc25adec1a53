package io.herokuelk.shipper.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * Checks HTTP basic credentials against configured pairs ({@code DRAIN_CREDENTIALS} on the drain,
 * {@code METRICS_CREDENTIALS} on {@code /metrics}). Every configured pair is compared, in constant time, whatever
 * the input, so that response time tells nothing about which part of a guess was right.
 */
public final class BasicAuthenticator {

    private final Map<String, Secret> credentials;
    private final boolean required;

    public BasicAuthenticator(Map<String, Secret> credentials, boolean required) {
        this.credentials = credentials;
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    /** Whether an {@code Authorization} header value is acceptable. */
    public boolean accepts(String authorization) {
        if (!required) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        byte[] user = decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8);
        String password = decoded.substring(colon + 1);
        boolean accepted = false;
        for (Map.Entry<String, Secret> credential : credentials.entrySet()) {
            boolean userMatches = MessageDigest.isEqual(credential.getKey().getBytes(StandardCharsets.UTF_8), user);
            boolean passwordMatches = credential.getValue().matches(password);
            accepted |= userMatches & passwordMatches;
        }
        return accepted;
    }
}
