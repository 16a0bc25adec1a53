package io.herokuelk.standin.router;

/**
 * What the router knows about a request before any dyno sees it: the request half of its log line.
 *
 * @param method    the HTTP method
 * @param path      path and query as the client sent them
 * @param host      the Host header without a port ({@code host=} in router lines)
 * @param requestId {@code X-Request-ID}, the client's when valid, else a new one
 * @param fwd       {@code X-Forwarded-For} as the dyno gets it: any incoming list, then the client's address
 * @param protocol  {@code http}, the scheme the client used
 */
record RequestFacts(String method, String path, String host, String requestId, String fwd, String protocol) {}
