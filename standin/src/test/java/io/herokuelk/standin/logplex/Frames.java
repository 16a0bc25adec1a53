package io.herokuelk.standin.logplex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a logplex-1 body strictly by octet count: any byte out of place fails the test. */
final class Frames {

    private Frames() {}

    static List<String> split(byte[] body) {
        List<String> messages = new ArrayList<>();
        int i = 0;
        while (i < body.length) {
            int digits = i;
            while (i < body.length && body[i] >= '0' && body[i] <= '9') {
                i++;
            }
            if (i == digits || i >= body.length || body[i] != ' ') {
                throw new AssertionError("no octet count at byte " + digits + ": "
                        + new String(body, digits, Math.min(40, body.length - digits), StandardCharsets.UTF_8));
            }
            int length = Integer.parseInt(new String(body, digits, i - digits, StandardCharsets.US_ASCII));
            i++;
            if (i + length > body.length) {
                throw new AssertionError(
                        "frame at byte " + digits + " claims " + length + " bytes, " + (body.length - i) + " left");
            }
            messages.add(new String(Arrays.copyOfRange(body, i, i + length), StandardCharsets.UTF_8));
            i += length;
        }
        return messages;
    }
}
