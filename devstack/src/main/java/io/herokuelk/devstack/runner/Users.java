package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Who we run as, and the tool that lets root start a service as an ordinary user. */
final class Users {

    private Users() {}

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static String unshare() throws ServiceStartException {
        return Stream.of("/usr/bin/unshare", "/bin/unshare")
                .filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst()
                .orElseThrow(() -> new ServiceStartException("We run as root and Elasticsearch refuses root, so it is"
                        + " started in a user namespace with `unshare`, which is missing. Install it"
                        + " (`apt-get install util-linux`) or run as an ordinary user."));
    }
}
