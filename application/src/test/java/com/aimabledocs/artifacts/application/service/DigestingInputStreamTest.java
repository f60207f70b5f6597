package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.sha256Of;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestingInputStreamTest {

    private static final byte[] BYTES = "hello world".getBytes(StandardCharsets.US_ASCII);

    @Test
    void givenBytesReadInAnyWay_digest_coversEachOnce() throws IOException {
        DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(BYTES));

        assertThat(in.read()).isEqualTo('h');
        byte[] buffer = new byte[4];
        assertThat(in.read(buffer, 0, 4)).isEqualTo(4);
        assertThat(in.skip(2)).isEqualTo(2);
        assertThat(in.readAllBytes()).hasSize(4);
        assertThat(in.read()).isEqualTo(-1);

        assertThat(in.count()).isEqualTo(BYTES.length);
        assertThat(in.sha256()).isEqualTo(sha256Of(BYTES));
    }

    @Test
    void givenSkipPastTheEnd_skip_stopsAtTheEnd() throws IOException {
        DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(BYTES));

        assertThat(in.skip(100)).isEqualTo(BYTES.length);
        assertThat(in.sha256()).isEqualTo(sha256Of(BYTES));
    }

    @Test
    void markAndReset_areNotSupported_soNoByteIsHashedTwice() {
        assertThat(new DigestingInputStream(new ByteArrayInputStream(BYTES)).markSupported()).isFalse();
    }
}
