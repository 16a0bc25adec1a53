package io.herokuelk.devstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The local stack's drain credentials: {@code DRAIN_CREDENTIALS} when set, else a random password made once and
 * kept in {@code <stack dir>/drain-credentials} (readable by the owner only), so that drains need credentials
 * locally too and the password never appears in output or logs.
 */
public final class DrainCredentials {

    public static final String FILE = "drain-credentials";
    public static final String VARIABLE = "DRAIN_CREDENTIALS";

    private DrainCredentials() {}

    public static String resolve(Map<String, String> environment, Path directory) throws IOException {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        Path file = directory.resolve(FILE);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String credentials = "local:" + HexFormat.of().formatHex(random);
        Files.createDirectories(directory);
        Files.writeString(file, credentials + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return credentials;
    }

    /** How a shell names the credentials, never their value: the variable, or the file they were made in. */
    public static String inShell(Map<String, String> environment, Path directory) {
        String configured = environment.get(VARIABLE);
        return configured != null && !configured.isBlank() ? "$" + VARIABLE : "$(cat " + directory.resolve(FILE) + ")";
    }
}
