package io.herokuelk.app.api;

import io.herokuelk.app.http.HttpError;
import io.herokuelk.app.http.Json;
import io.herokuelk.app.http.Request;
import io.herokuelk.app.http.Response;
import io.herokuelk.app.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/notes}: create, list, read, delete and search short notes, and {@code /api/text/stats}: statistics of
 * a text. Both use the lazily built {@link TextAnalyzer}.
 */
public final class NotesApi {

    private static final int MAX_LIST = 100;
    private static final int TOP_TERMS = 10;

    private final NotesService notes;
    private final Supplier<TextAnalyzer> analyzer;
    private final int maxBodyBytes;

    public NotesApi(NotesService notes, Supplier<TextAnalyzer> analyzer, int maxBodyBytes) {
        this.notes = notes;
        this.analyzer = analyzer;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void routes(Router router) {
        router.add("GET", "/api/notes", this::list)
                .add("POST", "/api/notes", this::create)
                .add("GET", "/api/notes/search", this::search)
                .add("GET", "/api/notes/{id}", this::read)
                .add("DELETE", "/api/notes/{id}", this::delete)
                .add("POST", "/api/text/stats", this::stats);
    }

    Response list(Request request) {
        int limit = request.intQuery("limit", 20, 1, MAX_LIST);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notes", notes.newest(limit));
        body.put("total", notes.size());
        body.put("max", notes.maxCount());
        return Response.ok(body);
    }

    Response create(Request request) {
        String text = textField(request);
        try {
            Note note = notes.create(text);
            return Response.json(201, note).withHeader("Location", "/api/notes/" + note.id());
        } catch (NotesService.StoreFullException e) {
            return Response.error(507, e.getMessage());
        }
    }

    Response read(Request request) {
        return notes.get(id(request)).map(Response::ok).orElseThrow(() -> HttpError.notFound("note"));
    }

    Response delete(Request request) {
        if (!notes.delete(id(request))) {
            throw HttpError.notFound("note");
        }
        return Response.noContent();
    }

    Response search(Request request) {
        String query =
                request.query("q").filter(q -> !q.isBlank()).orElseThrow(() -> HttpError.badRequest("q is required"));
        if (query.length() > 512) {
            throw HttpError.badRequest("q is longer than 512 characters");
        }
        int limit = request.intQuery("limit", 20, 1, MAX_LIST);
        List<String> terms = analyzer.get().terms(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("terms", terms);
        body.put("hits", notes.search(terms, limit));
        return Response.ok(body);
    }

    Response stats(Request request) {
        return Response.ok(analyzer.get().stats(textField(request), TOP_TERMS));
    }

    /** The body must be {@code {"text": "..."}} with non-blank text. */
    private String textField(Request request) {
        byte[] body = request.body(maxBodyBytes);
        JsonNode text = Json.read(body).get("text");
        if (text == null || !text.isString() || text.asString().isBlank()) {
            throw HttpError.badRequest("body must be a JSON object with a non-blank \"text\" string");
        }
        return text.asString();
    }

    private static long id(Request request) {
        try {
            return Long.parseLong(request.pathParam("id"));
        } catch (NumberFormatException e) {
            throw HttpError.notFound("note");
        }
    }
}
