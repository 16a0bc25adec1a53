package io.herokuelk.app.http;

/** A request that cannot be served as asked; the message is sent to the client, so it must hold no secrets. */
public final class HttpError extends RuntimeException {

    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpError notFound(String what) {
        return new HttpError(404, what + " not found");
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }
}
