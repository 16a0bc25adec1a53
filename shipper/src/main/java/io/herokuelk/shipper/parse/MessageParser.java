package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FieldNames.*;

import java.util.Objects;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one message ({@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID - TEXT}, the MSG of a frame) into a
 * {@link ParsedEvent}. Thread-safe; create one and share it.
 *
 * <p>Every message becomes a document. The fields every document has come from the header and the
 * {@link DrainContext}; then one {@link LineContributor} adds the fields of the line's type: router lines, runtime
 * metrics, other platform lines, app JSON. A header that cannot be read still gives a document: the whole message
 * as {@code message}, the receive time as {@code @timestamp}, the reason in {@code heroku.parse_error}, the tag
 * {@code heroku_header_unparsed}, {@code event.original} whatever the options say, and the dataset
 * {@code heroku.app} (most unrecognisable lines are an app's output).
 *
 * <p>Most callers want {@link DrainBodyParser}, which frames bodies and joins split lines before coming here.
 */
public final class MessageParser {

    static final String TAG_HEADER_UNPARSED = "heroku_header_unparsed";
    private static final String[] SEVERITY_NAMES = {
        "emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"
    };

    private final ParserSettings options;
    private final ObjectMapper mapper;
    private final DocumentWriter writer;
    private final LineContributor router = new RouterContributor();
    private final LineContributor runtimeMetrics = new RuntimeMetricsContributor();
    private final PlatformContributor platform = new PlatformContributor();
    private final LineContributor appJson;

    public MessageParser(ParserSettings options) {
        this.options = Objects.requireNonNull(options, "options");
        // No separator between root values, so that one generator can write a batch of documents back to back.
        this.mapper = JsonMapper.builder(
                        JsonFactory.builder().rootValueSeparator((String) null).build())
                .build();
        this.writer = new DocumentWriter(mapper);
        this.appJson = new AppJsonContributor(mapper, options.appDatasets());
    }

    public ParserSettings options() {
        return options;
    }

    /**
     * Parses one message.
     *
     * @param message  the bytes, a trailing newline allowed
     * @param position the message's index in its batch (0 for a lone message); part of {@code event.id} when the
     *                 context has a Frame-Id
     */
    public ParsedEvent parse(byte[] message, int offset, int length, DrainContext context, int position) {
        return parse(Line.read(message, offset, offset + length), context, position);
    }

    public ParsedEvent parse(byte[] message, DrainContext context) {
        return parse(message, 0, message.length, context, 0);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    ParsedEvent parse(Line line, DrainContext context, int position) {
        try (DocumentWriter.Session session = writer.open()) {
            return parse(line, context, position, session);
        }
    }

    DocumentWriter.Session openSession() {
        return writer.open();
    }

    ParsedEvent parse(Line line, DrainContext context, int position, DocumentWriter.Session session) {
        Document doc = new Document();
        doc.put(MESSAGE, line.textValue());
        doc.put(HEROKU_APP, context.appName());
        doc.put(SERVICE_NAME, context.appName());
        doc.put(DRAIN_FRAME_ID, context.frameId());
        SyslogHeader header = line.header;
        Origin origin = line.origin;
        String drainToken =
                context.drainToken() != null ? context.drainToken() : origin != null ? origin.drainToken() : null;
        doc.put(DRAIN_TOKEN, drainToken);
        boolean keepOriginal = options.includeOriginal();
        if (header != null) {
            doc.put(
                    TIMESTAMP,
                    header.timestamp() != null ? header.timestamp() : Timestamps.format(context.receivedAt()));
            if (header.hasPriority()) {
                doc.put(SYSLOG_PRIORITY, (long) header.priority());
                doc.put(SYSLOG_FACILITY_CODE, (long) header.facility());
                doc.put(SYSLOG_SEVERITY_CODE, (long) header.severity());
                doc.put(LOG_LEVEL, SEVERITY_NAMES[header.severity()]);
            }
            doc.put(SYSLOG_APPNAME, header.appName());
            doc.put(SYSLOG_PROCID, header.procId());
            doc.put(SYSLOG_MSGID, header.msgId());
            doc.put(HEROKU_SOURCE, origin.source());
            doc.put(HEROKU_DYNO, origin.dyno());
            doc.put(HEROKU_DYNO_TYPE, origin.dynoType());
            contribute(line, doc);
        } else {
            doc.put(TIMESTAMP, Timestamps.format(context.receivedAt()));
            doc.put(PARSE_ERROR, line.headerProblem);
            doc.addTag(TAG_HEADER_UNPARSED);
            keepOriginal = true;
        }
        if (!doc.has(EVENT_DATASET)) {
            doc.put(EVENT_DATASET, AppJsonContributor.DATASET);
        }
        if (line.parts > 1) {
            doc.put(REASSEMBLED_PARTS, (long) line.parts);
        }
        if (keepOriginal) {
            doc.put(EVENT_ORIGINAL, line.originalValue());
        }
        String dyno = origin != null ? origin.dyno() : null;
        String id = context.frameId() != null
                ? EventIds.fromFrame(context.frameId(), position)
                : EventIds.fromContent(drainToken, dyno, line.raw, line.rawFrom, line.rawTo);
        doc.put(EVENT_ID, id);
        String dataset = String.valueOf(doc.get(EVENT_DATASET));
        EcsEvent.complete(doc, dataset);
        // Router lines are keyed by the dyno that served the request: they stay in order with that dyno's own
        // lines, and an app's router traffic (most of its lines) spreads over partitions instead of filling one.
        String keyDyno = doc.get(ROUTER_DYNO) instanceof String served ? served : dyno;
        String partitionKey = keyDyno != null ? context.appName() + '/' + keyDyno : context.appName();
        long dropped = doc.get(LOGPLEX_DROPPED) instanceof Long n ? n : 0;
        return new ParsedEvent(id, dataset, partitionKey, session.write(doc), header != null, dropped);
    }

    /** Picks the line type; a contributor that declines leaves a plainer document, never none. */
    private void contribute(Line line, Document doc) {
        Origin origin = line.origin;
        if (Origin.HEROKU.equals(origin.source())) {
            if (origin.dyno().equals("router")) {
                router.contribute(line, doc);
            } else if (!runtimeMetrics.contribute(line, doc)) {
                platform.contribute(line, doc);
            }
        } else if (!platform.contributeAppSourced(line, doc)) {
            // "app", or a sender that names itself otherwise: its output is the app's.
            appJson.contribute(line, doc);
        }
    }
}
