package io.herokuelk.shipper.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code -----BEGIN label-----} ... {@code -----END label-----} block of PEM text, as found in a variable
 * holding keys or certificates.
 *
 * @param label {@code CERTIFICATE}, {@code PRIVATE KEY}, {@code RSA PRIVATE KEY}, ...
 * @param body  the base64 between the lines, as written
 */
public record PemBlock(String label, String body) {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    /** Every block of the text, in order; none when it holds no PEM. */
    public static List<PemBlock> all(String pem) {
        List<PemBlock> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            blocks.add(new PemBlock(matcher.group(1), matcher.group(2)));
        }
        return blocks;
    }

    /**
     * The block's bytes. Tolerates line breaks written as the two characters {@code \n} (a pasted variable).
     *
     * @throws IllegalArgumentException when the body is not base64
     */
    public byte[] der() {
        String base64 = body.replace("\\n", "").replace("\\r", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
