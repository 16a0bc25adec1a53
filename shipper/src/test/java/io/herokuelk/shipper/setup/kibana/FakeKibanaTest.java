package io.herokuelk.shipper.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herokuelk.shipper.setup.kibana.KibanaHttp.Answer;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link FakeKibana} refuses what Kibana refuses, with Kibana's status and sentence: without this, a setup test
 * against the fake could pass on requests a real Kibana would turn away.
 */
class FakeKibanaTest {

    private static final ThresholdRule R14 = HerokuElkObjects.rules().getFirst();
    private static final String CONNECTOR = HerokuElkObjects.SERVER_LOG_CONNECTOR_ID;

    private final FakeKibana kibana = FakeKibana.started();

    @AfterEach
    void stop() {
        kibana.close();
    }

    private KibanaHttp in(String space) {
        return new KibanaHttp(new KibanaSettings(
                URI.create(kibana.url()), Optional.empty(), Optional.empty(), Optional.empty(), space));
    }

    private Answer createConnector(String space) throws Exception {
        return in(space).post("/api/actions/connector/" + CONNECTOR, RuleBodies.createConnector());
    }

    private Answer createRule(ObjectNode body) throws Exception {
        return in("default").post("/api/alerting/rule/" + R14.id(), body);
    }

    private static void assertRefused(int status, String message, Answer answer) {
        assertEquals(status, answer.status(), answer.body().toString());
        assertEquals(message, answer.message());
    }

    @Test
    void ourRuleAndConnectorAreAccepted() throws Exception {
        assertEquals(200, createConnector("default").status());
        assertEquals(200, createRule(RuleBodies.createRule(R14, CONNECTOR)).status());
    }

    @Test
    void anAggregationOtherThanCountNeedsAField() throws Exception {
        createConnector("default");
        ObjectNode rule = RuleBodies.createRule(R14, CONNECTOR);
        ((ObjectNode) rule.get("params")).put("aggType", "max").remove("aggField");
        assertRefused(400, "params invalid: [aggField]: must have a value when [aggType] is \"max\"", createRule(rule));
    }

    @Test
    void termSizeMustBeBetweenOneAndAThousand() throws Exception {
        createConnector("default");
        ObjectNode rule = RuleBodies.createRule(R14, CONNECTOR);
        ((ObjectNode) rule.get("params")).put("termSize", 1001);
        assertRefused(400, "params invalid: [termSize]: must be less than or equal to 1000", createRule(rule));
        ((ObjectNode) rule.get("params")).put("termSize", 0);
        assertRefused(400, "params invalid: [termSize]: Value must be equal to or greater than [1].", createRule(rule));
    }

    @Test
    void anInvalidKqlFilterIsRefused() throws Exception {
        createConnector("default");
        ObjectNode rule = RuleBodies.createRule(R14, CONNECTOR);
        ((ObjectNode) rule.get("params")).put("filterKuery", "error.code : (\"R14\"");
        assertRefused(400, "params invalid: [filterKuery]: Filter query is invalid.", createRule(rule));
    }

    @Test
    void anActionNeedsItsConnectorInTheSameSpace() throws Exception {
        assertRefused(
                400,
                "Failed to load action " + CONNECTOR + " (404): Saved object [action/" + CONNECTOR + "] not found",
                createRule(RuleBodies.createRule(R14, CONNECTOR)));
        createConnector("ops");
        assertEquals(
                400,
                createRule(RuleBodies.createRule(R14, CONNECTOR)).status(),
                "a connector of another space does not count");
    }

    @Test
    void aPredefinedRuleIdMustBeAUuid() throws Exception {
        createConnector("default");
        assertRefused(
                400,
                "Predefined IDs are not allowed for saved objects with encrypted attributes unless the ID"
                        + " is a UUID.",
                in("default").post("/api/alerting/rule/r14-memory-quota", RuleBodies.createRule(R14, CONNECTOR)));
    }

    @Test
    void aConnectorTypeTheLicenceLacksIsForbidden() throws Exception {
        ObjectNode slack = RuleBodies.createConnector().put("connector_type_id", ".slack");
        assertRefused(
                403,
                "Action type .slack is disabled because your basic license does not support it. Please"
                        + " upgrade your license.",
                in("default").post("/api/actions/connector/" + CONNECTOR, slack));
        kibana.licence = "gold";
        assertEquals(
                200,
                in("default").post("/api/actions/connector/" + CONNECTOR, slack).status());
    }

    @Test
    void rulesAndConnectorsBelongToOneSpaceButTheirIdsToAll() throws Exception {
        createConnector("default");
        createRule(RuleBodies.createRule(R14, CONNECTOR));
        assertEquals(200, in("default").get("/api/alerting/rule/" + R14.id()).status());
        assertEquals(404, in("ops").get("/api/alerting/rule/" + R14.id()).status());
        assertRefused(409, "Saved object [action/" + CONNECTOR + "] conflict", createConnector("ops"));
        assertEquals(
                404,
                in("ops")
                        .put("/api/actions/connector/" + CONNECTOR, RuleBodies.updateConnector())
                        .status());
    }

    @Test
    void anObjectFromANewerKibanaRefusesTheWholeImport() throws Exception {
        String ndjson = SavedObjects.ndjson()
                .replaceFirst("\"typeMigrationVersion\":\"8.9.0\"", "\"typeMigrationVersion\":\"8.99.0\"");
        Answer answer = in("default").importObjects(ndjson, "heroku-elk.ndjson");
        assertEquals(400, answer.status());
        assertTrue(
                answer.message()
                        .matches("Document \"[^\"]+\" belongs to a more recent version of Kibana \\[8\\.99\\.0]"
                                + " when the last known version is \\[8\\.9\\.0]\\."),
                answer.message());
        assertTrue(kibana.savedObjects.isEmpty());
    }
}
