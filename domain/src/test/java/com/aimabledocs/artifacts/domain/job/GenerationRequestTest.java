package com.aimabledocs.artifacts.domain.job;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {

    private static final JobId JOB = JobId.of(TestIds.next());
    private static final ArtifactId ARTIFACT = ArtifactId.of(TestIds.next());
    private static final ObjectKey STAGED = ObjectKey.contentOf(DEFAULT_SPACE, ARTIFACT);

    @Test
    void givenNoExpectedDigest_request_hasAnEmptyOne() {
        GenerationRequest request = new GenerationRequest(JOB, ARTIFACT, DEFAULT_SPACE, STAGED, null, DEFAULT_CREATED_AT);

        assertThat(request.expectedSha256()).isEmpty();
    }

    @Test
    void givenMissingRequiredField_request_isRefused() {
        assertThatThrownBy(() -> new GenerationRequest(null, ARTIFACT, DEFAULT_SPACE, STAGED, null, DEFAULT_CREATED_AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new GenerationRequest(JOB, null, DEFAULT_SPACE, STAGED, null, DEFAULT_CREATED_AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new GenerationRequest(JOB, ARTIFACT, null, STAGED, null, DEFAULT_CREATED_AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new GenerationRequest(JOB, ARTIFACT, DEFAULT_SPACE, null, null, DEFAULT_CREATED_AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new GenerationRequest(JOB, ARTIFACT, DEFAULT_SPACE, STAGED, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void givenItsArtifactsContentKey_request_isAccepted() {
        assertThat(new GenerationRequest(JOB, ARTIFACT, DEFAULT_SPACE, STAGED, null, DEFAULT_CREATED_AT).stagedContent())
                .isEqualTo(ObjectKey.contentOf(DEFAULT_SPACE, ARTIFACT));
    }

    /** A crafted request must not make the worker read, and then delete, an object that is not its own. */
    @Test
    void givenAKeyThatIsNotItsArtifacts_request_isRefused() {
        ArtifactId other = ArtifactId.of(TestIds.next());
        for (ObjectKey foreign : new ObjectKey[] {ObjectKey.contentOf(DEFAULT_SPACE, other),
                new ObjectKey("staging/%s/%s/%s".formatted(DEFAULT_SPACE, ARTIFACT, JOB)),
                ObjectKey.incoming("incoming/producer/report.pdf"),
                new ObjectKey("spaces/x/artifacts/y/content")}) {
            assertThatThrownBy(() -> new GenerationRequest(JOB, ARTIFACT, DEFAULT_SPACE, foreign, null, DEFAULT_CREATED_AT))
                    .as(foreign.value()).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining(foreign.value());
        }
    }
}
