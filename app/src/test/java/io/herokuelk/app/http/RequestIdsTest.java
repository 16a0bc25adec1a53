package io.herokuelk.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void herokusIdIsKept() {
        assertThat(RequestIds.fromHeader("6f1c2b9e-1d7a-4a51-9d42-0c8f5e2b7a10"))
                .isEqualTo("6f1c2b9e-1d7a-4a51-9d42-0c8f5e2b7a10");
    }

    @Test
    void aMissingEmptyOverlongOrOddIdIsReplacedByAUuid() {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        assertThat(RequestIds.fromHeader(null)).matches(uuid);
        assertThat(RequestIds.fromHeader("")).matches(uuid);
        assertThat(RequestIds.fromHeader("x".repeat(201))).matches(uuid);
        assertThat(RequestIds.fromHeader("has space")).matches(uuid);
    }

    @Test
    void jsonSpecialCharactersAreKeptBecauseTheEncoderEscapesThem() {
        assertThat(RequestIds.fromHeader("\"},{\"injected\":1")).isEqualTo("\"},{\"injected\":1");
    }
}
