package io.herokuelk.shipper.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataStreamsTest {

    @Test
    void namesFollowTheTypeDatasetNamespaceScheme() {
        assertThat(DataStreams.name("heroku.router", "default")).isEqualTo("logs-heroku.router-default");
        assertThat(DataStreams.name("app.request", "staging")).isEqualTo("logs-app.request-staging");
    }

    @Test
    void datasetsFromAppLinesAreCutDownToWhatAnIndexNameAllows() {
        assertThat(DataStreams.name("My-App/Requests", "default")).isEqualTo("logs-my_app_requests-default");
        assertThat(DataStreams.name("..hidden", "default")).isEqualTo("logs-hidden-default");
        assertThat(DataStreams.name(null, "default")).isEqualTo("logs-heroku.app-default");
        assertThat(DataStreams.name("", "default")).isEqualTo("logs-heroku.app-default");
        assertThat(DataStreams.dataset("x".repeat(300))).hasSize(100);
    }

    @Test
    void aRepeatedDatasetGivesTheSameName() {
        assertThat(DataStreams.name("My-App", "default")).isEqualTo(DataStreams.name("My-App", "default"));
    }
}
