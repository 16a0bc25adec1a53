package io.herokuelk.shipper.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herokuelk.devstack.testing.ElasticsearchEndpoint;
import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.elk.assets.ElasticsearchAssets;
import io.herokuelk.shipper.testing.ElasticsearchHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code setup} against the real node and broker, then the proof that its templates take what the parsers write:
 * every golden document, an app event with thousands of unknown fields, and the dashboards' aggregations.
 */
@ExtendWith(RealServices.class)
class SetupIT {

    private static final String EVENTS = "setupit-events";
    private static final String DEAD_LETTERS = "setupit-dead-letters";

    private static String es;
    private static ElasticsearchHttp http;
    private static String bootstrap;
    private static Run first;
    private static Run second;

    record Run(int exit, String output) {
        List<String> lines(String service) {
            return output.lines().filter(line -> line.startsWith(service + " ")).toList();
        }
    }

    @BeforeAll
    static void runSetupTwice(ElasticsearchEndpoint elasticsearch, KafkaEndpoint kafka) throws Exception {
        es = elasticsearch.url();
        http = new ElasticsearchHttp(es);
        bootstrap = kafka.bootstrapServers();
        // A dead-letter topic that exists with too few partitions and other retention: setup must grow it.
        try (Admin admin = admin()) {
            admin.createTopics(List.of(
                            new NewTopic(DEAD_LETTERS, 1, (short) 1).configs(Map.of("retention.ms", "3600000"))))
                    .all()
                    .get();
        }
        first = setup(es, bootstrap);
        second = setup(es, bootstrap);
        System.out.println("first setup run:\n" + first.output() + "second setup run:\n" + second.output());
    }

    static Run setup(String esUrl, String kafkaServers) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ELASTICSEARCH_URL", esUrl);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaServers);
        env.put("KAFKA_EVENTS_TOPIC", EVENTS);
        env.put("KAFKA_DEAD_LETTER_TOPIC", DEAD_LETTERS);
        env.put("KAFKA_ALERTS_TOPIC", EVENTS + "-alerts");
        env.put("KAFKA_PARTITIONS", "3");
        env.put("KAFKA_RETENTION_HOURS", "48");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SetupCommand command = new SetupCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int exit = command.run(command.configuration(env));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    @Test
    void setupRunsTwiceAndTheSecondRunChangesNothing() {
        assertEquals(0, first.exit(), first.output());
        assertEquals(0, second.exit(), second.output());
        assertTrue(
                first.output()
                        .contains("ILM is not available on this cluster (the minimal distribution);"
                                + " retention is set by data stream lifecycle instead"),
                first.output());
        for (String line : second.lines("elasticsearch")) {
            assertTrue(line.matches("elasticsearch +(unchanged|skipped|note) .*"), line);
        }
        assertEquals(3, second.lines("kafka").size(), second.output()); // events, dead letters, alerts
        second.lines("kafka").forEach(line -> assertTrue(line.matches("kafka +unchanged +topic .*"), line));
        assertTrue(first.output().contains("created   topic " + EVENTS), first.output());
        assertTrue(first.output().contains("updated   topic " + DEAD_LETTERS + ": partitions 1 -> 3"), first.output());
    }

    @Test
    void templatesExist() throws Exception {
        for (ElasticsearchAssets.Asset asset : ElasticsearchAssets.componentTemplates()) {
            assertEquals(200, http.get("/_component_template/" + asset.name()).statusCode(), asset.name());
        }
        for (ElasticsearchAssets.Asset asset : ElasticsearchAssets.indexTemplates()) {
            HttpResponse<String> response = http.get("/_index_template/" + asset.name());
            assertEquals(200, response.statusCode(), asset.name());
            JsonNode template =
                    MappingContractTest.JSON.readTree(response.body()).at("/index_templates/0/index_template");
            assertEquals(
                    "30d", template.at("/template/lifecycle/data_retention").asString(), asset.name());
            assertEquals(200, template.get("priority").asInt());
        }
        assertEquals(404, http.get("/_component_template/heroku-elk@ilm").statusCode(), "no ILM component without ILM");
    }

