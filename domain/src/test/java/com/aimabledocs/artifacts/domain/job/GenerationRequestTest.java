package com.aimabledocs.artifacts.domain.job;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {

    private static final JobId JOB = JobId.of(TestIds.next());
    private static final ArtifactId ARTIFACT = ArtifactId.of(TestIds.next());
    private static final ObjectKey STAGED = ObjectKey.stagingFor(DEFAULT_SPACE, ARTIFACT, JOB);

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
}
