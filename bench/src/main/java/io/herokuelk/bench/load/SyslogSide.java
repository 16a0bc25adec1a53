package io.herokuelk.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;

/**
 * A syslog TCP listener (the shipper's or rsyslog's) fed octet-counted frames over one connection as fast as the
 * socket takes them, a probe after every {@link ProbeLines#EVERY} lines.
 */
record SyslogSide(String name, int port, long pid, String topic, byte[] frames, int[] frameStarts)
        implements DrainSide {

    /** {@code frames} holds whole octet-counted frames, a multiple of {@link ProbeLines#EVERY} of them. */
    static SyslogSide of(String name, int port, long pid, String topic, byte[] frames) {
        return new SyslogSide(name, port, pid, topic, frames, LoadMix.frameStarts(frames));
    }

    @Override
    public double send(int messages) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        int distinct = frameStarts.length - 1;
        try (Socket socket = new Socket("127.0.0.1", port);
                OutputStream out = socket.getOutputStream()) {
            int line = 0;
            for (int probe = 0; probe < ProbeLines.count(messages); probe++) {
                write(out, line % distinct, ProbeLines.EVERY);
                out.write(ProbeLines.frame(probe));
                line += ProbeLines.EVERY;
            }
            write(out, line % distinct, messages - line);
            out.flush();
            // Closing at once is fine: TCP delivers what was written before the FIN.
        } catch (IOException e) {
            throw new IllegalStateException("sending to port " + port + " failed", e);
        }
        return (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    }

    /** Writes {@code count} frames from frame {@code first} on, wrapping around to the first frame. */
    private void write(OutputStream out, int first, int count) throws IOException {
        int distinct = frameStarts.length - 1;
        while (count > 0) {
            int take = Math.min(count, distinct - first);
            out.write(frames, frameStarts[first], frameStarts[first + take] - frameStarts[first]);
            count -= take;
            first = 0;
        }
    }
}
