package io.herokuelk.shipper.setup.kibana;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates the KQL the saved objects hold into the Elasticsearch query Kibana builds from it, for the subset the
 * generator writes: {@code f : *}, {@code f : "v"}, {@code f : ("a" or "b")}, {@code and}, {@code or}, parentheses.
 * Anything else fails, so a panel with KQL outside the subset cannot pass unchecked. Also lists the fields read.
 */
final class Kql {

    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|:|\\*|\"[^\"]*\"|and\\b|or\\b|[\\w.@]+)");

    private final List<String> tokens = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private int at;

    private Kql(String text) {
        Matcher matcher = TOKEN.matcher(text);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            tokens.add(matcher.group(1));
            end = matcher.end();
        }
        if (!text.substring(end).isBlank()) {
            throw new IllegalArgumentException(
                    "KQL outside the checked subset at '" + text.substring(end) + "': " + text);
        }
    }

    /** The query; {@code match_all} for empty text. */
    static ObjectNode query(String text) {
        if (text == null || text.isBlank()) {
            ObjectNode all = Exported.JSON.createObjectNode();
            all.putObject("match_all");
            return all;
        }
        Kql kql = new Kql(text);
        ObjectNode query = kql.or();
        if (kql.at != kql.tokens.size()) {
            throw new IllegalArgumentException("Unexpected '" + kql.tokens.get(kql.at) + "' in " + text);
        }
        return query;
    }

    static List<String> fields(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Kql kql = new Kql(text);
        kql.or();
        return kql.fields;
    }

    private ObjectNode or() {
        List<ObjectNode> parts = new ArrayList<>(List.of(and()));
        while (peek("or")) {
            at++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : bool("should", parts, true);
    }

    private ObjectNode and() {
        List<ObjectNode> parts = new ArrayList<>(List.of(primary()));
        while (peek("and")) {
            at++;
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.getFirst() : bool("filter", parts, false);
    }

    private ObjectNode primary() {
        if (peek("(")) {
            at++;
            ObjectNode inner = or();
            expect(")");
            return inner;
        }
        String field = next();
        fields.add(field);
        expect(":");
        ObjectNode query = Exported.JSON.createObjectNode();
        if (peek("*")) {
            at++;
            query.putObject("exists").put("field", field);
            return query;
        }
        List<String> values = new ArrayList<>();
        if (peek("(")) {
            at++;
            values.add(string());
            while (peek("or")) {
                at++;
                values.add(string());
            }
            expect(")");
        } else {
            values.add(string());
        }
        ArrayNode terms = query.putObject("terms").putArray(field);
        values.forEach(terms::add);
        return query;
    }

    private String string() {
        String token = next();
        if (!token.startsWith("\"")) {
            throw new IllegalArgumentException("Expected a quoted value, got " + token);
        }
        return token.substring(1, token.length() - 1);
    }

    private static ObjectNode bool(String occur, List<ObjectNode> parts, boolean minimumOne) {
        ObjectNode query = Exported.JSON.createObjectNode();
        ObjectNode bool = query.putObject("bool");
        ArrayNode clauses = bool.putArray(occur);
        parts.forEach(clauses::add);
        if (minimumOne) {
            bool.put("minimum_should_match", 1);
        }
        return query;
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("KQL ends too early: " + tokens);
        }
        return tokens.get(at++);
    }

    private void expect(String token) {
        String got = next();
        if (!got.equals(token)) {
            throw new IllegalArgumentException("Expected " + token + ", got " + got + " in " + tokens);
        }
    }
}
