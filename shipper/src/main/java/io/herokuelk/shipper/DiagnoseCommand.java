package io.herokuelk.shipper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.shipper.alert.config.Durations;
import io.herokuelk.shipper.alert.diagnosis.Diagnostician;
import io.herokuelk.shipper.alert.diagnosis.DynoTimeline;
import io.herokuelk.shipper.alert.diagnosis.Releases;
import io.herokuelk.shipper.alert.diagnosis.StoredEvents;
import io.herokuelk.shipper.alert.model.AlertJson;
import io.herokuelk.shipper.alert.model.Diagnosis;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.index.ElasticsearchClients;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code diagnose --app A --dyno web.1 [--at T] [--window 2h] [--json]}: the diagnosis a memory alert would carry,
 * on demand, from what Elasticsearch holds: why is this dyno at 80%, even before any alert.
 */
@Command(
        name = "diagnose",
        mixinStandardHelpOptions = true,
        versionProvider = ShipperVersion.class,
        description = {
            "Says which cause of a dyno's memory the figures point to, from what Elasticsearch holds.",
            "The diagnosis a memory alert carries, on demand: too many processes, a runtime sized for the host, a",
            "heavy start or growth, with its figures and what to change. Reads Elasticsearch only."
        })
final class DiagnoseCommand implements ShipperCommand {

    private final PrintStream out = System.out;

    @Spec
    private CommandSpec spec;

    @Option(names = "--app", required = true, paramLabel = "APP", description = "the Heroku app (heroku.app)")
    private String app;

    @Option(names = "--dyno", required = true, paramLabel = "DYNO", description = "the dyno, e.g. web.1")
    private String dyno;

    @Option(names = "--at", paramLabel = "INSTANT", description = "the moment to diagnose (default: now)")
    private Instant at;

    @Option(
            names = "--window",
            defaultValue = "2h",
            paramLabel = "DURATION",
            description = "how far back to read, e.g. 30m, 2h (default: ${DEFAULT-VALUE})")
    private String window;

    @Option(names = "--json", description = "print the diagnosis as JSON (the alert document's heroku_elk.diagnosis)")
    private boolean json;

    @Override
    public ElasticsearchSettings configuration(Map<String, String> environment) {
        Environment env = new Environment(environment);
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.from(env);
        env.validate();
        return elasticsearch;
    }

    @Override
    public Integer call() throws Exception {
        Duration back;
        try {
            back = Durations.parse(window);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--window': " + e.getMessage());
        }
        Instant until = at != null ? at : Instant.now();
        ElasticsearchSettings elasticsearch = configuration(System.getenv());
        DynoTimeline timeline = new DynoTimeline();
        Releases releases = new Releases();
        long events;
        try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch)) {
            events = new StoredEvents(client, elasticsearch.namespace())
                    .load(app, dyno, until.minus(back), until, timeline, releases);
        }
        Diagnosis diagnosis = Diagnostician.diagnose(dyno, timeline, releases.before(app, until), until);
        if (json) {
            out.println(AlertJson.diagnosis(diagnosis));
        } else {
            out.println(dyno + " of " + app + " at " + until + " (" + events + " events of the last "
                    + Durations.format(back) + "):");
            out.println("  cause: " + diagnosis.cause() + " (" + diagnosis.confidence() + " confidence)");
            out.println("  " + diagnosis.summary());
            out.println("  what to change: " + diagnosis.action());
            out.println("  from: " + String.join(", ", diagnosis.signals()));
            if (!diagnosis.others().isEmpty()) {
                out.println("  also: " + String.join(", ", diagnosis.others()));
            }
            out.println("  figures: " + diagnosis.figures());
        }
        return 0;
    }
}
