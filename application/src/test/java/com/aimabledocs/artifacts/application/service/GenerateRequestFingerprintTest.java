package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.aGenerateCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommand;
import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GenerateRequestFingerprintTest {

    /**
     * Computed by the REST adapter's JSON reader (Jackson over the canonical map) before the fingerprint moved
     * here: stored reservations and records hold such values, so they must never change.
     */
    static final String SIMPLE = "d47f9063429d08f721c68237d91444231aef6226ea008f423cabcb15ebb474f3";
    static final String RICH = "989e9510f7a20c78078da1a50b17626010f645379c08fc5c0c74b480bc797cb5";
    static final String EMPTY = "3f5b8055287cfcb04f55600667837933c660db0a20425de31c08f0250b339369";

    @Test
    void fingerprints_areThoseOfStoredRecords() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        assertThat(fingerprint(aGenerateCommand().named("notes.txt").ofType(DocumentType.TEXT).inThreads("thread-42")
                .withContent("hello world"))).isEqualTo(SIMPLE);
        assertThat(fingerprint(aGenerateCommand().named("Équipe “docs” \"q\" \\ / \uD83D\uDE00 \u2028 \uD800 end")
                .ofType(DocumentType.DOCUMENT).inThreads("b", "a", "b").withMediaType("text/plain")
                .withMetadata(new ArtifactMetadata(Map.of("z", "1", "a",
                        "tab\t nl\n cr\r bs\b ff\f \u0001 \u001f \u007f \u0080 \uDC00 \uD83D\uDE00 é \"\\/")))
                .withContent(everyByte))).isEqualTo(RICH);
        assertThat(fingerprint(aGenerateCommand().named("e").ofType(DocumentType.OTHER).inThreads(List.of())
                .withMediaType("application/octet-stream").withMetadata(new ArtifactMetadata(Map.of("k", "")))
                .withContent(new byte[0]))).isEqualTo(EMPTY);
    }

    @Test
    void metadataInAnotherOrder_isTheSameRequest() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");

        assertThat(fingerprint(aGenerateCommand().withMetadata(new ArtifactMetadata(ab))))
                .isEqualTo(fingerprint(aGenerateCommand().withMetadata(new ArtifactMetadata(ba))));
    }

    @Test
    void theDeclaredDigest_isNotPartOfIt() {
        assertThat(fingerprint(aGenerateCommand().withCorrectContentSha256()))
                .isEqualTo(fingerprint(aGenerateCommand()));
    }

    @Test
    void anyOtherField_makesAnotherRequest() {
        List<UnaryOperator<GenerateArtifactCommandTestData.Builder>> changes = List.of(
                b -> b.named("other.txt"),
                b -> b.ofType(DocumentType.DOCUMENT),
                b -> b.inThreads("thread-1"),
                b -> b.inThreads("thread-2", "thread-1"),
                b -> b.withMediaType("text/plain"),
                b -> b.withMetadata(new ArtifactMetadata(Map.of("k", "v"))),
                b -> b.withContent("hello world!"),
                b -> b.withDeclaredLength(GenerateArtifactCommandTestData.DEFAULT_CONTENT.length + 1L));
        Set<String> fingerprints = new HashSet<>();
        fingerprints.add(fingerprint(aGenerateCommand().inThreads("thread-1", "thread-2")));
        for (UnaryOperator<GenerateArtifactCommandTestData.Builder> change : changes) {
            fingerprints.add(fingerprint(change.apply(aGenerateCommand().inThreads("thread-1", "thread-2"))));
        }
        assertThat(fingerprints).as("the request and each of its variants").hasSize(changes.size() + 1);
    }

    private static String fingerprint(GenerateArtifactCommandTestData.Builder request) {
        GenerateArtifactCommand command = request.withIdempotency("key").build();
        return GenerateRequestFingerprint.of(command, command.idempotency().orElseThrow().contentSha256());
    }
}
