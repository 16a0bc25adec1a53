package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FieldNames.*;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Platform and dyno lines ({@code heroku[web.1]}, {@code heroku[api]}, {@code heroku[logplex]}, ...). Recognised:
 * <ul>
 *   <li>{@code Error R14 (Memory quota exceeded)}, {@code Error R10 (Boot timeout) -> detail}, and the other R, L and
 *       H codes: {@code event.code}, {@code error.code}, {@code error.message}, {@code heroku.error.detail};</li>
 *   <li>L10: {@code Error L10 (output buffer overflow): 12 messages dropped since <time>.}, and L12 as log-shuttle
 *       writes it ({@code Error L12: 12 messages dropped since <time>.}): {@code heroku.logplex.dropped} and
 *       {@code .dropped_since};</li>
 *   <li>{@code Process running mem=909M(177.6%)} (also {@code MB}): {@code heroku.memory.process_mb},
 *       {@code heroku.memory.quota_pct};</li>
 *   <li>{@code State changed from up to crashed}: {@code heroku.state.from}, {@code .to};</li>
 *   <li>{@code Process exited with status 137}: {@code process.exit_code};</li>
 *   <li>{@code Stopping process with SIGKILL} (also {@code all processes}, {@code remaining processes}): {@code heroku.signal}.</li>
 * </ul>
 * Any other line is a platform document with its message only. Platform lines are a small share of the traffic, so
 * regular expressions are clear enough here.
 *
 * <p>Heroku also writes a few codes under the app's name ({@link #contributeAppSourced}): R13 from
 * {@code app[run.N]} and the L codes of {@code app[log-shuttle]}. Only those processes are read so: any other app
 * line that prints {@code Error R14} stays the app's own text, so that an app cannot raise platform alerts.
 */
final class PlatformContributor implements LineContributor {

    static final String DATASET = "heroku.platform";

    private static final Pattern ERROR = Pattern.compile("Error ([A-Z][0-9]{2})(?: \\(([^)]*)\\))?(?::? -> |: |$)(.*)");
    /** Heroku processes that write under the app's name, and the codes they write. */
    private static final Pattern APP_SOURCED = Pattern.compile("Error (?:R13 |L1[0-5][: ]).*");

    private static final Pattern STARTING = Pattern.compile("Starting process with command .*");
    private static final Pattern DROPPED = Pattern.compile("([0-9]{1,18}) messages? dropped since (\\S+?)\\.?");
    private static final Pattern MEMORY =
            Pattern.compile("Process running mem=([0-9]+(?:\\.[0-9]+)?)(?:M|MB)\\(([0-9]+(?:\\.[0-9]+)?)%\\).*");
    private static final Pattern STATE = Pattern.compile("State changed from (\\S+) to (\\S+).*");
    private static final Pattern EXIT = Pattern.compile("Process exited with status (-?[0-9]{1,9}).*");
    private static final Pattern STOP =
            Pattern.compile("Stopping (?:all processes|remaining processes|process) with (SIG[A-Z0-9]+).*");

    @Override
    public boolean contribute(Line line, Document doc) {
        doc.put(EVENT_DATASET, DATASET);
        String text = line.text();
        if (text.isEmpty()) {
            return true;
        }
        Matcher m;
        switch (text.charAt(0)) {
            case 'E' -> {
                if ((m = ERROR.matcher(text)).matches()) {
                    error(doc, m);
                }
            }
            case 'P' -> {
                if ((m = MEMORY.matcher(text)).matches()) {
                    doc.put(MEMORY_PROCESS_MB, Double.parseDouble(m.group(1)));
                    doc.put(MEMORY_QUOTA_PCT, Double.parseDouble(m.group(2)));
                } else if ((m = EXIT.matcher(text)).matches()) {
                    long exitCode = Long.parseLong(m.group(1));
                    doc.put(PROCESS_EXIT_CODE, exitCode);
                    EcsEvent.classify(doc, EcsEvent.KIND_EVENT, EcsEvent.PROCESS, EcsEvent.END);
                    doc.put(EVENT_OUTCOME, exitCode == 0 ? EcsEvent.SUCCESS : EcsEvent.FAILURE);
                }
            }
            case 'S' -> {
                if ((m = STATE.matcher(text)).matches()) {
                    doc.put(STATE_FROM, m.group(1));
                    doc.put(STATE_TO, m.group(2));
                    EcsEvent.classify(doc, EcsEvent.KIND_EVENT, EcsEvent.PROCESS, EcsEvent.CHANGE);
                } else if ((m = STOP.matcher(text)).matches()) {
                    doc.put(SIGNAL, m.group(1));
                } else if (STARTING.matcher(text).matches()) {
                    EcsEvent.classify(doc, EcsEvent.KIND_EVENT, EcsEvent.PROCESS, EcsEvent.START);
                }
            }
            default -> {
                // Any other platform line is kept with its message only.
            }
        }
        return true;
    }

    /**
     * An app line that Heroku wrote (R13 of {@code run.N}, the L codes of {@code log-shuttle}): taken as a platform
     * line; returns false for any other app line.
     */
    boolean contributeAppSourced(Line line, Document doc) {
        String process = line.origin.dyno();
        if (!(process.equals("log-shuttle") || process.startsWith("run."))
                || line.textLength() < 10
                || line.raw[line.textFrom] != 'E'
                || !APP_SOURCED.matcher(line.text()).matches()) {
            return false;
        }
        return contribute(line, doc);
    }

    private static void error(Document doc, Matcher m) {
        String code = m.group(1);
        String detail = m.group(3);
        doc.put(EVENT_CODE, code);
        doc.put(ERROR_CODE, code);
        doc.putNonEmpty(ERROR_MESSAGE, m.group(2));
        doc.putNonEmpty(ERROR_DETAIL, detail);
        doc.put(LOG_LEVEL, "error");
        EcsEvent.error(doc, code);
        Matcher dropped = DROPPED.matcher(detail);
        if ((code.equals("L10") || code.equals("L12")) && dropped.matches()) {
            doc.put(LOGPLEX_DROPPED, Long.parseLong(dropped.group(1)));
            String since = Timestamps.toUtc(dropped.group(2));
            doc.put(LOGPLEX_DROPPED_SINCE, since != null ? since : dropped.group(2));
        }
    }
}
