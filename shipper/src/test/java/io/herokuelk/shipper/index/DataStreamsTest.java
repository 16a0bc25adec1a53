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
    void datasetsFromOtherProducersAreCutDownToWhatAnIndexNameAllowsAndATemplateCovers() {
        assertThat(DataStreams.name("App.My-App/Requests", "default")).isEqualTo("logs-app.my_app_requests-default");
        assertThat(DataStreams.name("..heroku.hidden", "default")).isEqualTo("logs-heroku.hidden-default");
        assertThat(DataStreams.name("My-App/Requests", "default"))
                .as("no template covers it")
                .isEqualTo("logs-heroku.app-default");
        assertThat(DataStreams.name("app.", "default")).isEqualTo("logs-heroku.app-default");
        assertThat(DataStreams.name(null, "default")).isEqualTo("logs-heroku.app-default");
        assertThat(DataStreams.name("", "default")).isEqualTo("logs-heroku.app-default");
        assertThat(DataStreams.dataset("app." + "x".repeat(300))).hasSize(100);
    }

    @Test
    void aRepeatedDatasetGivesTheSameName() {
        assertThat(DataStreams.name("My-App", "default")).isEqualTo(DataStreams.name("My-App", "default"));
    }
}
