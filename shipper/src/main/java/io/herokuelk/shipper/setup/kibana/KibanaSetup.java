package io.herokuelk.shipper.setup.kibana;

import io.herokuelk.shipper.setup.SetupReport;
import io.herokuelk.shipper.setup.SetupReport.Outcome;
import io.herokuelk.shipper.setup.SetupStep;
import io.herokuelk.shipper.setup.kibana.KibanaHttp.Answer;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last step of setup: checks that Kibana answers and is new enough, imports the saved objects with
 * {@code overwrite=true} (printing Kibana's result per object), then creates or updates the server-log connector and
 * the alert rules by their fixed ids (derived per space outside the default one, as Kibana keeps rule and connector
 * ids unique across spaces). Every part is safe to repeat.
 */
public final class KibanaSetup implements SetupStep {

    static final String SERVICE = "kibana";
    static final String IMPORT_FILENAME = "heroku-elk.ndjson";
    /** The oldest Kibana that accepts the objects' migration versions (8.9.0 for dashboard and lens). */
    static final int[] OLDEST = {8, 9, 0};

    /** Kibana's import error types that make it write no object at all ({@code create_saved_objects.ts}). */
    private static final Set<String> WRITES_NOTHING = Set.of("conflict", "ambiguous_conflict", "missing_references");

    private final KibanaHttp kibana;
    private final String ndjson;

    KibanaSetup(KibanaHttp kibana, String ndjson) {
        this.kibana = kibana;
        this.ndjson = ndjson;
    }

    /** The step for these settings, or one that says Kibana is skipped when none is configured. */
    public static SetupStep step(Optional<KibanaSettings> settings) {
        return settings.<SetupStep>map(s -> new KibanaSetup(new KibanaHttp(s), SavedObjects.ndjson()))
                .orElse(report -> report.add(
                        SERVICE,
                        Outcome.SKIPPED,
                        "dashboards and rules",
                        "no Kibana"
                                + " configured (set KIBANA_URL or pass " + KibanaSettings.URL_OPTION + " <url> to load"
                                + " them, or import " + SavedObjects.COMMITTED_FILE + " by hand)"));
    }

    @Override
    public void run(SetupReport report) {
        try {
            if (!usable(report)) {
                return;
            }
            importObjects(report);
            connector(report);
            for (ThresholdRule rule : HerokuElkObjects.rules()) {
                rule(rule, report);
            }
            report.add(
                    SERVICE,
                    Outcome.NOTE,
                    "licence",
                    "the rules run on a basic licence and notify through"
                            + " Kibana's server log; Slack, Webhook and PagerDuty connectors need a Gold licence, so on a"
                            + " free cluster the shipper's own alerter is the way to be notified");
        } catch (HttpTimeoutException e) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    "Kibana",
                    "Kibana at " + kibana.where() + " did not answer in time (" + e.getMessage()
                            + "); run setup again when it is back (every step is safe to repeat)");
        } catch (IOException e) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    "Kibana",
                    "Kibana at " + kibana.where() + " could not be reached (" + e
                            + "); check KIBANA_URL and that Kibana is running, or leave KIBANA_URL unset to skip it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.add(SERVICE, Outcome.FAILED, "Kibana", "setup was interrupted while talking to Kibana");
        }
    }

    /** Whether this is a Kibana we can load into; says why not otherwise. */
    private boolean usable(SetupReport report) throws IOException, InterruptedException {
        Answer status = kibana.status();
        if (status.status() == 401 || status.status() == 403) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    "Kibana",
                    "Kibana at " + kibana.where() + " refused the credentials"
                            + " (HTTP " + status.status() + ": " + status.message() + "); check KIBANA_API_KEY or"
                            + " KIBANA_USERNAME/KIBANA_PASSWORD");
            return false;
        }
        String version = status.body().at("/version/number").asString("");
        if (!status.ok() || version.isEmpty()) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    "Kibana",
                    "no Kibana answers at " + kibana.where() + " (GET" + " /api/status gave HTTP " + status.status()
                            + " without a Kibana version); check KIBANA_URL");
            return false;
        }
        if (older(version, OLDEST)) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    "Kibana " + version,
                    "Kibana " + version + " is too old: the"
                            + " dashboards need Kibana 8.9 or newer (saved objects import only into the version that wrote"
                            + " them or a newer one); upgrade Kibana, nothing was imported");
            return false;
        }
        report.add(SERVICE, Outcome.NOTE, "Kibana " + version, "at " + kibana.where());
        return true;
    }

    static boolean older(String version, int[] than) {
        String[] parts = version.split("[.-]");
        for (int i = 0; i < than.length; i++) {
            int part = i < parts.length && parts[i].matches("\\d+") ? Integer.parseInt(parts[i]) : 0;
            if (part != than[i]) {
                return part < than[i];
            }
        }
        return false;
    }

    /**
     * Reports Kibana's import answer per object. Kibana writes nothing when any object has a conflict or a missing
     * reference (it still lists the others under {@code successResults}, as what would have been written); other
     * errors ({@code unsupported_type}, {@code unknown}) skip only their own object.
     */
    private void importObjects(SetupReport report) throws IOException, InterruptedException {
        Answer answer = kibana.importObjects(ndjson, IMPORT_FILENAME);
        if (!answer.ok()) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    "saved objects",
                    "Kibana refused the import with HTTP " + answer.status() + ": " + answer.message());
            return;
        }
        JsonNode errors = answer.body().path("errors");
        boolean wroteNone = false;
        for (JsonNode error : errors) {
            wroteNone |= WRITES_NOTHING.contains(error.at("/error/type").asString(""));
        }
        long objects = ndjson.lines().filter(line -> !line.isBlank()).count();
        int written = 0;
        for (JsonNode result : answer.body().path("successResults")) {
            if (!wroteNone) {
                written++;
                report.add(
                        SERVICE,
                        result.path("overwrite").asBoolean(false) ? Outcome.UPDATED : Outcome.CREATED,
                        describe(result),
                        result.at("/meta/title").asString("") + newId(result));
            }
        }
        for (JsonNode error : errors) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    describe(error),
                    "Kibana did not import it: " + error.at("/error/type").asString("unknown")
                            + errorDetail(error.get("error")));
        }
        for (JsonNode warning : answer.body().path("warnings")) {
            report.add(SERVICE, Outcome.NOTE, "import", warning.path("message").asString(warning.toString()));
        }
        if (wroteNone) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    "saved objects",
                    "Kibana wrote none of them (a conflict or a"
                            + " missing reference stops the whole import); "
                            + answer.body().path("successCount").asInt(0)
                            + " of " + objects + " objects were fine");
        } else if (!answer.body().path("success").asBoolean(false)) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    "saved objects",
                    "Kibana wrote " + written + " of " + objects + " objects; the others are listed above");
        }
    }

    /** Where Kibana put an object under another id: an import into a second space of objects another space holds. */
    private String newId(JsonNode result) {
        return result.has("destinationId")
                ? " (as " + result.get("destinationId").asString() + " in space " + kibana.space() + ")"
                : "";
    }

    private static String describe(JsonNode result) {
        return result.path("type").asString("?") + " " + result.path("id").asString("?");
    }

    private static String errorDetail(JsonNode error) {
        if (error == null) {
            return "";
        }
        StringBuilder detail = new StringBuilder();
        for (JsonNode missing : error.path("references")) {
            detail.append(detail.isEmpty() ? " (missing " : ", ")
                    .append(missing.path("type").asString())
                    .append(' ')
                    .append(missing.path("id").asString());
        }
        if (!detail.isEmpty()) {
            detail.append(')');
        }
        if (error.has("message")) {
            detail.append(" (").append(error.get("message").asString()).append(')');
        }
        return detail.toString();
    }

    private void connector(SetupReport report) throws IOException, InterruptedException {
        String path = "/api/actions/connector/" + kibana.idInSpace(HerokuElkObjects.SERVER_LOG_CONNECTOR_ID);
        String subject = "connector " + HerokuElkObjects.SERVER_LOG_CONNECTOR_NAME;
        Answer current = kibana.get(path);
        if (current.status() == 404) {
            written(kibana.post(path, RuleBodies.createConnector()), Outcome.CREATED, subject, report);
        } else if (!current.ok()) {
            failed(current, subject, report);
        } else if (current.body().path("name").asString("").equals(HerokuElkObjects.SERVER_LOG_CONNECTOR_NAME)) {
            report.add(SERVICE, Outcome.UNCHANGED, subject, "");
        } else {
            written(kibana.put(path, RuleBodies.updateConnector()), Outcome.UPDATED, subject, report);
        }
    }

    private void rule(ThresholdRule rule, SetupReport report) throws IOException, InterruptedException {
        String path = "/api/alerting/rule/" + kibana.idInSpace(rule.id());
        String subject = "rule " + rule.name();
        String connectorId = kibana.idInSpace(HerokuElkObjects.SERVER_LOG_CONNECTOR_ID);
        Answer current = kibana.get(path);
        ObjectNode update = RuleBodies.updateRule(rule, connectorId);
        if (current.status() == 404) {
            written(kibana.post(path, RuleBodies.createRule(rule, connectorId)), Outcome.CREATED, subject, report);
        } else if (!current.ok()) {
            failed(current, subject, report);
        } else if (RuleBodies.ruleMatches(current.body(), update)) {
            report.add(SERVICE, Outcome.UNCHANGED, subject, "");
        } else {
            written(kibana.put(path, update), Outcome.UPDATED, subject, report);
        }
    }

    private static void written(Answer answer, Outcome outcome, String subject, SetupReport report) {
        if (answer.ok()) {
            report.add(SERVICE, outcome, subject, "");
        } else {
            failed(answer, subject, report);
        }
    }

    private static void failed(Answer answer, String subject, SetupReport report) {
        String hint = answer.status() != 403
                ? ""
                : answer.message().contains("license")
                        ? " (the connector needs a Kibana licence that is active and" + " includes its type)"
                        : " (the user needs the Actions and Connectors and Rules privileges)";
        report.add(
                SERVICE,
                Outcome.FAILED,
                subject,
                "Kibana answered HTTP " + answer.status() + ": " + answer.message() + hint);
    }
}
