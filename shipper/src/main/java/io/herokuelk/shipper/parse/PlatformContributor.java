package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FieldNames.*;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Platform and dyno lines ({@code heroku[web.1]}, {@code heroku[api]}, {@code heroku[logplex]}, ...). Recognised:
 * <ul>
 *   <li>{@code Error R14 (Memory quota exceeded)}, {@code Error R10 (Boot timeout) -> detail}, and the other R, L and
 *       H codes: {@code event.code}, {@code error.code}, {@code error.message}, {@code heroku.error.detail};</li>
 *   <li>L10: {@code Error L10 (output buffer overflow): 12 messages dropped since <time>.}:
 *       {@code heroku.logplex.dropped} and {@code .dropped_since};</li>
 *   <li>{@code Process running mem=909M(177.6%)} (also {@code MB}): {@code heroku.memory.process_mb},
 *       {@code heroku.memory.quota_pct};</li>
 *   <li>{@code State changed from up to crashed}: {@code heroku.state.from}, {@code .to};</li>
 *   <li>{@code Process exited with status 137}: {@code process.exit_code};</li>
 *   <li>{@code Stopping process with SIGKILL} (also {@code all processes}, {@code remaining processes}): {@code heroku.signal}.</li>
 * </ul>
 * Any other line is a platform document with its message only. Platform lines are a small share of the traffic, so
 * regular expressions are clear enough here.
 */
final class PlatformContributor implements LineContributor {

    static final String DATASET = "heroku.platform";

    private static final Pattern ERROR = Pattern.compile("Error ([A-Z][0-9]{2}) \\(([^)]*)\\)(?::? -> |: |$)(.*)");
    private static final Pattern DROPPED = Pattern.compile("([0-9]{1,18}) messages? dropped since (\\S+?)\\.?");
    private static final Pattern MEMORY =
            Pattern.compile("Process running mem=([0-9]+(?:\\.[0-9]+)?)(?:M|MB)\\(([0-9]+(?:\\.[0-9]+)?)%\\).*");
    private static final Pattern STATE = Pattern.compile("State changed from (\\S+) to (\\S+).*");
    private static final Pattern EXIT = Pattern.compile("Process exited with status (-?[0-9]{1,9}).*");
    private static final Pattern STOP = Pattern.compile("Stopping (?:all processes|remaining processes|process) with (SIG[A-Z0-9]+).*");

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
                    doc.put(PROCESS_EXIT_CODE, Long.parseLong(m.group(1)));
                }
            }
            case 'S' -> {
                if ((m = STATE.matcher(text)).matches()) {
                    doc.put(STATE_FROM, m.group(1));
                    doc.put(STATE_TO, m.group(2));
                } else if ((m = STOP.matcher(text)).matches()) {
                    doc.put(SIGNAL, m.group(1));
                }
            }
            default -> {
                // Any other platform line is kept with its message only.
            }
        }
        return true;
    }

    private static void error(Document doc, Matcher m) {
        String code = m.group(1);
        String detail = m.group(3);
        doc.put(EVENT_CODE, code);
        doc.put(ERROR_CODE, code);
        doc.putNonEmpty(ERROR_MESSAGE, m.group(2));
        doc.putNonEmpty(ERROR_DETAIL, detail);
        doc.put(LOG_LEVEL, "error");
        Matcher dropped = DROPPED.matcher(detail);
        if (code.equals("L10") && dropped.matches()) {
            doc.put(LOGPLEX_DROPPED, Long.parseLong(dropped.group(1)));
            String since = Timestamps.toUtc(dropped.group(2));
            doc.put(LOGPLEX_DROPPED_SINCE, since != null ? since : dropped.group(2));
        }
    }
}
