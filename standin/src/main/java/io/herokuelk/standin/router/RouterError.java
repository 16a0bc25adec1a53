package io.herokuelk.standin.router;

/** The router's H codes this stand-in produces, with Heroku's descriptions. */
enum RouterError {
    H10("App crashed", "error"),
    H12("Request timeout", "error"),
    H13("Connection closed without response", "error"),
    H19("Backend connection timeout", "error"),
    H21("Backend connection refused", "error"),
    /** The client went away; Heroku logs it at info, as the app did nothing wrong. */
    H27("Client Request Interrupted", "info");

    final String description;
    final String level;

    RouterError(String description, String level) {
        this.description = description;
        this.level = level;
    }
}
