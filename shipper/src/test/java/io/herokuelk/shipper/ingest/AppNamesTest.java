package io.herokuelk.shipper.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppNamesTest {

    private final AppNames names = new AppNames(Map.of("d.1111", "from-token"));

    @Test
    void theQueryWinsThenThePathThenTheDrainToken() {
        assertThat(names.resolve(URI.create("/logs/from-path?app=from-query"), "d.1111"))
                .isEqualTo("from-query");
        assertThat(names.resolve(URI.create("/logs/from-path/"), "d.1111")).isEqualTo("from-path");
        assertThat(names.resolve(URI.create("/logs"), "d.1111")).isEqualTo("from-token");
    }

    @Test
    void nothingUsableGivesUnknown() {
        assertThat(names.resolve(URI.create("/logs"), null)).isEqualTo("unknown");
        assertThat(names.resolve(URI.create("/logs"), "d.unmapped")).isEqualTo("unknown");
        assertThat(names.resolve(URI.create("/logs/Not%20An%20App"), null)).isEqualTo("unknown");
        assertThat(names.resolve(URI.create("/logs?app=%3Cscript%3E"), null)).isEqualTo("unknown");
    }
}
