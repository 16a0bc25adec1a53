package io.herokuelk.shipper.ingest.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** A syslog drain sender for tests: octet-counted frames over a real socket, plain or TLS. */
final class SyslogClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    private SyslogClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    static SyslogClient tcp(int port) throws IOException {
        return new SyslogClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Connects over TLS checking the server's certificate and host name (localhost) against {@code trust}. */
    static SyslogClient tls(int port, SSLContext trust) throws IOException {
        SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket("localhost", port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return new SyslogClient(socket);
    }

    /** {@code <LEN> SP <MSG>} with LEN the UTF-8 byte count of MSG. */
    static byte[] frame(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (bytes.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + bytes.length];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(bytes, 0, frame, prefix.length, bytes.length);
        return frame;
    }

    /** A syslog drain message as Heroku writes it: the drain token in HOSTNAME, MSGID and SD both nil. */
    static String message(String token, String dyno, String text) {
        return "<190>1 2026-11-26T10:00:00.123456+00:00 " + token + " app " + dyno + " - - " + text + "\n";
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends every write at once rather than coalescing small ones, so that the server sees them as separate reads. */
    void socketNoDelay() throws IOException {
        socket.setTcpNoDelay(true);
    }

    /** The negotiated TLS protocol. */
    String protocol() {
        return ((SSLSocket) socket).getSession().getProtocol();
    }

    /** Ends the stream the way a sender does, so that the server sees end of input. */
    void finish() throws IOException {
        socket.shutdownOutput();
    }

    /** Blocks until the server closes its side; returns what {@code read()} gave (-1 at end of stream). */
    int awaitClosedByServer(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        return socket.getInputStream().read();
    }

    /** Reads and discards until the server closes (end of stream or reset); false if it stays open. */
    boolean drainUntilClosed(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        try {
            while (socket.getInputStream().read() >= 0) {
                // a TLS alert, for example
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException closedOrReset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
