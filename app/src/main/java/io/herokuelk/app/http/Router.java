package io.herokuelk.app.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Exact-segment routing: {@code /api/notes/{id}} binds {@code id}. Routes are tried in the order added, so a literal
 * route added first wins over a parameter in the same place. An unknown path is 404; a known path with another
 * method is 405.
 */
public final class Router {

    private record Route(String method, String[] segments, Function<Request, Response> handler) {}

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, Function<Request, Response> handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    public Response handle(Request request) {
        String[] path = split(request.path());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                return route.handler().apply(request.withPathParams(params));
            }
        }
        if (pathKnown) {
            throw new HttpError(405, request.method() + " is not allowed on " + request.path());
        }
        throw new HttpError(404, "no route for " + request.path());
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), path[i]);
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
