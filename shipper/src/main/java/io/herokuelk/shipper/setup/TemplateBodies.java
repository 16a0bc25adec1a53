package io.herokuelk.shipper.setup;

import io.herokuelk.elk.assets.ElasticsearchAssets.Asset;
import io.herokuelk.elk.assets.ElasticsearchAssets.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an asset file into the body setup sends: the configured retention in place of the file's 30 days, the data
 * stream lifecycle block kept or removed, and {@code _meta.heroku_elk_hash}, a digest of the rest, by which a later
 * run sees that the cluster already holds this exact body.
 */
final class TemplateBodies {

    static final String HASH_KEY = "heroku_elk_hash";

    private final JsonMapper json = JsonMapper.builder().build();
    private final int retentionDays;

    TemplateBodies(int retentionDays) {
        this.retentionDays = retentionDays;
    }

    /** The body to PUT, and its digest. */
    record Body(String json, String hash) {}

    Body body(Asset asset, Retention retention) {
        ObjectNode root = (ObjectNode) json.readTree(asset.bytes());
        String retained = retentionDays + "d";
        if (asset.kind() == Kind.INDEX_TEMPLATE) {
            ObjectNode template = (ObjectNode) root.get("template");
            if (retention == Retention.DATA_STREAM_LIFECYCLE) {
                ((ObjectNode) template.get("lifecycle")).put("data_retention", retained);
            } else {
                template.remove("lifecycle");
            }
        }
        if (asset.kind() == Kind.ILM_POLICY) {
            ((ObjectNode) root.at("/policy/phases/delete")).put("min_age", retained);
        }
        String hash = digest(json.writeValueAsString(root));
        metaOf(asset, root).put(HASH_KEY, hash);
        return new Body(json.writeValueAsString(root), hash);
    }

    /** ILM policies keep {@code _meta} inside {@code policy}; templates at the top. */
    private static ObjectNode metaOf(Asset asset, ObjectNode root) {
        ObjectNode holder = asset.kind() == Kind.ILM_POLICY ? (ObjectNode) root.get("policy") : root;
        JsonNode meta = holder.get("_meta");
        return meta instanceof ObjectNode object ? object : holder.putObject("_meta");
    }

    private static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
