package io.herokuelk.shipper.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed NDJSON is exactly what setup imports (generated from {@link HerokuElkObjects}). After changing the
 * definition, regenerate it with {@code -Dkibana.regenerate=true} and review the diff.
 */
class CommittedNdjsonTest {

    @Test
    void committedNdjsonIsWhatSetupImports() throws Exception {
        String generated = SavedObjects.ndjson();
        if (Boolean.getBoolean("kibana.regenerate")) {
            Files.writeString(Exported.committedFile(), generated, StandardCharsets.UTF_8);
        }
        assertEquals(
                generated,
                Files.readString(Exported.committedFile(), StandardCharsets.UTF_8),
                "kibana-dashboards/heroku-elk.ndjson differs from the definition; run the shipper tests with"
                        + " -Dkibana.regenerate=true and commit the result");
    }
}