    @Test
    void topicsHaveThePartitionsAndConfigs() throws Exception {
        try (Admin admin = admin()) {
            for (String topic : List.of(EVENTS, DEAD_LETTERS)) {
                assertEquals(
                        3,
                        admin.describeTopics(List.of(topic))
                                .allTopicNames()
                                .get()
                                .get(topic)
                                .partitions()
                                .size(),
                        topic);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config =
                        admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertEquals("172800000", config.get("retention.ms").value(), topic);
                assertEquals("lz4", config.get("compression.type").value(), topic);
            }
        }
    }

    @Test
    void everyGoldenDocumentIsCreatedWithTheDeclaredTypes() throws Exception {
        Map<String, String> declared = MappingContractTest.mappedFields("heroku-elk-logs-heroku");
        int created = createGoldenDocuments("setupit_");
        assertAllCreated(created);
        JsonNode mappings = json(http.get("/logs-*-setupit_*/_mapping"));
        int checked = 0;
        for (Map.Entry<String, JsonNode> index : mappings.properties()) {
            Map<String, String> actual = new HashMap<>();
            collectTypes(index.getValue().at("/mappings/properties"), "", actual);
            for (Map.Entry<String, String> field : actual.entrySet()) {
                assertEquals(declared.get(field.getKey()), field.getValue(), index.getKey() + " " + field.getKey());
                checked++;
            }
        }
        assertTrue(checked > 100, "mapped fields checked: " + checked);
    }

