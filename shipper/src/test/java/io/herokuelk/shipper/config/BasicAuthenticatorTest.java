package io.herokuelk.shipper.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTest {

    private final BasicAuthenticator authenticator =
            new BasicAuthenticator(Map.of("logplex", new Secret("s3cret"), "other", new Secret("pa:ss")), true);

    @Test
    void acceptsAnyConfiguredPair() {
        assertThat(authenticator.accepts(basic("logplex:s3cret"))).isTrue();
        assertThat(authenticator.accepts(basic("other:pa:ss")))
                .as("a colon inside the password")
                .isTrue();
        assertThat(authenticator.accepts("basic " + encode("logplex:s3cret")))
                .as("scheme is case-insensitive")
                .isTrue();
    }

    @Test
    void refusesWrongMissingAndMalformedCredentials() {
        assertThat(authenticator.accepts(basic("logplex:s3cre"))).isFalse();
        assertThat(authenticator.accepts(basic("logplex:s3cret2"))).isFalse();
        assertThat(authenticator.accepts(basic("other:s3cret")))
                .as("another user's password")
                .isFalse();
        assertThat(authenticator.accepts(null)).isFalse();
        assertThat(authenticator.accepts("Bearer s3cret")).isFalse();
        assertThat(authenticator.accepts("Basic !!!not-base64")).isFalse();
        assertThat(authenticator.accepts(basic("no-colon"))).isFalse();
    }

    @Test
    void acceptsEverythingOnlyWhenAuthIsExplicitlyOff() {
        assertThat(new BasicAuthenticator(Map.of(), false).accepts(null)).isTrue();
        assertThat(new BasicAuthenticator(Map.of(), true).accepts(basic("a:b"))).isFalse();
    }

    private static String basic(String pair) {
        return "Basic " + encode(pair);
    }

    private static String encode(String pair) {
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
