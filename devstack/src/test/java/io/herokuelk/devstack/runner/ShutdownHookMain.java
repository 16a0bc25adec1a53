package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A service that writes a file when it stops cleanly (its shutdown hook runs), and otherwise waits. */
public final class ShutdownHookMain {

    private ShutdownHookMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path marker = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(marker, "stopped cleanly");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        Thread.sleep(Long.MAX_VALUE);
    }
}
