package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
import com.aimabledocs.artifacts.domain.job.JobLease;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.Locale;

final class JobMapper {

    private JobMapper() {
    }

    static Job toDomain(JobEntity row) {
        return Job.restore(job -> job
                .id(JobId.of(row.id))
                .artifactId(ArtifactId.of(row.artifactId))
                .spaceId(SpaceId.of(row.spaceId))
                .kind(JobKind.valueOf(row.kind.toUpperCase(Locale.ROOT)))
                .status(JobStatus.fromWireName(row.status))
                .attempt(row.attempt)
                .maxAttempts(row.maxAttempts)
                .expectedSha256(row.contentSha256 == null ? null : new Sha256(row.contentSha256))
                .nextRetryAt(row.nextRetryAt)
                .error(row.errorCode == null ? null : new FailureReason(row.errorCode, row.errorMessage))
                .lease(row.leaseOwner == null ? null : new JobLease(row.leaseOwner, row.leaseExpiresAt))
                .createdAt(row.createdAt)
                .startedAt(row.startedAt)
                .finishedAt(row.finishedAt)
                .updatedAt(row.updatedAt)
                .version(row.version));
    }

    static JobEntity newRow(Job job) {
        JobEntity row = new JobEntity();
        row.id = job.id().value();
        row.artifactId = job.artifactId().value();
        row.spaceId = job.spaceId().value();
        row.kind = job.kind().wireName();
        row.maxAttempts = job.maxAttempts();
        row.contentSha256 = job.expectedSha256().map(Sha256::hex).orElse(null);
        row.createdAt = job.createdAt();
        copyState(job, row);
        return row;
    }

    static void copyState(Job job, JobEntity row) {
        row.status = job.status().wireName();
        row.attempt = job.attempt();
        row.nextRetryAt = job.nextRetryAt().orElse(null);
        row.leaseOwner = job.lease().map(JobLease::owner).orElse(null);
        row.leaseExpiresAt = job.lease().map(JobLease::expiresAt).orElse(null);
        row.errorCode = job.error().map(FailureReason::code).orElse(null);
        row.errorMessage = job.error().map(FailureReason::message).orElse(null);
        row.startedAt = job.startedAt().orElse(null);
        row.finishedAt = job.finishedAt().orElse(null);
        row.updatedAt = job.updatedAt();
    }
}
