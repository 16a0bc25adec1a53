package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FieldNames.*;

import java.util.List;

/**
 * ECS categorisation values ({@code event.kind}, {@code event.category}, {@code event.type}, {@code event.outcome})
 * for the line types, from ECS's allowed values, and the fields every document carries ({@code ecs.version},
 * {@code data_stream.*}). One place, so that dashboards and rules can rely on them.
 */
final class EcsEvent {

    static final String DATA_STREAM_TYPE_VALUE = "logs";

    static final String KIND_EVENT = "event";
    static final String KIND_METRIC = "metric";

    static final List<String> WEB = List.of("web");
    static final List<String> HOST = List.of("host");
    static final List<String> PROCESS = List.of("process");
    static final List<String> ACCESS = List.of("access");
    static final List<String> ACCESS_ERROR = List.of("access", "error");
    static final List<String> ERROR = List.of("error");
    static final List<String> INFO = List.of("info");
    static final List<String> CHANGE = List.of("change");
    static final List<String> START = List.of("start");
    static final List<String> END = List.of("end");

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private EcsEvent() {}

    static void classify(Document doc, String kind, List<String> category, List<String> type) {
        doc.put(EVENT_KIND, kind);
        doc.put(EVENT_CATEGORY, category);
        doc.put(EVENT_TYPE, type);
    }

    /** A Heroku error code (R, L; H on router lines): an event that failed. */
    static void error(Document doc, String code) {
        doc.put(EVENT_KIND, KIND_EVENT);
        if (code.startsWith("R")) {
            doc.put(EVENT_CATEGORY, PROCESS);
        } else if (code.startsWith("H")) {
            doc.put(EVENT_CATEGORY, WEB);
        }
        doc.put(EVENT_TYPE, ERROR);
        doc.put(EVENT_OUTCOME, FAILURE);
    }

    /** What every document carries: its kind unless a contributor said, the data stream, the ECS version. */
    static void complete(Document doc, String dataset) {
        if (!doc.has(EVENT_KIND)) {
            doc.put(EVENT_KIND, KIND_EVENT);
        }
        doc.put(DATA_STREAM_TYPE, DATA_STREAM_TYPE_VALUE);
        doc.put(DATA_STREAM_DATASET, dataset);
        doc.put(ECS_VERSION, ECS_VERSION_VALUE);
    }
}
