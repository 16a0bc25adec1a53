package io.herokuelk.shipper.setup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.cluster.ComponentTemplate;
import co.elastic.clients.elasticsearch.ilm.get_lifecycle.Lifecycle;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.transport.TransportException;
import io.herokuelk.elk.assets.ElasticsearchAssets.Asset;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/** {@link ElasticsearchCluster} with the official Java client; raw JSON bodies go in through {@code withJson}. */
final class ClientElasticsearchCluster implements ElasticsearchCluster {

    private final ElasticsearchClient client;
    private final String where;

    /** @param where the cluster's URL without credentials, for sentences */
    ClientElasticsearchCluster(ElasticsearchClient client, String where) {
        this.client = client;
        this.where = where;
    }

    @Override
    public Capabilities capabilities() throws Unreachable {
        try {
            // Cluster health, not info(): the minimal distribution has no GET / handler.
            client.cluster().health();
        } catch (ElasticsearchException e) {
            throw new Unreachable(
                    "Elasticsearch at " + where + " answered HTTP " + e.status() + " to a cluster health" + " request ("
                            + e.getMessage() + "); check ELASTICSEARCH_URL and the credentials",
                    e);
        } catch (IOException e) {
            throw new Unreachable(
                    "Elasticsearch at " + where + " could not be reached (" + e + "); check"
                            + " ELASTICSEARCH_URL and that the cluster is running",
                    e);
        }
        return new Capabilities(
                answers(() -> client.ilm().getStatus()),
                answers(() -> client.indices().getDataStream()));
    }

    private interface Call {
        void run() throws IOException;
    }

    /** Whether the endpoint exists: a minimal node answers 400 "no handler found" (or similar) to what it lacks. */
    private static boolean answers(Call call) throws Unreachable {
        try {
            call.run();
            return true;
        } catch (ElasticsearchException | TransportException e) {
            return false;
        } catch (IOException e) {
            throw new Unreachable("Elasticsearch stopped answering while setup asked what it supports (" + e + ")", e);
        }
    }

    @Override
    public Installed installed(Asset asset) throws IOException {
        try {
            Optional<Map<String, JsonData>> meta = switch (asset.kind()) {
                case COMPONENT_TEMPLATE ->
                    client.cluster().getComponentTemplate(r -> r.name(asset.name())).componentTemplates().stream()
                            .findFirst()
                            .map(ComponentTemplate::componentTemplate)
                            .map(t -> t.meta());
                case INDEX_TEMPLATE ->
                    client.indices().getIndexTemplate(r -> r.name(asset.name())).indexTemplates().stream()
                            .findFirst()
                            .map(IndexTemplateItem::indexTemplate)
                            .map(t -> t.meta());
                case ILM_POLICY ->
                    Optional.ofNullable(client.ilm()
                                    .getLifecycle(r -> r.name(asset.name()))
                                    .get(asset.name()))
                            .map(Lifecycle::policy)
                            .map(p -> p.meta());
            };
            if (meta.isEmpty()) {
                return Installed.ABSENT;
            }
            JsonData hash = meta.get().get(TemplateBodies.HASH_KEY);
            return new Installed(true, hash == null ? null : hash.to(String.class));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Installed.ABSENT;
            }
            throw e;
        }
    }

    @Override
    public void put(Asset asset, String body) throws IOException, Refused {
        try {
            switch (asset.kind()) {
                case COMPONENT_TEMPLATE ->
                    client.cluster()
                            .putComponentTemplate(r -> r.name(asset.name()).withJson(new StringReader(body)));
                case INDEX_TEMPLATE ->
                    client.indices().putIndexTemplate(r -> r.name(asset.name()).withJson(new StringReader(body)));
                case ILM_POLICY ->
                    client.ilm().putLifecycle(r -> r.name(asset.name()).withJson(new StringReader(body)));
            }
        } catch (ElasticsearchException e) {
            String reason = e.response() != null
                            && e.response().error() != null
                            && e.response().error().reason() != null
                    ? e.response().error().reason()
                    : e.getMessage();
            throw new Refused(e.status(), reason);
        } catch (TransportException e) {
            throw new Refused(e.statusCode(), e.getMessage());
        }
    }
}
