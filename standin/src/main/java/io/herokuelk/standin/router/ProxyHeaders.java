package io.herokuelk.standin.router;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which headers cross the router, and the values it derives from them. */
final class ProxyHeaders {

    /** RFC 9110 hop-by-hop headers: they describe one connection, not the message. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");
    /** Set by the router itself, or by the HTTP client and server from the body. */
    private static final Set<String> REQUEST_OWN = Set.of(
            "host",
            "content-length",
            "expect",
            "x-request-id",
            "x-forwarded-for",
            "x-forwarded-proto",
            "x-forwarded-port",
            "x-request-start",
            "via");

    private static final Set<String> RESPONSE_OWN = Set.of("content-length", "date");

    private ProxyHeaders() {}

    /** The header names a {@code Connection} header lists, which are hop-by-hop too. */
    static Set<String> connectionTokens(List<String> connectionValues) {
        Set<String> tokens = new HashSet<>();
        if (connectionValues != null) {
            for (String value : connectionValues) {
                for (String token : value.split(",")) {
                    tokens.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    static boolean forwardsRequestHeader(String name, Set<String> connectionTokens) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !REQUEST_OWN.contains(n) && !connectionTokens.contains(n);
    }

    static boolean forwardsResponseHeader(String name, Set<String> connectionTokens) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !RESPONSE_OWN.contains(n) && !connectionTokens.contains(n);
    }

    /** The Host header without its port, as router lines show it; nothing that would break the line. */
    static String hostForLine(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String h = hostHeader.strip();
        int end;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            end = close < 0 ? h.length() : close + 1;
        } else {
            int colon = h.indexOf(':');
            end = colon < 0 ? h.length() : colon;
        }
        return h.substring(0, end).replaceAll("[\\s\"]", "");
    }

    /** Heroku appends the connecting client's address to any list the request brought. */
    static String forwardedFor(List<String> incoming, String clientIp) {
        if (incoming == null || incoming.isEmpty()) {
            return clientIp;
        }
        return String.join(", ", incoming) + ", " + clientIp;
    }
}
