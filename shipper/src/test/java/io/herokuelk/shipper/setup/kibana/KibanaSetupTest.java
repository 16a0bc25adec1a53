package io.herokuelk.shipper.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.setup.SetupReport;
import io.herokuelk.shipper.setup.SetupReport.Outcome;

/** The Kibana step of setup against {@link FakeKibana}, which checks each request as Kibana's API does. */
class KibanaSetupTest {

    private final FakeKibana kibana = start();
    private final Map<String, String> env = new HashMap<>();

    private static FakeKibana start() {
        try {
            return new FakeKibana();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

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
        assertTrue(run.output().contains("kibana        created   dashboard heroku-elk-router: heroku-elk: router"),
                run.output());
        assertTrue(run.output().contains("created   rule heroku-elk: R14 memory quota exceeded"), run.output());
        assertTrue(run.output().contains("Gold licence"), run.output());
        assertEquals(List.of("GET /api/status", "POST /api/saved_objects/_import?overwrite=true",
                "GET /api/actions/connector/" + HerokuElkObjects.SERVER_LOG_CONNECTOR_ID,
                "POST /api/actions/connector/" + HerokuElkObjects.SERVER_LOG_CONNECTOR_ID,
                "GET /api/alerting/rule/" + HerokuElkObjects.rules().get(0).id(),
                "POST /api/alerting/rule/" + HerokuElkObjects.rules().get(0).id(),
                "GET /api/alerting/rule/" + HerokuElkObjects.rules().get(1).id(),
                "POST /api/alerting/rule/" + HerokuElkObjects.rules().get(1).id()), kibana.requests);
        assertEquals(".index-threshold", kibana.rules.get(HerokuElkObjects.rules().get(0).id())
                .get("rule_type_id").asString());
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
        assertTrue(kibana.requests.stream().noneMatch(r -> r.startsWith("PUT") || r.startsWith("POST /api/a")),
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
        assertTrue(kibana.requests.contains("POST /s/ops/api/saved_objects/_import?overwrite=true"),
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
        assertTrue(run.output().contains("Kibana 8.6.2 is too old: the dashboards need Kibana 8.9 or newer"),
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
    void importErrorsArePrintedPerObjectAndNothingIsWritten() {
        kibana.missingReferenceFor = HerokuElkObjects.ALERTS.id();
        Run run = run(kibana.url());
        assertTrue(run.report().failed());
        assertTrue(run.output().contains("failed    dashboard heroku-elk-pipeline: Kibana did not import it:"
                + " missing_references (missing index-pattern heroku-elk-alerts)"), run.output());
        assertTrue(run.output().contains("Kibana wrote none of them"), run.output());
        assertTrue(kibana.savedObjects.isEmpty());
    }

    @Test
    void withoutAKibanaTheStepIsSkippedWithASentence() {
        Run run = run();
        assertFalse(run.report().failed());
        assertTrue(run.output().contains("skipped   dashboards and rules: no Kibana configured (set KIBANA_URL"),
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
