package io.herokuelk.shipper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DrainSettingsTest {

    @Test
    void aLonePasswordIsTheOneOfUserLogplexBesideTheOtherPairs() {
        DrainSettings drain = read(Map.of("DRAIN_PASSWORD", "generated-by-heroku",
                "DRAIN_CREDENTIALS", "myapp:one,otherapp:two"));

        assertThat(drain.credentials()).containsOnlyKeys("logplex", "myapp", "otherapp");
        assertThat(drain.credentials().get("logplex").matches("generated-by-heroku")).isTrue();
    }

    @Test
    void aLonePasswordIsEnoughForDrainsWithCredentials() {
        assertThat(read(Map.of("DRAIN_PASSWORD", "generated-by-heroku")).authRequired()).isTrue();
    }

    @Test
    void twoPasswordsForLogplexAreRefusedWithoutShowingEither() {
        assertThatThrownBy(() -> read(Map.of("DRAIN_PASSWORD", "first-s3cret",
                "DRAIN_CREDENTIALS", "logplex:second-s3cret")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DRAIN_PASSWORD and DRAIN_CREDENTIALS both give a password for user logplex")
                .message().doesNotContain("s3cret");
    }

    private static DrainSettings read(Map<String, String> variables) {
        Environment env = new Environment(variables);
        DrainSettings settings = DrainSettings.from(env);
        env.validate();
        return settings;
    }
}
