package io.herokuelk.shipper.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.model.Alert;
import org.junit.jupiter.api.Test;

class ContextTest {

    private static final String RULES = """
            context:
              memory_samples: 3
              paths_window: 5m
              top_paths: 2
            rules:
              - name: r14
                type: r14
            """;

    @Test
    void carriesTheLastMemorySamplesOfBothSourcesOldestFirst() {
        Engines run = new Engines(RULES);
        for (int s = 0; s < 100; s += 20) {
            run.feed(Obs.metrics(s, 400 + s, 512));
        }
        run.feed(Obs.atSeconds(90).appPercent(97).build());
        Alert alert = run.feed(Obs.r14(100)).getFirst();

        assertThat(alert.context().memory())
                .extracting(Alert.MemorySample::source)
                .containsExactly("heroku", "heroku", "heroku");
        assertThat(alert.context().memory())
                .extracting(Alert.MemorySample::usedMb)
                .containsExactly(440.0, 460.0, 480.0);
        assertThat(alert.context().memory().getFirst().quotaMb()).isEqualTo(512.0);
    }

    @Test
    void busiestAndSlowestPathsOfTheDynoInTheMinutesBefore() {
        Engines run = new Engines(RULES);
        run.feed(Obs.router(0, "web.1", null, "/old", 99999));
        for (int i = 0; i < 20; i++) {
            run.feed(Obs.router(400 + i, "web.1", null, "/api/orders", 10 + i));
        }
        for (int i = 0; i < 5; i++) {
            run.feed(Obs.router(420 + i, "web.1", null, "/report", 4000 + i * 100));
        }
        run.feed(Obs.router(425, "web.1", null, "/search", 900));
        run.feed(Obs.router(425, "web.2", null, "/elsewhere", 50000));
        Alert alert = run.feed(Obs.r14(430)).getFirst();

        assertThat(alert.context().busiest())
                .extracting(Alert.PathStat::path)
                .containsExactly("/api/orders", "/report");
        assertThat(alert.context().busiest().getFirst().requests()).isEqualTo(20);
        assertThat(alert.context().slowest()).extracting(Alert.PathStat::path).containsExactly("/report", "/search");
        assertThat(alert.context().slowest().getFirst().maxServiceMs()).isEqualTo(4400.0);
    }

    @Test
    void appRequestEventsServeWhenThereAreNoRouterLines() {
        Engines run = new Engines(RULES);
        run.feed(Obs.atSeconds(0).appRequest("/api/orders", 42).build());
        run.feed(Obs.atSeconds(1).appRequest("/api/orders", 58).build());
        Alert alert = run.feed(Obs.r14(2)).getFirst();
        assertThat(alert.context().busiest()).singleElement().satisfies(p -> {
            assertThat(p.requests()).isEqualTo(2);
            assertThat(p.maxServiceMs()).isEqualTo(58.0);
        });
    }

    @Test
    void stateStaysBoundedByTheDynoLimit() {
        Engines run =
                new Engines(RULES.replace("rules:", "limits:\n  max_dynos: 2\n  max_requests_per_dyno: 3\nrules:"));
        for (int d = 0; d < 50; d++) {
            for (int i = 0; i < 10; i++) {
                run.feed(Obs.router(i, "web." + d, null, "/p" + i, 1));
            }
        }
        Alert alert =
                run.feed(Obs.atSeconds(20).dyno("web.49").code("R14").build()).getFirst();
        assertThat(alert.context().busiest()).extracting(Alert.PathStat::path).containsExactlyInAnyOrder("/p7", "/p8");
        assertThat(run.feed(Obs.atSeconds(21).dyno("web.0").code("R14").build())
                        .getFirst()
                        .context()
                        .busiest())
                .isEmpty();
    }
}
