package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports: free ones for tests, and a clear answer when a fixed one is taken. */
public final class Ports {

    private Ports() {}

    /**
     * A port that was free a moment ago. Another process may take it before we bind it, so callers retry their
     * start on a bind failure.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with an actionable message when a fixed port is already in use. */
    public static void requireFree(int port, String service, String variable) throws ServiceStartException {
        if (port != 0 && !isFree(port)) {
            throw new ServiceStartException("Port " + port + " on 127.0.0.1 is taken, so " + service
                    + " cannot listen on it. Stop whatever holds it (`ss -ltnp 'sport = :" + port + "'` shows it)"
                    + " or choose another port with " + variable + "=<port>.");
        }
    }
}
