package io.herokuelk.shipper.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field the parsers write: the field contract of the documents in one place. Names follow the Elastic Common
 * Schema where it has a field; {@code heroku.*} holds what ECS has no place for.
 *
 * <p>Documents are written as nested JSON objects ({@code {"http":{"request":{"method":"GET"}}}}) in the order of
 * declaration here, grouped by parent object.
 */
public final class FieldNames {

    private static final List<Field> DECLARED = new ArrayList<>();

    /** The ECS version whose field set the documents follow ({@code ecs.version}). */
    public static final String ECS_VERSION_VALUE = "8.17.0";

    public static final Field TIMESTAMP = define("@timestamp");
    public static final Field MESSAGE = define("message");
    public static final Field TAGS = define("tags");

    /** Elastic's data stream scheme ({@code logs-<dataset>-<namespace>}); the indexer adds the namespace. */
    public static final Field DATA_STREAM_TYPE = define("data_stream.type");

    public static final Field DATA_STREAM_DATASET = define("data_stream.dataset");
    public static final Field ECS_VERSION = define("ecs.version");

    public static final Field EVENT_ID = define("event.id");
    /** ECS categorisation: {@code event}, {@code metric}, ... ({@link EventKinds}). */
    public static final Field EVENT_KIND = define("event.kind");
    /** ECS: a list ({@code ["web"]}). */
    public static final Field EVENT_CATEGORY = define("event.category");
    /** ECS: a list ({@code ["access"]}, {@code ["error"]}). */
    public static final Field EVENT_TYPE = define("event.type");
    /** ECS: {@code success} or {@code failure}, where the line says. */
    public static final Field EVENT_OUTCOME = define("event.outcome");

    public static final Field EVENT_DATASET = define("event.dataset");
    public static final Field EVENT_CODE = define("event.code");
    /** Nanoseconds, per ECS. */
    public static final Field EVENT_DURATION = define("event.duration");

    public static final Field EVENT_ORIGINAL = define("event.original");

    public static final Field LOG_LEVEL = define("log.level");
    public static final Field LOG_LOGGER = define("log.logger");
    public static final Field SYSLOG_PRIORITY = define("log.syslog.priority");
    public static final Field SYSLOG_FACILITY_CODE = define("log.syslog.facility.code");
    public static final Field SYSLOG_SEVERITY_CODE = define("log.syslog.severity.code");
    public static final Field SYSLOG_APPNAME = define("log.syslog.appname");
    public static final Field SYSLOG_PROCID = define("log.syslog.procid");
    public static final Field SYSLOG_MSGID = define("log.syslog.msgid");

    public static final Field SERVICE_NAME = define("service.name");

    public static final Field HEROKU_APP = define("heroku.app");
    public static final Field HEROKU_SOURCE = define("heroku.source");
    public static final Field HEROKU_DYNO = define("heroku.dyno");
    public static final Field HEROKU_DYNO_TYPE = define("heroku.dyno_type");
    /** The dyno's instance id from runtime metrics; changes at every restart while {@code heroku.dyno} stays. */
    public static final Field HEROKU_DYNO_ID = define("heroku.dyno_id");

    public static final Field DRAIN_TOKEN = define("heroku.drain.token");
    public static final Field DRAIN_FRAME_ID = define("heroku.drain.frame_id");
    /** How many 10,000-byte pieces were joined into this message (absent for unsplit messages). */
    public static final Field REASSEMBLED_PARTS = define("heroku.reassembled_parts");
    /** Why part of the message could not be parsed; the raw message is then always in {@code event.original}. */
    public static final Field PARSE_ERROR = define("heroku.parse_error");
    /** The dataset an app line asked for but may not have ({@link AppDatasets}); it went to {@code heroku.app}. */
    public static final Field REQUESTED_DATASET = define("heroku.requested_dataset");

    /** The dyno that served the request (the router line's {@code dyno=}); {@code heroku.dyno} is the router. */
    public static final Field ROUTER_DYNO = define("heroku.router.dyno");

    public static final Field ROUTER_CONNECT_MS = define("heroku.router.connect_ms");
    public static final Field ROUTER_SERVICE_MS = define("heroku.router.service_ms");
    /** The whole {@code fwd} list; {@code client.ip} is its first address. */
    public static final Field ROUTER_FWD = define("heroku.router.fwd");

    public static final Field ROUTER_SOCK = define("heroku.router.sock");
    public static final Field ROUTER_CAUSE = define("heroku.router.cause");

    public static final Field MEMORY_TOTAL_MB = define("heroku.memory.total_mb");
    public static final Field MEMORY_RSS_MB = define("heroku.memory.rss_mb");
    public static final Field MEMORY_CACHE_MB = define("heroku.memory.cache_mb");
    public static final Field MEMORY_SWAP_MB = define("heroku.memory.swap_mb");
    public static final Field MEMORY_PGPGIN = define("heroku.memory.pgpgin");
    public static final Field MEMORY_PGPGOUT = define("heroku.memory.pgpgout");
    public static final Field MEMORY_QUOTA_MB = define("heroku.memory.quota_mb");
    /** (rss + swap) / quota x 100, as Heroku measures R14; from runtime metrics or {@code Process running}. */
    public static final Field MEMORY_QUOTA_PCT = define("heroku.memory.quota_pct");
    /** From {@code Process running mem=909M(177.6%)}. */
    public static final Field MEMORY_PROCESS_MB = define("heroku.memory.process_mb");

