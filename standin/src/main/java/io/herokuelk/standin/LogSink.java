package io.herokuelk.standin;

/** Where the stand-in's parts send their log lines (Logplex, in the end). Safe to call from any thread. */
@FunctionalInterface
public interface LogSink {

    void accept(LogLine line);
}
