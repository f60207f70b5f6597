package com.aimabledocs.artifacts.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TikaMediaTypeDetectorTest {

    /** The PNG signature followed by the start of an IHDR chunk. */
    private static final byte[] PNG_HEADER = HexFormat.of().parseHex(
            "89504e470d0a1a0a" + "0000000d49484452" + "0000000100000001" + "0806000000");

    @Test
    void givenPdfMagic_detect_returnsApplicationPdf() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(detect(pdf, "report")).isEqualTo(new MediaType("application/pdf"));
    }

    @Test
    void givenPngHeader_detect_returnsImagePng() {
        assertThat(detect(PNG_HEADER, "picture")).isEqualTo(new MediaType("image/png"));
    }

    @Test
    void givenPngHeaderAndMisleadingExtension_detect_trustsTheBytes() {
        assertThat(detect(PNG_HEADER, "picture.txt")).isEqualTo(new MediaType("image/png"));
    }

    @Test
    void givenPlainTextNamedNotesTxt_detect_returnsTextPlain() {
        byte[] text = "Meeting notes\n- ship the worker\n- write the tests\n".getBytes(StandardCharsets.UTF_8);

        assertThat(detect(text, "notes.txt")).isEqualTo(new MediaType("text/plain"));
    }

    @Test
    void givenRandomBytesAndNoHint_detect_returnsOctetStream() {
        assertThat(detect(randomBytes(4096), "blob")).isEqualTo(MediaType.OCTET_STREAM);
    }

    @Test
    void givenContentLargerThanTheDetectionHead_detect_resetsTheStream() throws IOException {
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] content = randomBytes(200 * 1024);
        System.arraycopy(head, 0, content, 0, head.length);
        // Wrapped as ProcessGenerationRequestService wraps the staged object's stream.
        InputStream stream = new BufferedInputStream(new ByteArrayInputStream(content), 64 * 1024);

        MediaType detected = new TikaMediaTypeDetector().detect(stream, new ArtifactName("report"));

        assertThat(detected).isEqualTo(new MediaType("application/pdf"));
        assertThat(stream.readAllBytes()).as("bytes read after detection").isEqualTo(content);
    }

    private static MediaType detect(byte[] content, String name) {
        return new TikaMediaTypeDetector().detect(new BufferedInputStream(new ByteArrayInputStream(content)), new ArtifactName(name));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(20261127L).nextBytes(bytes);
        return bytes;
    }

    @Test
    void contradicts_refusesDifferentKindsOnly() {
        TikaMediaTypeDetector detector = new TikaMediaTypeDetector();

        assertThat(detector.contradicts(new MediaType("application/pdf"), new MediaType("image/png"))).isTrue();
        assertThat(detector.contradicts(new MediaType("text/plain"), new MediaType("application/pdf"))).isTrue();
        assertThat(detector.contradicts(new MediaType("image/png"), new MediaType("text/plain"))).isTrue();
        assertThat(detector.contradicts(new MediaType("application/pdf"), new MediaType("application/pdf"))).isFalse();
        assertThat(detector.contradicts(new MediaType("text/csv"), new MediaType("text/plain"))).isFalse();
        assertThat(detector.contradicts(new MediaType("application/json"), new MediaType("text/plain"))).isFalse();
        assertThat(detector.contradicts(new MediaType("text/csv"), new MediaType("text/x-web-markdown"))).isFalse();
        assertThat(detector.contradicts(new MediaType("image/png"), MediaType.OCTET_STREAM)).isFalse();
        assertThat(detector.contradicts(new MediaType("application/xml"), new MediaType("application/xhtml+xml"))).isFalse();
    }
}
