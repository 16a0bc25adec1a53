package io.herokuelk.elk.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Elasticsearch side of heroku-elk as plain JSON files under {@code elasticsearch/} on the classpath: component
 * templates, index templates and an ILM policy, each file named after the object it creates. This class only lists
 * and reads them, in the order they must be installed (components before the index templates that compose them).
 */
public final class ElasticsearchAssets {

    /** What an asset is, and where its files live. */
    public enum Kind {
        COMPONENT_TEMPLATE("component_template"),
        INDEX_TEMPLATE("index_template"),
        ILM_POLICY("ilm_policy");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    /** One object to install: its kind, its name in Elasticsearch, and the resource holding its body. */
    public record Asset(Kind kind, String name) {

        public String resource() {
            return "elasticsearch/" + kind.folder() + "/" + name + ".json";
        }

        /** The JSON body, as the file holds it. */
        public byte[] bytes() {
            try (InputStream in = ElasticsearchAssets.class.getClassLoader().getResourceAsStream(resource())) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + resource() + " in the elk jar");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + resource(), e);
            }
        }
    }

    /** The component template that sets {@code index.lifecycle.name}: only for clusters that have ILM. */
    public static final Asset ILM_COMPONENT = new Asset(Kind.COMPONENT_TEMPLATE, "heroku-elk@ilm");

    public static final Asset ILM_POLICY = new Asset(Kind.ILM_POLICY, "heroku-elk-logs");

    private static final List<Asset> COMPONENT_TEMPLATES = List.of(
            new Asset(Kind.COMPONENT_TEMPLATE, "heroku-elk@settings"),
            new Asset(Kind.COMPONENT_TEMPLATE, "heroku-elk@ecs-mappings"),
            new Asset(Kind.COMPONENT_TEMPLATE, "heroku-elk@app-mappings"),
            new Asset(Kind.COMPONENT_TEMPLATE, "heroku-elk@dead-letter-mappings"),
            new Asset(Kind.COMPONENT_TEMPLATE, "heroku-elk@alert-mappings"));

    private static final List<Asset> INDEX_TEMPLATES = List.of(
            new Asset(Kind.INDEX_TEMPLATE, "heroku-elk-logs-heroku"),
            new Asset(Kind.INDEX_TEMPLATE, "heroku-elk-logs-app"),
            new Asset(Kind.INDEX_TEMPLATE, "heroku-elk-logs-dead-letter"),
            new Asset(Kind.INDEX_TEMPLATE, "heroku-elk-logs-alert"));

    private ElasticsearchAssets() {}

    /** The component templates every cluster gets (not {@link #ILM_COMPONENT}). */
    public static List<Asset> componentTemplates() {
        return COMPONENT_TEMPLATES;
    }

    public static List<Asset> indexTemplates() {
        return INDEX_TEMPLATES;
    }

    /** Every asset, in install order: the policy, the components, then the index templates. */
    public static List<Asset> all() {
        return java.util.stream.Stream.of(
                        List.of(ILM_POLICY), COMPONENT_TEMPLATES, List.of(ILM_COMPONENT), INDEX_TEMPLATES)
                .flatMap(List::stream)
                .toList();
    }
}
