package io.herokuelk.shipper.alert.diagnosis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.herokuelk.shipper.alert.model.Observation;
import io.herokuelk.shipper.alert.model.Observations;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dyno's past as Elasticsearch holds it, fed into a {@link DynoTimeline} the way the alerter feeds it from the
 * stream: its runtime metrics, platform lines and the app's memory and lifecycle events in time order, the app's
 * release lines, and the router's requests to it counted per minute (an aggregation, not every line).
 */
public final class StoredEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DYNO_DATASETS =
            List.of("heroku.runtime_metrics", "heroku.platform", "app.memory", "app.lifecycle");
    private static final int PAGE = 2_000;

    private final ElasticsearchClient client;
    private final String indices;

    /** @param namespace the data streams' namespace: every {@code logs-*-<namespace>} stream is read */
    public StoredEvents(ElasticsearchClient client, String namespace) {
        this.client = client;
        this.indices = "logs-*-" + namespace;
    }

    /** Feeds the dyno's events of [from, to] into {@code timeline} and the app's releases into {@code releases}. */
    @SuppressWarnings("rawtypes")
    public long load(String app, String dyno, Instant from, Instant to, DynoTimeline timeline, Releases releases)
            throws IOException {
        Query events = Query.of(q ->
                q.bool(b -> b.filter(f -> f.term(t -> t.field("heroku.app").value(app)))
                        .filter(range(from, to))
                        .should(s -> s.bool(d -> d.filter(
                                        f -> f.term(t -> t.field("heroku.dyno").value(dyno)))
                                .filter(f -> f.terms(t -> t.field("event.dataset")
                                        .terms(v -> v.value(DYNO_DATASETS.stream()
                                                .map(FieldValue::of)
                                                .toList()))))))
                        .should(s -> s.bool(d ->
                                d.filter(f -> f.term(t -> t.field("heroku.dyno").value("api")))))
                        .minimumShouldMatch("1")));
        long loaded = 0;
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> cursor = after;
            SearchResponse<Map> page = client.search(
                    s -> {
                        s.index(indices)
                                .query(events)
                                .size(PAGE)
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Asc)))
                                .sort(o -> o.field(f -> f.field("event.id").order(SortOrder.Asc)));
                        return cursor == null ? s : s.searchAfter(cursor);
                    },
                    Map.class);
            for (Hit<Map> hit : page.hits().hits()) {
                Observation o = Observations.from(JSON.valueToTree(hit.source()));
                if (o.timestamp() != null) {
                    releases.record(o);
                    if (dyno.equals(o.dyno())) {
                        timeline.record(o);
                    }
                    loaded++;
                }
            }
            if (page.hits().hits().size() < PAGE) {
                break;
            }
            after = page.hits().hits().getLast().sort();
        }
        countRequests(app, dyno, from, to, timeline);
        return loaded;
    }

    private void countRequests(String app, String dyno, Instant from, Instant to, DynoTimeline timeline)
            throws IOException {
        SearchResponse<Void> counts = client.search(
                s -> s.index(indices)
                        .size(0)
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .query(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("heroku.app").value(app)))
                                .filter(f ->
                                        f.term(t -> t.field("event.dataset").value("heroku.router")))
                                .filter(f -> f.term(
                                        t -> t.field("heroku.router.dyno").value(dyno)))
                                .filter(range(from, to))))
                        .aggregations(
                                "per_minute",
                                a -> a.dateHistogram(h -> h.field("@timestamp")
                                        .fixedInterval(i -> i.time("1m"))
                                        .minDocCount(1))),
                Void.class);
        if (counts.aggregations() == null || !counts.aggregations().containsKey("per_minute")) {
            return;
        }
        for (DateHistogramBucket bucket : counts.aggregations()
                .get("per_minute")
                .dateHistogram()
                .buckets()
                .array()) {
            timeline.countRequests(Instant.ofEpochMilli(bucket.key()), (int) bucket.docCount());
        }
    }

    private static Query range(Instant from, Instant to) {
        return Query.of(q -> q.range(
                r -> r.date(d -> d.field("@timestamp").gte(from.toString()).lte(to.toString()))));
    }
}