    public static final Field LOAD_AVG_1M = define("heroku.load.avg_1m");
    public static final Field LOAD_AVG_5M = define("heroku.load.avg_5m");
    public static final Field LOAD_AVG_15M = define("heroku.load.avg_15m");

    public static final Field STATE_FROM = define("heroku.state.from");
    public static final Field STATE_TO = define("heroku.state.to");
    /** The signal of {@code Stopping process with SIGKILL}. */
    public static final Field SIGNAL = define("heroku.signal");
    /** The text after {@code ->} (or after the colon of L10) in {@code Error R10 (Boot timeout) -> ...}. */
    public static final Field ERROR_DETAIL = define("heroku.error.detail");
    /** Messages logplex reports as lost by L10. */
    public static final Field LOGPLEX_DROPPED = define("heroku.logplex.dropped");

    public static final Field LOGPLEX_DROPPED_SINCE = define("heroku.logplex.dropped_since");

    public static final Field HTTP_REQUEST_METHOD = define("http.request.method");
    public static final Field HTTP_REQUEST_ID = define("http.request.id");
    public static final Field HTTP_RESPONSE_STATUS_CODE = define("http.response.status_code");
    public static final Field HTTP_RESPONSE_BYTES = define("http.response.bytes");
    public static final Field URL_ORIGINAL = define("url.original");
    public static final Field URL_PATH = define("url.path");
    public static final Field URL_QUERY = define("url.query");
    public static final Field URL_DOMAIN = define("url.domain");
    public static final Field CLIENT_IP = define("client.ip");
    public static final Field NETWORK_PROTOCOL = define("network.protocol");

    public static final Field ERROR_CODE = define("error.code");
    public static final Field ERROR_MESSAGE = define("error.message");
    public static final Field ERROR_STACK_TRACE = define("error.stack_trace");

    public static final Field PROCESS_EXIT_CODE = define("process.exit_code");
    /** The app process an event comes from, as the app reports it (memory diagnosis counts a dyno's processes). */
    public static final Field PROCESS_PID = define("process.pid");

    public static final Field PROCESS_THREAD_NAME = define("process.thread.name");

    private static final Field[] IN_WRITE_ORDER;
    private static final Map<String, Field> BY_NAME;
    /** Every dotted prefix that is an object in the documents ({@code http}, {@code http.request}, ...). */
    private static final Map<String, Boolean> OBJECT_PATHS;

    static {
        // Group fields by parent object, keeping each group where its first member was declared.
        List<Field> ordered = new ArrayList<>();
        orderUnder("", ordered);
        IN_WRITE_ORDER = ordered.toArray(new Field[0]);
        Map<String, Field> byName = new HashMap<>();
        Map<String, Boolean> objects = new HashMap<>();
        for (int i = 0; i < IN_WRITE_ORDER.length; i++) {
            Field f = IN_WRITE_ORDER[i];
            f.index = i;
            byName.put(f.name(), f);
            StringBuilder prefix = new StringBuilder();
            for (int s = 0; s < f.path.length - 1; s++) {
                if (s > 0) {
                    prefix.append('.');
                }
                prefix.append(f.path[s]);
                objects.put(prefix.toString(), Boolean.TRUE);
            }
        }
        if (IN_WRITE_ORDER.length != DECLARED.size()) {
            throw new IllegalStateException("field ordering lost fields");
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        OBJECT_PATHS = Collections.unmodifiableMap(objects);
    }

    private FieldNames() {}

    private static Field define(String name) {
        Field f = new Field(name);
        DECLARED.add(f);
        return f;
    }

    /** Depth-first over the object tree, children in order of first declaration. */
    private static void orderUnder(String parent, List<Field> out) {
        List<String> children = new ArrayList<>();
        for (Field f : DECLARED) {
            String p = groupKey(f);
            if (p.equals(parent)) {
                String leafKey = "\u0000" + f.name();
                if (!children.contains(leafKey)) {
                    children.add(leafKey);
                }
            } else if (p.startsWith(parent.isEmpty() ? "" : parent + ".")) {
                String rest = parent.isEmpty() ? p : p.substring(parent.length() + 1);
                String child = (parent.isEmpty() ? "" : parent + ".") + rest.split("\\.")[0];
                if (!children.contains(child)) {
                    children.add(child);
                }
            }
        }
        for (String child : children) {
            if (child.charAt(0) == '\u0000') {
                out.add(byName(child.substring(1)));
            } else {
                orderUnder(child, out);
            }
        }
    }

    private static Field byName(String name) {
        for (Field f : DECLARED) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalStateException(name);
    }

    private static String groupKey(Field f) {
        int dot = f.name().lastIndexOf('.');
        return f.path.length == 1 || dot < 0 ? "" : f.name().substring(0, dot);
    }

    /** The field with this dotted name, or {@code null}. */
    public static Field named(String name) {
        return BY_NAME.get(name);
    }

    /** Whether documents hold an object at this dotted path ({@code http.request}), so a value cannot go there. */
    static boolean isObjectPath(String name) {
        return OBJECT_PATHS.containsKey(name);
    }

    /** All fields, in the order documents write them. */
    public static List<Field> inWriteOrder() {
        return List.of(IN_WRITE_ORDER);
    }

    static int count() {
        return IN_WRITE_ORDER.length;
    }

    static Field at(int index) {
        return IN_WRITE_ORDER[index];
    }
}
