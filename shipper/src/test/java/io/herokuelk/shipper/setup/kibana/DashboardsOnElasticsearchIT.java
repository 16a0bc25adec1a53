package io.herokuelk.shipper.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herokuelk.devstack.testing.ElasticsearchEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.elk.assets.ElasticsearchAssets;
import io.herokuelk.elk.assets.ElasticsearchAssets.Asset;
import io.herokuelk.shipper.testing.ElasticsearchHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed dashboards and rules on the real Elasticsearch node: the elk module's templates installed, forty
 * minutes of parsed Heroku lines and app events indexed ({@link Episode}), then every Lens layer's search run and
 * every rule's query evaluated where it should fire and where it should not.
 */
@ExtendWith(RealServices.class)
class DashboardsOnElasticsearchIT {

    private static final String NAMESPACE = "kibanait" + Long.toString(System.nanoTime(), 36);
    private static String es;
    private static ElasticsearchHttp http;
    private static Episode episode;

    @BeforeAll
    static void indexTheEpisode(ElasticsearchEndpoint endpoint) throws Exception {
        es = endpoint.url();
        http = new ElasticsearchHttp(es);
        // The bodies as the files hold them; the ILM component is left out as setup does on a node without ILM.
        for (Asset asset : ElasticsearchAssets.componentTemplates()) {
            assertOk(http.send("PUT", "/_component_template/" + asset.name(), new String(asset.bytes())));
        }
        for (Asset asset : ElasticsearchAssets.indexTemplates()) {
            assertOk(http.send("PUT", "/_index_template/" + asset.name(), new String(asset.bytes())));
        }
        episode = new Episode();
        JsonNode answer = json(http.send("POST", "/_bulk?refresh=true", episode.bulk(NAMESPACE)));
        assertFalse(answer.get("errors").asBoolean(), answer.toString());
        JsonNode ignored = json(http.send(
                "POST", "/logs-*-" + NAMESPACE + "/_count", "{\"query\":{\"exists\":{\"field\":\"_ignored\"}}}"));
        assertEquals(0, ignored.get("count").asInt(), "no value was dropped by ignore_malformed");
    }

    @Test
    void everyPanelLayerReturnsBucketsWithValues() throws Exception {
        List<String> empty = new ArrayList<>();
        Map<String, JsonNode> answers = new TreeMap<>();
        int layers = 0;
        for (Exported.LensLayer layer : Exported.lensLayers()) {
            if (layer.referenceLine()) {
                continue; // a constant: nothing to search
            }
            ObjectNode body = PanelSearch.body(layer, episode.start, episode.at(Episode.MINUTES, 0));
            HttpResponse<String> response = http.send(
                    "POST", "/" + PanelSearch.index(layer.pattern(), NAMESPACE) + "/_search", body.toString());
            String where = layer.dashboardId() + " / " + layer.panelTitle() + " / " + layer.layerId();
            assertEquals(200, response.statusCode(), where + ": " + response.body() + "\n" + body);
            JsonNode aggregations = json(response).get("aggregations");
            answers.put(layer.layerId(), aggregations);
            List<String> bucketIds = layer.columnOrder().stream()
                    .filter(id -> layer.column(id).get("isBucketed").asBoolean())
                    .toList();
            List<JsonNode> leaves = PanelSearch.leaves(aggregations, bucketIds);
            if (leaves.isEmpty()) {
                empty.add(where + ": no buckets");
            }
            for (String id : layer.columnOrder()) {
                JsonNode column = layer.column(id);
                if (column.get("isBucketed").asBoolean()) {
                    continue;
                }
                // A value in some bucket (a count must be above zero: Lens draws an empty count as nothing).
                boolean count = column.get("operationType").asString().equals("count");
                boolean hasValue = leaves.stream()
                        .map(leaf -> PanelSearch.value(leaf, id, column))
                        .anyMatch(v -> v != null && (!count || v > 0));
                if (!hasValue) {
                    empty.add(where + " / " + column.get("label").asString() + ": no value in any bucket");
                }
            }
            layers++;
        }
        assertTrue(empty.isEmpty(), String.join("\n", empty));
        assertTrue(layers >= 30, "layers searched: " + layers);
        if (DashboardPictures.wanted()) {
            DashboardPictures.write(answers, episode.start, episode.at(Episode.MINUTES, 0))
                    .forEach(file ->
                            System.out.println("wrote " + file.toAbsolutePath().normalize()));
        }
    }

