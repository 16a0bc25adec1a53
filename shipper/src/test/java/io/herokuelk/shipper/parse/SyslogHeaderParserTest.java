package io.herokuelk.shipper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyslogHeaderParserTest {

    private static SyslogHeader parse(String s) throws SyslogHeaderParser.HeaderException {
        byte[] a = s.getBytes(StandardCharsets.UTF_8);
        return SyslogHeaderParser.parse(a, 0, a.length);
    }

    private static String text(String s) throws SyslogHeaderParser.HeaderException {
        return s.substring(parse(s).textOffset());
    }

    @Test
    void readsTheHttpsLayout() throws Exception {
        SyslogHeader h = parse("<190>1 2026-11-26T10:00:00.123456+00:00 host app web.1 - State changed");
        assertThat(h.priority()).isEqualTo(190);
        assertThat(h.facility()).isEqualTo(23);
        assertThat(h.severity()).isEqualTo(6);
        assertThat(h.timestamp()).isEqualTo("2026-11-26T10:00:00.123456Z");
        assertThat(h.hostname()).isEqualTo("host");
        assertThat(h.appName()).isEqualTo("app");
        assertThat(h.procId()).isEqualTo("web.1");
        assertThat(h.msgId()).isNull();
        assertThat(Origin.of(h)).isEqualTo(new Origin("app", "web.1", "web", null));
    }

    @Test
    void readsTheOlderLayoutWithTheDynoInAppNameAndTheTokenInProcId() throws Exception {
        SyslogHeader h = parse("<45>1 2026-11-26T10:04:02+00:00 heroku web.1 d.1b2c3d4e-0000-4000-8000-000000000001 - "
                + "Error R14 (Memory quota exceeded)");
        assertThat(Origin.of(h))
                .isEqualTo(new Origin("heroku", "web.1", "web", "d.1b2c3d4e-0000-4000-8000-000000000001"));
    }

    @Test
    void readsTheSyslogDrainLayoutAndSkipsMsgIdAndStructuredData() throws Exception {
        String line = "<190>1 2026-11-26T10:00:00.123456+00:00 d.1b2c3d4e-0000-4000-8000-000000000001 app web.2 - - "
                + "Started GET \"/\"";
        assertThat(Origin.of(parse(line)))
                .isEqualTo(new Origin("app", "web.2", "web", "d.1b2c3d4e-0000-4000-8000-000000000001"));
        assertThat(text(line)).isEqualTo("Started GET \"/\"");
        assertThat(text("<190>1 2026-11-26T10:00:00Z d.x app web.2 - [id@1 a=\"x]y\" b=\"2\"][other] text"))
                .isEqualTo("text");
    }

    @Test
    void keepsTheTextWholeInTheHttpsLayout() throws Exception {
        assertThat(text("<190>1 2026-11-26T10:00:00Z host app web.1 - - a dash"))
                .isEqualTo("- a dash");
        assertThat(text("<190>1 2026-11-26T10:00:00Z host app web.1 - [INFO] started"))
                .isEqualTo("[INFO] started");
        assertThat(text("<190>1 2026-11-26T10:00:00Z host app web.1 -  two spaces"))
                .isEqualTo(" two spaces");
        assertThat(text("<190>1 2026-11-26T10:00:00Z host app web.1")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-26T10:00:00+00:00, 2026-11-26T10:00:00Z",
        "2026-11-26T10:00:00.123+00:00, 2026-11-26T10:00:00.123Z",
        "2026-11-26T10:00:00.123456+00:00, 2026-11-26T10:00:00.123456Z",
        "2026-11-26T10:00:00.123456Z, 2026-11-26T10:00:00.123456Z",
        "2026-11-26T01:30:00.5+02:00, 2026-11-25T23:30:00.5Z",
        "2026-12-31T20:00:00-05:00, 2027-01-01T01:00:00Z",
        "2028-02-28T23:59:60+00:00, 2028-02-29T00:00:00Z",
    })
    void rewritesTimestampsInUtcKeepingTheirPrecision(String in, String utc) throws Exception {
        assertThat(parse("<190>1 " + in + " host app web.1 - x").timestamp()).isEqualTo(utc);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hello | message does not start with <PRI>",
                "<1900>1 2026-11-26T10:00:00Z host app web.1 - x | priority is not a number of at most 3 digits followed by '>'",
                "<192>1 2026-11-26T10:00:00Z host app web.1 - x | priority 192 is above 191",
                "<13>Nov 26 10:00:00 host app: x | syslog version is not 1 (not an RFC 5424 message)",
                "<190>1 2026-02-30T10:00:00Z host app web.1 - x | timestamp is not RFC 3339: 2026-02-30T10:00:00Z",
                "<190>1 2026-11-26T10:00:00 host app web.1 - x | timestamp is not RFC 3339: 2026-11-26T10:00:00",
                "<190>1 2026-11-26T10:00:00Z host app | header ends before PROCID",
            })
    void namesWhatIsWrongWithABadHeader(String line, String reason) {
        assertThatThrownBy(() -> parse(line)).hasMessage(reason);
    }

    @Test
    void acceptsTheNilTimestamp() throws Exception {
        assertThat(parse("<190>1 - host app web.1 - x").timestamp()).isNull();
    }
}
