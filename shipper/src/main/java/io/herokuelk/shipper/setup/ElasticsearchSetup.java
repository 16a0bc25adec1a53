package io.herokuelk.shipper.setup;

import io.herokuelk.elk.assets.ElasticsearchAssets;
import io.herokuelk.elk.assets.ElasticsearchAssets.Asset;
import io.herokuelk.shipper.setup.ElasticsearchCluster.Capabilities;
import io.herokuelk.shipper.setup.ElasticsearchCluster.Installed;
import io.herokuelk.shipper.setup.ElasticsearchCluster.Refused;
import io.herokuelk.shipper.setup.ElasticsearchCluster.Unreachable;
import io.herokuelk.shipper.setup.SetupReport.Outcome;
import java.io.IOException;

/**
 * Installs the templates and, where the cluster has ILM, the ILM policy. Retention is given to exactly one
 * mechanism: ILM where the cluster has it (it also rolls over at 50 GB or daily, and it is what such clusters already
 * manage their other indices with), otherwise data stream lifecycle, which every 8.11+ cluster accepts.
 */
public final class ElasticsearchSetup implements SetupStep {

    static final String SERVICE = "elasticsearch";

    private final ElasticsearchCluster cluster;
    private final TemplateBodies bodies;
    private final int retentionDays;

    ElasticsearchSetup(ElasticsearchCluster cluster, int retentionDays) {
        this.cluster = cluster;
        this.bodies = new TemplateBodies(retentionDays);
        this.retentionDays = retentionDays;
    }

    @Override
    public void run(SetupReport report) {
        Capabilities capabilities;
        try {
            capabilities = cluster.capabilities();
        } catch (Unreachable e) {
            report.add(SERVICE, Outcome.FAILED, "cluster", e.getMessage());
            return;
        }
        try {
            install(capabilities, report);
        } catch (IOException e) {
            report.add(
                    SERVICE,
                    Outcome.FAILED,
                    "cluster",
                    "Elasticsearch stopped answering during setup (" + e
                            + "); run setup again when it is back (every step is safe to repeat)");
        }
    }

    private void install(Capabilities capabilities, SetupReport report) throws IOException {
        Retention retention = capabilities.ilm() ? Retention.ILM : Retention.DATA_STREAM_LIFECYCLE;
        if (retention == Retention.ILM) {
            install(ElasticsearchAssets.ILM_POLICY, retention, report);
            report.add(
                    SERVICE,
                    Outcome.NOTE,
                    "retention",
                    "the ILM policy deletes data " + retentionDays
                            + " days after rollover; data stream lifecycle is left off so that only one of them manages"
                            + " the streams");
        } else {
            report.add(
                    SERVICE,
                    Outcome.SKIPPED,
                    "ILM policy " + ElasticsearchAssets.ILM_POLICY.name() + " and component template "
                            + ElasticsearchAssets.ILM_COMPONENT.name(),
                    "ILM is not available"
                            + " on this cluster (the minimal distribution); retention is set by data stream lifecycle"
                            + " instead (" + retentionDays + " days)");
        }
        for (Asset component : ElasticsearchAssets.componentTemplates()) {
            install(component, retention, report);
        }
        if (retention == Retention.ILM) {
            install(ElasticsearchAssets.ILM_COMPONENT, retention, report);
        }
        for (Asset template : ElasticsearchAssets.indexTemplates()) {
            retention = installIndexTemplate(template, retention, report);
        }
        if (retention == Retention.DATA_STREAM_LIFECYCLE && !capabilities.dataStreamLifecycleService()) {
            report.add(
                    SERVICE,
                    Outcome.NOTE,
                    "data stream lifecycle",
                    "this cluster has no data stream lifecycle"
                            + " service (no _data_stream API): the " + retentionDays
                            + "-day retention is recorded on new"
                            + " data streams but nothing deletes old data here; full clusters enforce it");
        }
    }

    /** Puts an index template; when the cluster refuses its lifecycle block, puts it without and says so. */
    private Retention installIndexTemplate(Asset template, Retention retention, SetupReport report) throws IOException {
        try {
            put(template, retention, report);
            return retention;
        } catch (Refused e) {
            if (retention == Retention.DATA_STREAM_LIFECYCLE
                    && e.status() == 400
                    && e.getMessage().contains("lifecycle")) {
                report.add(
                        SERVICE,
                        Outcome.NOTE,
                        "data stream lifecycle",
                        "this cluster refused it (" + e.getMessage()
                                + "); the index templates go in without retention, so nothing deletes old data");
                install(template, Retention.NONE, report);
                return Retention.NONE;
            }
            refused(template, e, report);
            return retention;
        }
    }

    private void install(Asset asset, Retention retention, SetupReport report) throws IOException {
        try {
            put(asset, retention, report);
        } catch (Refused e) {
            refused(asset, e, report);
        }
    }

    private void put(Asset asset, Retention retention, SetupReport report) throws IOException, Refused {
        TemplateBodies.Body body = bodies.body(asset, retention);
        Installed installed = cluster.installed(asset);
        if (body.hash().equals(installed.hash())) {
            report.add(SERVICE, Outcome.UNCHANGED, describe(asset), "");
            return;
        }
        cluster.put(asset, body.json());
        report.add(SERVICE, installed.exists() ? Outcome.UPDATED : Outcome.CREATED, describe(asset), "");
    }

    private static void refused(Asset asset, Refused e, SetupReport report) {
        report.add(
                SERVICE,
                Outcome.FAILED,
                describe(asset),
                "Elasticsearch refused it with HTTP " + e.status() + ": " + e.getMessage());
    }

    static String describe(Asset asset) {
        return switch (asset.kind()) {
            case COMPONENT_TEMPLATE -> "component template " + asset.name();
            case INDEX_TEMPLATE -> "index template " + asset.name();
            case ILM_POLICY -> "ILM policy " + asset.name();
        };
    }
}
