package io.herokuelk.shipper.alert.rules;

/** What one alert is about: an app, and a dyno unless the condition is app-wide (dyno null). */
record Group(String app, String dyno) {

    String describe() {
        return dyno == null ? app : dyno + " of " + app;
    }
}