    /** Creates every golden document in logs-<dataset>-<prefix><file>; returns how many. */
    private static int createGoldenDocuments(String prefix) throws Exception {
        int created = 0;
        try (Stream<Path> files = Files.list(MappingContractTest.GOLDEN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".expected.ndjson"))
                    .sorted()
                    .toList()) {
                // One namespace per golden file: the files share Frame-Ids, so their event ids repeat across files.
                String namespace = prefix
                        + file.getFileName()
                                .toString()
                                .replace(".expected.ndjson", "")
                                .replace('-', '_');
                StringBuilder bulk = new StringBuilder();
                for (String line : Files.readAllLines(file)) {
                    JsonNode document = line.isBlank() ? null : MappingContractTest.JSON.readTree(line);
                    if (document == null || !document.at("/event/dataset").isString()) {
                        continue; // framing dead letters go to Kafka's dead-letter topic, not to a data stream
                    }
                    String stream = "logs-" + document.at("/event/dataset").asString() + "-" + namespace;
                    bulk.append("{\"create\":{\"_index\":\"")
                            .append(stream)
                            .append("\",\"_id\":\"")
                            .append(document.at("/event/id").asString())
                            .append("\"}}\n")
                            .append(line)
                            .append('\n');
                    created++;
                }
                if (bulk.isEmpty()) {
                    continue;
                }
                JsonNode answer = json(http.send("POST", "/_bulk?refresh=true", bulk.toString()));
                assertFalse(answer.get("errors").asBoolean(), file + ": " + answer);
            }
        }
        return created;
    }

    private static void assertAllCreated(int created) throws Exception {
        assertTrue(created > 50, "documents created: " + created);
        // ignore_malformed would hide a value of the wrong type: there must be none.
        JsonNode ignored = json(http.send(
                "POST",
                "/logs-*-setupit_*/_search",
                "{\"query\":{\"exists\":{\"field\":" + "\"_ignored\"}},\"size\":5,\"track_total_hits\":true}"));
        assertEquals(0, ignored.at("/hits/total/value").asInt(), ignored.toString());
        JsonNode count = json(http.send("POST", "/logs-*-setupit_*/_count", "{}"));
        assertEquals(created, count.get("count").asInt());
    }

    @Test
    void anAppEventWithTwoThousandUnknownFieldsAddsNoMappings() throws Exception {
        ObjectNode document = MappingContractTest.JSON.createObjectNode();
        document.put("@timestamp", "2026-11-26T10:00:00Z").put("message", "wide event");
        document.putObject("event").put("dataset", "app.request").put("id", "setupit-wide-1");
        ObjectNode app = document.putObject("app");
        ObjectNode extra = app.putObject("extra");
        for (int i = 0; i < 1000; i++) {
            extra.put("field_" + i, i);
            document.put("custom_" + i, "value " + i);
        }
        String stream = "logs-app.request-setupwide";
        JsonNode answer =
                json(http.send("PUT", "/" + stream + "/_create/setupit-wide-1?refresh=true", document.toString()));
        assertEquals("created", answer.get("result").asString(), answer.toString());
        Map<String, String> actual = new HashMap<>();
        JsonNode mapping = json(http.get("/" + stream + "/_mapping"))
                .properties()
                .iterator()
                .next()
                .getValue();
        collectTypes(mapping.at("/mappings/properties"), "", actual);
        assertEquals(
                Optional.empty(),
                actual.keySet().stream()
                        .filter(name -> name.startsWith("custom_") || name.startsWith("app.extra"))
                        .findAny());
        assertTrue(
                actual.size()
                        <= MappingContractTest.mappedFields("heroku-elk-logs-app")
                                .size(),
                "fields mapped: " + actual.size());
        // A data stream has no GET by id (that needs the backing index): search by id instead.
        JsonNode source = json(http.send(
                        "POST", "/" + stream + "/_search", "{\"query\":{\"ids\":{\"values\":[\"setupit-wide-1\"]}}}"))
                .at("/hits/hits/0/_source");
        assertEquals("value 999", source.get("custom_999").asString(), "unknown fields stay in _source");
    }

    @Test
    void theDashboardsAggregationsWork() throws Exception {
        createGoldenDocuments("setupitagg_");
        JsonNode memory = json(http.send("POST", "/logs-heroku.runtime_metrics-setupitagg_*/_search", """
                {"size":0,"aggs":{"per_dyno":{"terms":{"field":"heroku.dyno"},"aggs":{"over_time":{
                  "date_histogram":{"field":"@timestamp","fixed_interval":"1m"},
                  "aggs":{"rss":{"max":{"field":"heroku.memory.rss_mb"}}}}}}}}"""));
        JsonNode dynos = memory.at("/aggregations/per_dyno/buckets");
        assertTrue(dynos.size() > 0, memory.toString());
        assertTrue(dynos.get(0).at("/over_time/buckets/0/rss/value").asDouble() > 0, memory.toString());

        JsonNode codes = json(http.send(
                "POST",
                "/logs-heroku.*-setupitagg_*/_search",
                "{\"size\":0,\"aggs\":{\"codes\":{\"terms\":{\"field\":\"event.code\",\"size\":50}}}}"));
        Set<String> seen = new java.util.TreeSet<>();
        codes.at("/aggregations/codes/buckets")
                .forEach(bucket -> seen.add(bucket.get("key").asString()));
        assertTrue(seen.containsAll(Set.of("H12", "R14")), seen.toString());

        JsonNode latency = json(http.send(
                "POST",
                "/logs-heroku.router-setupitagg_*/_search",
                "{\"size\":0,\"aggs\":{\"p\":"
                        + "{\"percentiles\":{\"field\":\"heroku.router.service_ms\",\"percents\":[50,99]}}}}"));
        assertTrue(latency.at("/aggregations/p/values/99.0").asDouble() > 0, latency.toString());
    }

    @Test
    void unreachableServicesGiveANonZeroExitAndASentenceEach() throws Exception {
        Run run = setup("http://127.0.0.1:1", "127.0.0.1:1");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("Elasticsearch at http://127.0.0.1:1 could not be reached"), run.output());
        assertTrue(run.output().contains("Kafka at 127.0.0.1:1 did not answer in time"), run.output());
    }

    private static void collectTypes(JsonNode properties, String prefix, Map<String, String> out) {
        if (properties == null || properties.isMissingNode()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            JsonNode mapping = entry.getValue();
            if (mapping.has("properties")) {
                collectTypes(mapping.get("properties"), prefix + entry.getKey() + ".", out);
            }
            if (mapping.has("type")) {
                out.put(prefix + entry.getKey(), mapping.get("type").asString());
            }
            if (mapping.has("fields")) {
                collectTypes(mapping.get("fields"), prefix + entry.getKey() + ".", out);
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return MappingContractTest.JSON.readTree(response.body());
    }
}
