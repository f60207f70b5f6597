package com.aimabledocs.artifacts.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key fingerprints of three requests, as computed by the JSON reader today. Reservations and
 * records already stored hold such values: whatever computes the fingerprint must keep giving these.
 */
class RequestFingerprintPinTest {

    static final String SIMPLE = "d47f9063429d08f721c68237d91444231aef6226ea008f423cabcb15ebb474f3";
    static final String RICH = "989e9510f7a20c78078da1a50b17626010f645379c08fc5c0c74b480bc797cb5";
    static final String EMPTY = "3f5b8055287cfcb04f55600667837933c660db0a20425de31c08f0250b339369";

    @Test
    void fingerprints_areThoseOfStoredRecords() throws IOException {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        assertThat(fingerprint("notes.txt", "text", List.of("thread-42"), null, Map.of(),
                "hello world".getBytes(StandardCharsets.US_ASCII))).isEqualTo(SIMPLE);
        assertThat(fingerprint("Équipe “docs” \"q\" \\ / \uD83D\uDE00 \u2028 \uD800 end", "document",
                List.of("b", "a", "b"), "text/plain",
                Map.of("z", "1", "a", "tab\t nl\n cr\r bs\b ff\f \u0001 \u001f \u007f \u0080 \uDC00 \uD83D\uDE00 é \"\\/"),
                everyByte)).isEqualTo(RICH);
        assertThat(fingerprint("e", "other", List.of(), "application/octet-stream", Map.of("k", ""), new byte[0]))
                .isEqualTo(EMPTY);
    }

    private static String fingerprint(String name, String type, List<String> threadIds, String mediaType,
                                      Map<String, String> metadata, byte[] content) throws IOException {
        Path file = Files.createTempFile("fingerprint-", ".bin");
        Files.write(file, content);
        try (var parsed = GenerateRequestReader.validated(name, type, new ArrayList<>(threadIds), mediaType, metadata,
                null, new ArrayList<>(), file, content.length, null)) {
            return parsed.fingerprint(new ObjectMapper());
        }
    }
}
