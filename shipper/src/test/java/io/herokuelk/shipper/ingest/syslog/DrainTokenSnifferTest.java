package io.herokuelk.shipper.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DrainTokenSnifferTest {

    private static final String FRAME = "98 <190>1 2026-11-26T10:00:00.123456+00:00"
            + " d.1b2c3d4e-0000-4000-8000-000000000001 app web.2 - - Started\n";

    @Test
    void theHostnameOfTheFirstHeaderIsTheDrainToken() {
        DrainTokenSniffer sniffer = new DrainTokenSniffer();

        assertThat(sniffer.offer(bytes(FRAME), 0, FRAME.length())).isTrue();

        assertThat(sniffer.token()).isEqualTo("d.1b2c3d4e-0000-4000-8000-000000000001");
        assertThat(new String(sniffer.held(), StandardCharsets.UTF_8)).isEqualTo(FRAME);
    }

    @Test
    void aHeaderArrivingByteByByteIsHeldUntilTheHostnameEnds() {
        DrainTokenSniffer sniffer = new DrainTokenSniffer();
        byte[] frame = bytes(FRAME);
        int end = FRAME.indexOf(" app ");
        for (int i = 0; i < end; i++) {
            assertThat(sniffer.offer(frame, i, 1)).as("after %d bytes", i + 1).isFalse();
        }

        assertThat(sniffer.offer(frame, end, 1)).isTrue();

        assertThat(sniffer.token()).isEqualTo("d.1b2c3d4e-0000-4000-8000-000000000001");
        assertThat(sniffer.held()).hasSize(end + 1);
    }

    @Test
    void bytesThatAreNoHeaderDecideWithoutAToken() {
        DrainTokenSniffer sniffer = new DrainTokenSniffer();
        String garbage = "12 <abc> nonsense\n";

        assertThat(sniffer.offer(bytes(garbage), 0, garbage.length())).isTrue();

        assertThat(sniffer.token()).isNull();
        assertThat(sniffer.held()).hasSize(garbage.length());
    }

    @Test
    void aNilHostnameIsNoToken() {
        DrainTokenSniffer sniffer = new DrainTokenSniffer();
        String frame = "40 <190>1 2026-11-26T10:00:00+00:00 - app web.1 - - x\n";

        assertThat(sniffer.offer(bytes(frame), 0, frame.length())).isTrue();

        assertThat(sniffer.token()).isNull();
    }

    @Test
    void noHeaderWithinTheLimitDecidesWithoutAToken() {
        DrainTokenSniffer sniffer = new DrainTokenSniffer();
        byte[] noSpaces = new byte[DrainTokenSniffer.LIMIT];
        Arrays.fill(noSpaces, (byte) 'x');
        noSpaces[0] = '<';
        noSpaces[1] = '1';
        noSpaces[2] = '>';

        assertThat(sniffer.offer(noSpaces, 0, noSpaces.length - 1)).isFalse();
        assertThat(sniffer.offer(noSpaces, noSpaces.length - 1, 1)).isTrue();

        assertThat(sniffer.token()).isNull();
        assertThat(sniffer.held()).hasSize(DrainTokenSniffer.LIMIT);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
