package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommandTestData.aGenerateCommand;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.domain.artifact.MediaTypeMismatchException;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.space.Space;
import org.junit.jupiter.api.Test;

/** The detector of {@link InMemoryPorts} says every content is application/pdf. */
class MediaTypeGateTest {

    private static final byte[] BYTES = "%PDF-1.7 pretend".getBytes();

    private final InMemoryPorts ports = new InMemoryPorts();
    private final GenerateArtifactService generate = ports.generateArtifactService(3);

    private void spaceWith(MediaTypePolicy policy) {
        ports.spaces.add(new Space(DEFAULT_SPACE, "space", policy, ports.clock.peek()));
    }

    @Test
    void givenStrictSpaceAndContradictingType_generate_isRefusedBeforeAnythingIsStored() {
        spaceWith(MediaTypePolicy.REJECT_MISMATCH);

        assertThatThrownBy(() -> generate.generate(aGenerateCommand().withContent(BYTES).withMediaType("image/png").build()))
                .isInstanceOf(MediaTypeMismatchException.class)
                .hasMessageContaining("application/pdf");
        assertThat(ports.objects.keys()).isEmpty();
        assertThat(ports.artifacts.count()).isZero();
    }

    @Test
    void givenStrictSpaceAndMatchingType_generate_keepsEveryByte() {
        spaceWith(MediaTypePolicy.REJECT_MISMATCH);

        var accepted = generate.generate(aGenerateCommand().withContent(BYTES).withMediaType("application/pdf").build());

        assertThat(accepted.artifact().declaredMediaType()).isPresent();
        assertThat(ports.objects.keys()).singleElement()
                .satisfies(key -> assertThat(ports.objects.bytesAt(key)).isEqualTo(BYTES));
    }

    @Test
    void givenTrustingSpace_generate_doesNotInspect() {
        spaceWith(MediaTypePolicy.TRUST_DECLARED);

        generate.generate(aGenerateCommand().withContent(BYTES).withMediaType("image/png").build());

        assertThat(ports.detector.calls()).isZero();
        assertThat(ports.artifacts.count()).isEqualTo(1);
    }
}
