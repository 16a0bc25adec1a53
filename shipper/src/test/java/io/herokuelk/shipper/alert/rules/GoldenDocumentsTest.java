package io.herokuelk.shipper.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.Observation;
import io.herokuelk.shipper.alert.model.Observations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The parser's own documents through {@link Observations#from} and the default rules. */
class GoldenDocumentsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theR14OfTheDynoLinesCarriesTheProcessLineTheRuntimeSampleAndThePaths() throws IOException {
        Engines.TestClock clock = new Engines.TestClock();
        RuleEngine engine = new RuleEngine(RuleTypes.rulesFile().loadDefaults(), clock);
        List<Alert> alerts = new ArrayList<>();
        // Router lines first (10:00), shifted onto web.1's minute before the R14 (10:01).
        for (Observation o : documents("router")) {
            alerts.addAll(engine.observe(o));
        }
        for (Observation o : documents("dyno-lines")) {
            alerts.addAll(engine.observe(o));
        }

        Alert r14 =
                alerts.stream().filter(a -> a.rule().equals("r14")).findFirst().orElseThrow();
        assertThat(r14.app()).isEqualTo("myapp");
        assertThat(r14.dyno()).isEqualTo("web.1");
        assertThat(r14.startedAt()).isEqualTo(java.time.Instant.parse("2026-11-26T10:01:02.345700Z"));
        assertThat(r14.figures())
                .containsEntry("memory_mb", 909.0)
                .containsEntry("memory_quota_pct", 177.6)
                .containsEntry("rss_mb", 880.02)
                .containsEntry("swap_mb", 0.0)
                .containsEntry("total_mb", 909.12)
                .containsEntry("quota_mb", 512.0)
                .containsEntry("quota_pct", 171.88);
        assertThat(r14.context().memory()).singleElement().satisfies(sample -> {
            assertThat(sample.source()).isEqualTo("heroku");
            assertThat(sample.usedMb()).isEqualTo(880.02);
            assertThat(sample.percent()).isEqualTo(171.88);
        });
        assertThat(r14.context().slowest()).extracting(Alert.PathStat::path).contains("/report");

        Alert r15 =
                alerts.stream().filter(a -> a.rule().equals("r15")).findFirst().orElseThrow();
        assertThat(r15.severity()).isEqualTo("critical");
        assertThat(r15.figures()).containsEntry("memory_mb", 909.0);
    }

    @Test
    void theL10OfTheConcatenatedFramesFiresDrainLoss() throws IOException {
        RuleEngine engine = new RuleEngine(RuleTypes.rulesFile().loadDefaults(), new Engines.TestClock());
        List<Alert> alerts = new ArrayList<>();
        for (Observation o : documents("l10-concatenated")) {
            alerts.addAll(engine.observe(o));
        }
        assertThat(alerts)
                .filteredOn(a -> a.rule().equals("drain-loss"))
                .singleElement()
                .satisfies(a -> assertThat(a.figures()).containsEntry("dropped", 12L));
    }

    @Test
    void appRequestDurationsAreReadInMilliseconds() throws IOException {
        assertThat(documents("app-json").getFirst().durationMs()).isEqualTo(42.0);
    }

    private static List<Observation> documents(String name) throws IOException {
        List<Observation> observations = new ArrayList<>();
        for (String line : Files.readAllLines(GOLDEN.resolve(name + ".expected.ndjson"))) {
            if (!line.isBlank()) {
                Observation o = Observations.from(JSON.readTree(line));
                observations.add(name.equals("router") ? shiftAMinute(o) : o);
            }
        }
        return observations;
    }

    private static Observation shiftAMinute(Observation o) {
        return new Observation(
                o.timestamp().plusSeconds(60),
                o.app(),
                "web.1",
                o.dataset(),
                o.code(),
                o.dynoId(),
                o.quotaPct(),
                o.rssMb(),
                o.swapMb(),
                o.totalMb(),
                o.quotaMb(),
                o.processMb(),
                o.appPercentOfLimit(),
                o.appRssMb(),
                o.appHeapUsedMb(),
                o.appLimitMb(),
                o.status(),
                o.serviceMs(),
                o.path(),
                o.droppedMessages(),
                o.stateTo(),
                o.exitCode(),
                o.message(),
                o.durationMs(),
                o.cacheMb(),
                o.action(),
                o.process());
    }
}