    @Test
    void theRequestJoinShowsBothSidesOfARequest() throws Exception {
        Exported.LensLayer join = Exported.lensLayers().stream()
                .filter(l -> l.panelTitle().startsWith("Requests seen by the router and by the app"))
                .findFirst()
                .orElseThrow();
        JsonNode aggregations = json(http.send(
                        "POST",
                        "/" + PanelSearch.index(join.pattern(), NAMESPACE) + "/_search",
                        PanelSearch.body(join, episode.start, episode.at(Episode.MINUTES, 0))
                                .toString()))
                .get("aggregations");
        String sides = join.columnOrder().get(join.columnOrder().size() - 2);
        int both = 0;
        for (JsonNode bucket :
                PanelSearch.leaves(aggregations, List.of(join.columnOrder().getFirst()))) {
            both += PanelSearch.value(bucket, sides, join.column(sides)) == 2.0 ? 1 : 0;
        }
        assertTrue(
                both > 0,
                "router line and app event share a request id: "
                        + http.send("POST", "/logs-app.request-" + NAMESPACE + "/_search?size=1", "{}")
                                .body());
    }

    @Test
    void theR14RuleFiresForWeb1DuringTheEpisodeOnly() throws Exception {
        ThresholdRule rule = HerokuElkObjects.rules().get(0);
        assertEquals(Map.of("web.1", 4.0), fired(rule, episode.at(Episode.RESTART_AT, 0)));
        assertEquals(Map.of(), fired(rule, episode.at(Episode.R14_FROM - 1, 0)), "quiet before the episode");
        assertEquals(Map.of(), fired(rule, episode.at(Episode.MINUTES, 0)), "quiet after the restart");
    }

    @Test
    void theMemoryRuleFiresForTheDynoAboveNinetyPercentOnly() throws Exception {
        ThresholdRule rule = HerokuElkObjects.rules().get(1);
        Map<String, Double> fired = fired(rule, episode.at(Episode.R14_FROM + 2, 0));
        assertEquals(List.of("web.1"), List.copyOf(fired.keySet()), "web.2 stays near 50%: " + fired);
        assertTrue(fired.get("web.1") > 100, fired.toString());
        assertEquals(Map.of(), fired(rule, episode.at(12, 0)), "web.1 below 90% at minute 12");
        assertEquals(Map.of(), fired(rule, episode.at(Episode.MINUTES, 0)), "quiet after the restart");
    }

    /**
     * The groups whose value passes the threshold in the window ending at {@code end}, from the query the
     * index-threshold rule type builds out of the parameters setup sends: the window as a range on the time field,
     * the filter KQL, a terms aggregation on the term field ordered by the value, the metric inside.
     */
    private static Map<String, Double> fired(ThresholdRule rule, Instant end) throws Exception {
        JsonNode params = RuleBodies.params(rule);
        Instant from = end.minus(Duration.ofMinutes(params.get("timeWindowSize").asInt()));
        ObjectNode body = Exported.JSON.createObjectNode();
        body.put("size", 0);
        var filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.add(Kql.query(params.get("filterKuery").asString()));
        filter.addObject()
                .putObject("range")
                .putObject(params.get("timeField").asString())
                .put("gte", from.toString())
                .put("lt", end.toString());
        ObjectNode terms = body.putObject("aggs").putObject("group");
        ObjectNode termsBody = terms.putObject("terms")
                .put("field", params.get("termField").asString())
                .put("size", params.get("termSize").asInt());
        boolean count = params.get("aggType").asString().equals("count");
        if (!count) {
            termsBody.putObject("order").put("metric", "desc");
            terms.putObject("aggs")
                    .putObject("metric")
                    .putObject(params.get("aggType").asString())
                    .put("field", params.get("aggField").asString());
        }
        String index = PanelSearch.index(params.get("index").get(0).asString(), NAMESPACE);
        HttpResponse<String> response = http.send("POST", "/" + index + "/_search", body.toString());
        assertEquals(200, response.statusCode(), response.body());
        double threshold = params.get("threshold").get(0).asDouble();
        assertEquals(">", params.get("thresholdComparator").asString());
        Map<String, Double> fired = new TreeMap<>();
        for (JsonNode bucket : json(response).at("/aggregations/group/buckets")) {
            double value = count
                    ? bucket.get("doc_count").asDouble()
                    : bucket.at("/metric/value").asDouble();
            if (value > threshold) {
                fired.put(bucket.get("key").asString(), value);
            }
        }
        return fired;
    }

    private static void assertOk(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertNotNull(response.body());
        return Exported.JSON.readTree(response.body());
    }
}
