package io.herokuelk.shipper.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herokuelk.elk.assets.ElasticsearchAssets;
import io.herokuelk.elk.assets.ElasticsearchAssets.Asset;
import io.herokuelk.shipper.setup.SetupReport.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ElasticsearchSetupTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A cluster in memory: stores bodies by asset, optionally refusing the lifecycle block. */
    static class FakeCluster implements ElasticsearchCluster {
        final Map<Asset, String> stored = new HashMap<>();
        final boolean ilm;
        final boolean refusesLifecycle;

        FakeCluster(boolean ilm, boolean refusesLifecycle) {
            this.ilm = ilm;
            this.refusesLifecycle = refusesLifecycle;
        }

        @Override
        public Capabilities capabilities() throws Unreachable {
            return new Capabilities(ilm, ilm);
        }

        @Override
        public Installed installed(Asset asset) {
            String body = stored.get(asset);
            if (body == null) {
                return Installed.ABSENT;
            }
            JsonNode root = JSON.readTree(body);
            JsonNode meta =
                    asset.kind() == ElasticsearchAssets.Kind.ILM_POLICY ? root.at("/policy/_meta") : root.get("_meta");
            return new Installed(true, meta.get(TemplateBodies.HASH_KEY).asString());
        }

        @Override
        public void put(Asset asset, String body) throws Refused {
            if (refusesLifecycle && body.contains("\"lifecycle\"")) {
                throw new Refused(400, "unknown key [lifecycle] in the template");
            }
            stored.put(asset, body);
        }
    }

    private static SetupReport run(FakeCluster cluster, int days) {
        SetupReport report =
                new SetupReport(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        new ElasticsearchSetup(cluster, days).run(report);
        return report;
    }

    private static List<Outcome> outcomes(SetupReport report, Outcome... only) {
        List<Outcome> wanted = List.of(only);
        return report.lines().stream()
                .map(SetupReport.Line::outcome)
                .filter(wanted::contains)
                .toList();
    }

    /** Every component and index template the assets list; the ILM ones come on top where the cluster has ILM. */
    private static final int TEMPLATES =
            ElasticsearchAssets.componentTemplates().size()
                    + ElasticsearchAssets.indexTemplates().size();

    private static final int INDEX_TEMPLATES =
            ElasticsearchAssets.indexTemplates().size();

    @Test
    void withoutIlmTheTemplatesCarryTheRetentionAndTheSecondRunChangesNothing() {
        FakeCluster cluster = new FakeCluster(false, false);
        SetupReport first = run(cluster, 14);
        assertEquals(
                TEMPLATES,
                outcomes(first, Outcome.CREATED).size(),
                first.lines().toString());
        assertFalse(first.failed());
        assertTrue(first.lines().stream()
                .anyMatch(line -> line.outcome() == Outcome.SKIPPED
                        && line.detail()
                                .startsWith("ILM is not available on this cluster (the minimal distribution);"
                                        + " retention is set by data stream lifecycle instead")));
        assertFalse(cluster.stored.containsKey(ElasticsearchAssets.ILM_POLICY));
        assertFalse(cluster.stored.containsKey(ElasticsearchAssets.ILM_COMPONENT));
        for (Asset template : ElasticsearchAssets.indexTemplates()) {
            assertEquals(
                    "14d",
                    JSON.readTree(cluster.stored.get(template))
                            .at("/template/lifecycle/data_retention")
                            .asString());
        }

        SetupReport second = run(cluster, 14);
        assertEquals(
                TEMPLATES,
                outcomes(second, Outcome.UNCHANGED).size(),
                second.lines().toString());
        assertEquals(List.of(), outcomes(second, Outcome.CREATED, Outcome.UPDATED, Outcome.FAILED));

        SetupReport longer = run(cluster, 60);
        assertEquals(
                INDEX_TEMPLATES,
                outcomes(longer, Outcome.UPDATED).size(),
                "only the index templates hold the retention");
    }

    @Test
    void withIlmThePolicyManagesRetentionAndTheTemplatesCarryNoLifecycle() {
        FakeCluster cluster = new FakeCluster(true, false);
        SetupReport report = run(cluster, 30);
        assertFalse(report.failed());
        assertEquals(
                TEMPLATES + 2,
                outcomes(report, Outcome.CREATED).size(),
                report.lines().toString());
        assertEquals(
                "30d",
                JSON.readTree(cluster.stored.get(ElasticsearchAssets.ILM_POLICY))
                        .at("/policy/phases/delete/min_age")
                        .asString());
        assertEquals(
                "heroku-elk-logs",
                JSON.readTree(cluster.stored.get(ElasticsearchAssets.ILM_COMPONENT))
                        .at("/template/settings/index/lifecycle/name")
                        .asString());
        for (Asset template : ElasticsearchAssets.indexTemplates()) {
            assertTrue(
                    JSON.readTree(cluster.stored.get(template))
                            .at("/template/lifecycle")
                            .isMissingNode(),
                    "ILM and data stream lifecycle must not both manage " + template.name());
        }
    }

    @Test
    void aClusterThatRefusesLifecycleGetsTheTemplatesWithoutItAndIsToldSo() {
        FakeCluster cluster = new FakeCluster(false, true);
        SetupReport report = run(cluster, 30);
        assertFalse(report.failed(), report.lines().toString());
        assertEquals(
                INDEX_TEMPLATES,
                ElasticsearchAssets.indexTemplates().stream()
                        .filter(cluster.stored::containsKey)
                        .count());
        assertTrue(report.lines().stream()
                .anyMatch(line -> line.subject().equals("data stream lifecycle")
                        && line.detail().startsWith("this cluster refused it")));
    }

    @Test
    void anUnreachableClusterIsOneFailedLineWithASentence() {
        ElasticsearchCluster down = new FakeCluster(false, false) {
            @Override
            public Capabilities capabilities() throws Unreachable {
                throw new Unreachable("Elasticsearch at http://127.0.0.1:1 could not be reached", null);
            }
        };
        SetupReport report =
                new SetupReport(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        new ElasticsearchSetup(down, 30).run(report);
        assertTrue(report.failed());
        assertEquals(1, report.lines().size());
    }
}
