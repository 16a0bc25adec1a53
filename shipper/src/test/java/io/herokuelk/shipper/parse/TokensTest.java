package io.herokuelk.shipper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final byte[] LINE =
            "router protocol web.1 a-token-longer-than-thirty-two-bytes é".getBytes(StandardCharsets.UTF_8);

    @Test
    void twoTokensOfEveryLineWhoseHashesCollideAreBothRemembered() {
        String router = Tokens.ascii(LINE, 0, 6);
        String protocol = Tokens.ascii(LINE, 7, 15);
        for (int line = 0; line < 3; line++) {
            assertThat(Tokens.ascii(LINE, 0, 6)).isEqualTo("router").isSameAs(router);
            assertThat(Tokens.ascii(LINE, 7, 15)).isEqualTo("protocol").isSameAs(protocol);
        }
    }

    @Test
    void longAndNonAsciiTokensAreReadButNotRemembered() {
        String web = Tokens.ascii(LINE, 16, 21);
        assertThat(Tokens.ascii(LINE, 16, 21)).isEqualTo("web.1").isSameAs(web);
        String long1 = Tokens.ascii(LINE, 22, 58);
        assertThat(long1).isEqualTo("a-token-longer-than-thirty-two-bytes");
        assertThat(Tokens.ascii(LINE, 22, 58)).isEqualTo(long1).isNotSameAs(long1);
        String accent = Tokens.ascii(LINE, 59, LINE.length);
        assertThat(accent).isEqualTo("é");
        assertThat(Tokens.ascii(LINE, 59, LINE.length)).isNotSameAs(accent);
    }
}
