package io.herokuelk.shipper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DrainSettingsTest {

    @Test
    void aLonePasswordIsTheOneOfUserLogplexBesideTheOtherPairs() {
        DrainSettings drain = read(Map.of(
                "DRAIN_PASSWORD",
                "generated-by-heroku-0123456789abcdef",
                "DRAIN_CREDENTIALS",
                "myapp:one-long-random-password,otherapp:two-long-random-password"));

        assertThat(drain.credentials()).containsOnlyKeys("logplex", "myapp", "otherapp");
        assertThat(drain.credentials().get("logplex").matches("generated-by-heroku-0123456789abcdef"))
                .isTrue();
    }

    @Test
    void aLonePasswordIsEnoughForDrainsWithCredentials() {
        assertThat(read(Map.of("DRAIN_PASSWORD", "generated-by-heroku-0123456789abcdef"))
                        .authRequired())
                .isTrue();
    }

    @Test
    void twoPasswordsForLogplexAreRefusedWithoutShowingEither() {
        assertThatThrownBy(() -> read(Map.of(
                        "DRAIN_PASSWORD",
                        "first-s3cret-long-enough",
                        "DRAIN_CREDENTIALS",
                        "logplex:second-s3cret-long-enough")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DRAIN_PASSWORD and DRAIN_CREDENTIALS both give a password for user logplex")
                .message()
                .doesNotContain("s3cret");
    }

    @Test
    void aShortPasswordIsRefusedNamingTheUserNotThePassword() {
        assertThatThrownBy(() -> read(Map.of("DRAIN_CREDENTIALS", "myapp:s3cret,other:long-enough-password-1234")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the drain password of user myapp is shorter than 16 characters")
                .message()
                .doesNotContain("s3cret")
                .doesNotContain("other");
        assertThatThrownBy(() -> read(Map.of("DRAIN_PASSWORD", "short")))
                .hasMessageContaining("user logplex is shorter than 16");
    }

    @Test
    void anItemWithoutColonGivesOneMessage() {
        assertThatThrownBy(() -> read(Map.of("DRAIN_CREDENTIALS", "nocolon")))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("DRAIN_CREDENTIALS item 1 is not of the form key:value"));
    }

    @Test
    void noCredentialsAtAllIsNamed() {
        assertThatThrownBy(() -> read(Map.of("DRAIN_CREDENTIALS", " , ")))
                .hasMessageContaining("DRAIN_CREDENTIALS is empty");
    }

    private static DrainSettings read(Map<String, String> variables) {
        Environment env = new Environment(variables);
        DrainSettings settings = DrainSettings.from(env);
        env.validate();
        return settings;
    }
}
