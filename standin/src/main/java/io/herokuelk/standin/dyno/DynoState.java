package io.herokuelk.standin.dyno;

/** Heroku's dyno states, as its "State changed from X to Y" lines name them. */
public enum DynoState {
    STARTING,
    UP,
    CRASHED,
    DOWN;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
