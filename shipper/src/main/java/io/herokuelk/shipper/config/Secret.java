package io.herokuelk.shipper.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A value that must never be printed: {@link #toString()} hides it, so logs and error messages cannot leak it. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The value itself, for the one place that needs it. */
    public String reveal() {
        return value;
    }

    /** Compares in constant time, so that timing does not tell how much of a guess was right. */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "******";
    }
}
