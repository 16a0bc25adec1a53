package io.herokuelk.shipper.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.setup.SetupReport;
import io.herokuelk.shipper.setup.SetupReport.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Kibana step of setup against {@link FakeKibana}, which checks each request as Kibana's API does. */
class KibanaSetupTest {

    private final FakeKibana kibana = FakeKibana.started();
    private final Map<String, String> env = new HashMap<>();

    @AfterEach
    void stop() {
        kibana.close();
    }

    private record Run(SetupReport report, String output) {
        List<SetupReport.Line> lines(Outcome outcome) {
            return report.lines().stream().filter(l -> l.outcome() == outcome).toList();
        }
    }

    private Run run() {
        return run(null);
    }

    /** Setup's Kibana step with {@code --kibana-url url} ({@code null}: no option). */
    private Run run(String url) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SetupReport report = new SetupReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Environment environment = new Environment(env);
        var settings = KibanaSettings.from(environment, java.util.Optional.ofNullable(url));
        environment.validate();
        KibanaSetup.step(settings).run(report);
        return new Run(report, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void firstRunImportsEveryObjectAndCreatesTheConnectorAndRules() throws Exception {
        Run run = run(kibana.url());
        assertFalse(run.report().failed(), run.output());
        assertEquals(10 + 1 + 2, run.lines(Outcome.CREATED).size(), run.output());
        assertTrue(
                run.output().contains("kibana        created   dashboard heroku-elk-router: heroku-elk: router"),
                run.output());
        assertTrue(run.output().contains("created   rule heroku-elk: R14 memory quota exceeded"), run.output());
        assertTrue(run.output().contains("Gold licence"), run.output());
        assertEquals(
                List.of(
                        "GET /api/status",
                        "POST /api/saved_objects/_import?overwrite=true",
                        "GET /api/actions/connector/" + HerokuElkObjects.SERVER_LOG_CONNECTOR_ID,
                        "POST /api/actions/connector/" + HerokuElkObjects.SERVER_LOG_CONNECTOR_ID,
                        "GET /api/alerting/rule/"
                                + HerokuElkObjects.rules().get(0).id(),
                        "POST /api/alerting/rule/"
                                + HerokuElkObjects.rules().get(0).id(),
                        "GET /api/alerting/rule/"
                                + HerokuElkObjects.rules().get(1).id(),
                        "POST /api/alerting/rule/"
                                + HerokuElkObjects.rules().get(1).id()),
                kibana.requests);
        assertEquals(
                ".index-threshold",
                kibana.rules
                        .get(HerokuElkObjects.rules().get(0).id())
                        .get("rule_type_id")
                        .asString());
    }

    @Test
    void theImportedBytesAreTheCommittedFile() throws Exception {
        run(kibana.url());
        assertEquals(Files.readString(Exported.committedFile(), StandardCharsets.UTF_8), kibana.importedBodies.get(0));
    }

    @Test
    void aSecondRunOverwritesTheObjectsAndLeavesRulesAndConnectorAlone() {
        run(kibana.url());
        kibana.requests.clear();
        Run second = run(kibana.url());
        assertFalse(second.report().failed(), second.output());
        assertEquals(10, second.lines(Outcome.UPDATED).size(), "Kibana reports overwrite:true for each object");
        assertEquals(3, second.lines(Outcome.UNCHANGED).size(), second.output());
        assertTrue(
                kibana.requests.stream().noneMatch(r -> r.startsWith("PUT") || r.startsWith("POST /api/a")),
                kibana.requests.toString());
    }

    @Test
    void aRuleChangedInKibanaIsPutBackWithAnUpdateBody() {
        run(kibana.url());
        ThresholdRule rule = HerokuElkObjects.rules().get(1);
        kibana.rules.get(rule.id()).putObject("params").put("threshold", 99);
        kibana.requests.clear();
        Run second = run(kibana.url());
        assertFalse(second.report().failed(), second.output());
        assertTrue(second.output().contains("updated   rule " + rule.name()), second.output());
        assertTrue(kibana.requests.contains("PUT /api/alerting/rule/" + rule.id()), kibana.requests.toString());
        assertEquals(90, kibana.rules.get(rule.id()).at("/params/threshold/0").asDouble());
    }

    @Test
    void variablesGiveTheUrlTheSpaceAndTheApiKey() {
        kibana.apiKey = "c2VjcmV0OmtleQ==";
        env.put("KIBANA_URL", kibana.url() + "/");
        env.put("KIBANA_SPACE", "ops");
        env.put("KIBANA_API_KEY", "c2VjcmV0OmtleQ==");
        Run run = run();
        assertFalse(run.report().failed(), run.output());
        assertTrue(
                kibana.requests.contains("POST /s/ops/api/saved_objects/_import?overwrite=true"),
                kibana.requests.toString());
        assertTrue(kibana.requests.contains("GET /api/status"), "the status API is not in a space");
    }

    @Test
    void wrongCredentialsGiveASentence() {
        kibana.apiKey = "right";
        env.put("KIBANA_API_KEY", "wrong");
        Run run = run(kibana.url());
        assertTrue(run.report().failed());
        assertTrue(run.output().contains("refused the credentials (HTTP 401: [security_exception]"), run.output());
    }

    @Test
    void aKibanaOlderThan89GetsASentenceAndNothingIsImported() {
        kibana.version = "8.6.2";
        Run run = run(kibana.url());
        assertTrue(run.report().failed());
        assertTrue(
                run.output().contains("Kibana 8.6.2 is too old: the dashboards need Kibana 8.9 or newer"),
                run.output());
        assertEquals(List.of("GET /api/status"), kibana.requests);
    }

    @Test
    void kibana9IsAccepted() {
        kibana.version = "9.1.0";
        assertFalse(run(kibana.url()).report().failed());
    }

    @Test
    void aMissingKibanaGetsASentence() {
        String url = kibana.url();
        kibana.close();
        Run run = run(url);
        assertEquals(1, run.report().lines().size(), run.output());
        assertTrue(run.output().contains("Kibana at " + url + " could not be reached"), run.output());
        assertTrue(run.output().contains("check KIBANA_URL"), run.output());
    }

    @Test
    void somethingElseAtTheUrlIsNotTakenForKibana() {
        Run run = run(kibana.url() + "/not-kibana");
        assertTrue(run.output().contains("no Kibana answers at " + kibana.url() + "/not-kibana"), run.output());
    }

    @Test
    void aMissingReferenceStopsTheWholeImportAndNothingIsReportedAsWritten() {
        kibana.objects.missingReferenceFor = HerokuElkObjects.ALERTS.id();
        Run run = run(kibana.url());
        assertTrue(run.report().failed());
        assertTrue(
                run.output()
                        .contains("failed    dashboard heroku-elk-pipeline: Kibana did not import it:"
                                + " missing_references (missing index-pattern heroku-elk-alerts)"),
                run.output());
        assertTrue(
                run.output()
                        .contains("Kibana wrote none of them (a conflict or a missing reference stops the"
                                + " whole import); 9 of 10 objects were fine"),
                run.output());
        assertTrue(
                run.lines(Outcome.CREATED).stream()
                        .noneMatch(l -> l.subject().startsWith("index-pattern")
                                || l.subject().startsWith("dashboard")),
                "Kibana lists them in successResults but wrote none");
        assertTrue(kibana.savedObjects.isEmpty());
    }

    @Test
    void anUnsupportedTypeSkipsOnlyItsOwnObjects() {
        kibana.objects.latestMigration.remove("dashboard");
        Run run = run(kibana.url());
        assertTrue(run.report().failed());
        assertEquals(
                4,
                run.output()
                        .lines()
                        .filter(l -> l.contains("Kibana did not import it: unsupported_type"))
                        .count(),
                run.output());
        assertTrue(run.output().contains("Kibana wrote 6 of 10 objects; the others are listed above"), run.output());
        assertEquals(6, kibana.savedObjects.size(), "the data views are written");
        assertEquals(
                6,
                run.lines(Outcome.CREATED).stream()
                        .filter(l -> l.subject().startsWith("index-pattern"))
                        .count(),
                run.output());
    }

    @Test
    void aKibanaThatDoesNotKnowTheMigrationVersionRefusesTheImport() {
        kibana.objects.latestMigration.put("dashboard", "8.8.0");
        Run run = run(kibana.url());
        assertTrue(run.report().failed());
        assertTrue(
                run.output()
                        .contains(
                                "Kibana refused the import with HTTP 400: Document \"heroku-elk-dyno-memory\""
                                        + " belongs to a more recent version of Kibana [8.9.0] when the last known version is [8.8.0]."),
                run.output());
        assertTrue(kibana.savedObjects.isEmpty());
    }

    @Test
    void setupIntoASecondSpaceGetsItsOwnRulesConnectorAndObjects() {
        run(kibana.url());
        env.put("KIBANA_SPACE", "ops");
        Run ops = run(kibana.url());
        assertFalse(ops.report().failed(), ops.output());
        assertEquals(10 + 1 + 2, ops.lines(Outcome.CREATED).size(), ops.output());
        assertTrue(
                ops.output().contains("created   index-pattern heroku-elk-heroku: logs-heroku.*-* (as "), ops.output());
        assertEquals(4, kibana.rules.size(), "two rules per space");
        assertEquals(2, kibana.connectors.size(), "a server-log connector per space");
        String opsConnector = UUID.nameUUIDFromBytes(
                        ("ops:" + HerokuElkObjects.SERVER_LOG_CONNECTOR_ID).getBytes(StandardCharsets.UTF_8))
                .toString();
        assertEquals("ops", kibana.spaceOf.get("action:" + opsConnector));
        for (ThresholdRule rule : HerokuElkObjects.rules()) {
            String opsRule = UUID.nameUUIDFromBytes(("ops:" + rule.id()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            assertEquals("ops", kibana.spaceOf.get("alert:" + opsRule));
            assertEquals(
                    opsConnector, kibana.rules.get(opsRule).at("/actions/0/id").asString());
            assertEquals(
                    HerokuElkObjects.SERVER_LOG_CONNECTOR_ID,
                    kibana.rules.get(rule.id()).at("/actions/0/id").asString());
        }
        assertEquals(10, kibana.objects.space("ops").size());
        for (ObjectNode dashboard : kibana.objects.space("ops").values()) {
            for (JsonNode reference : dashboard.path("references")) {
                assertTrue(
                        kibana.objects
                                .space("ops")
                                .containsKey(
                                        "index-pattern:" + reference.path("id").asString()),
                        "references follow the data views' new ids in the space: " + reference);
            }
        }

        Run again = run(kibana.url());
        assertFalse(again.report().failed(), again.output());
        assertEquals(10, again.lines(Outcome.UPDATED).size(), "the space's copies are overwritten: " + again.output());
        assertEquals(3, again.lines(Outcome.UNCHANGED).size(), again.output());
        assertEquals(10, kibana.objects.space("ops").size());
        assertEquals(10, kibana.savedObjects.size(), "the default space is untouched");
    }

    @Test
    void anExpiredLicenceGetsASentence() {
        kibana.licence = "gold";
        kibana.licenceExpired = true;
        Run run = run(kibana.url());
        assertTrue(run.report().failed());
        assertTrue(
                run.output()
                        .contains("connector heroku-elk: Kibana server log: Kibana answered HTTP 403: Action"
                                + " type .server-log is disabled because your gold license has expired. (the connector needs a"
                                + " Kibana licence that is active and includes its type)"),
                run.output());
    }

    @Test
    void withoutAKibanaTheStepIsSkippedWithASentence() {
        Run run = run();
        assertFalse(run.report().failed());
        assertTrue(
                run.output().contains("skipped   dashboards and rules: no Kibana configured (set KIBANA_URL"),
                run.output());
    }

    @Test
    void versionsCompareByNumber() {
        assertTrue(KibanaSetup.older("8.8.2", KibanaSetup.OLDEST));
        assertFalse(KibanaSetup.older("8.9.0", KibanaSetup.OLDEST));
        assertFalse(KibanaSetup.older("8.10.1", KibanaSetup.OLDEST));
        assertFalse(KibanaSetup.older("9.0.0-SNAPSHOT", KibanaSetup.OLDEST));
        assertTrue(KibanaSetup.older("7.17.9", KibanaSetup.OLDEST));
    }
}
