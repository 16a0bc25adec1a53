package io.herokuelk.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router()
            .add("GET", "/api/notes/search", r -> Response.ok(Map.of("route", "search")))
            .add("GET", "/api/notes/{id}", r -> Response.ok(Map.of("id", r.pathParam("id"))))
            .add("DELETE", "/api/notes/{id}", r -> Response.noContent());

    @Test
    void literalRoutesAddedFirstWinOverParameters() {
        assertThat(body(router.handle(request("GET", "/api/notes/search")))).isEqualTo("{\"route\":\"search\"}");
        assertThat(body(router.handle(request("GET", "/api/notes/7")))).isEqualTo("{\"id\":\"7\"}");
    }

    @Test
    void aTrailingSlashIsTheSamePath() {
        assertThat(body(router.handle(request("GET", "/api/notes/7/")))).isEqualTo("{\"id\":\"7\"}");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertThatThrownBy(() -> router.handle(request("GET", "/api/other")))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> router.handle(request("PUT", "/api/notes/7")))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.status()).isEqualTo(405));
    }

    @Test
    void aBodyPastTheLimitIs413() {
        Request r = new Request("POST", "/", null, Map.of(), name -> null, new ByteArrayInputStream(new byte[11]));
        assertThatThrownBy(() -> r.body(10))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void queryParametersAreDecoded() {
        Request r = new Request(
                "GET",
                "/",
                "q=quick+brown%20fox&limit=5",
                Map.of(),
                name -> null,
                new ByteArrayInputStream(new byte[0]));
        assertThat(r.query("q")).hasValue("quick brown fox");
        assertThat(r.intQuery("limit", 20, 1, 100)).isEqualTo(5);
        assertThatThrownBy(() -> r.intQuery("limit", 20, 10, 100)).isInstanceOf(HttpError.class);
    }

    static Request request(String method, String path) {
        return new Request(method, path, null, Map.of(), name -> null, new ByteArrayInputStream(new byte[0]));
    }

    static String body(Response response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
