package com.aimabledocs.artifacts.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.access.UnauthenticatedException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactNotFoundException;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyInUseException;
import com.aimabledocs.artifacts.domain.idempotency.IdempotencyKeyReusedException;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobNotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The codes are the public contract: clients read them, so they must never change by accident. */
class DomainExceptionTest {

    private static final ArtifactId ARTIFACT = ArtifactId.parse("0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f");

    @Test
    void everyFailure_carriesItsStableCode() {
        assertThat(new NotFoundException("space", "x").code()).isEqualTo("not_found");
        assertThat(new ArtifactNotFoundException(ARTIFACT).code()).isEqualTo("not_found");
        assertThat(new JobNotFoundException(JobId.of(ARTIFACT.value())).code()).isEqualTo("not_found");
        assertThat(new ConcurrentUpdateException("artifact", ARTIFACT).code()).isEqualTo("concurrent_update");
        assertThat(new IllegalTransitionException("artifact", ARTIFACT, ArtifactStatus.READY, ArtifactStatus.PENDING).code())
                .isEqualTo("illegal_transition");
        assertThat(new InvalidValueException("name", "bad").code()).isEqualTo("invalid_name");
        assertThat(new UnauthenticatedException().code()).isEqualTo("unauthenticated");
        assertThat(new ForbiddenException(Scope.ARTIFACTS_WRITE).code()).isEqualTo("forbidden");
        assertThat(new IdempotencyKeyReusedException().code()).isEqualTo("idempotency_key_reused");
        assertThat(new IdempotencyKeyInUseException(1).code()).isEqualTo("idempotency_key_in_use");
    }

    @Test
    void notFound_namesWhatWasNotFound() {
        assertThat(new ArtifactNotFoundException(ARTIFACT)).hasMessage("artifact " + ARTIFACT + " was not found");
    }

    @Test
    void illegalTransition_namesBothStatesInWireForm() {
        assertThat(new IllegalTransitionException("artifact", ARTIFACT, ArtifactStatus.READY, ArtifactStatus.PENDING))
                .hasMessage("artifact " + ARTIFACT + " cannot move from ready to pending");
    }

    @Test
    void unavailable_namesTheDependencyAndKeepsTheCause() {
        IOException cause = new IOException("connection refused");

        UnavailableException e = new UnavailableException("object_store", cause);

        assertThat(e.code()).isEqualTo("object_store_unavailable");
        assertThat(e).hasMessage("object_store is unavailable").hasCause(cause);
    }

    @Test
    void forbidden_namesTheMissingScope() {
        assertThat(new ForbiddenException(Scope.ARTIFACTS_WRITE)).hasMessageContaining("artifacts:write");
    }
}
