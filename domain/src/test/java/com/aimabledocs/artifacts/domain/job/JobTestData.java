package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactTestData;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Duration;
import java.time.Instant;

/**
 * Test data builder for {@link Job}: {@code aJob().withStatus(RUNNING).forArtifact(artifact).build()}.
 * Unset fields follow the status so that the built job always satisfies the aggregate's invariants: a
 * queued job has had no attempt, any other one has had one; a started job has {@code startedAt}; a final
 * job has {@code finishedAt}; a failed job carries an error; a running job holds a lease of
 * {@link #DEFAULT_WORKER} for {@link #DEFAULT_LEASE} after it started. Built with {@link Job#restore}.
 */
public final class JobTestData {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final FailureReason DEFAULT_ERROR =
            new FailureReason("object_store_unavailable", "object_store is unavailable");
    public static final String DEFAULT_WORKER = "worker-test-1";
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private JobTestData() {
    }

    public static Builder aJob() {
        return new Builder();
    }

    public static final class Builder {

        private JobId id = JobId.of(TestIds.next());
        private ArtifactId artifactId = ArtifactId.of(TestIds.next());
        private SpaceId spaceId = ArtifactTestData.DEFAULT_SPACE;
        private JobKind kind = JobKind.GENERATE;
        private JobStatus status = JobStatus.QUEUED;
        private Integer attempt;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Sha256 expectedSha256;
        private JobLease lease;
        private boolean leaseSet;
        private Instant nextRetryAt;
        private FailureReason error;
        private boolean errorSet;
        private Instant createdAt = ArtifactTestData.DEFAULT_CREATED_AT;
        private Instant startedAt;
        private boolean startedAtSet;
        private Instant finishedAt;
        private boolean finishedAtSet;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        public Builder withId(JobId id) {
            this.id = id;
            return this;
        }

        /** The job of this artifact, in its space. */
        public Builder forArtifact(Artifact artifact) {
            this.artifactId = artifact.id();
            this.spaceId = artifact.spaceId();
            return this;
        }

        public Builder forArtifact(ArtifactId artifactId, SpaceId spaceId) {
            this.artifactId = artifactId;
            this.spaceId = spaceId;
            return this;
        }

        public Builder withStatus(JobStatus status) {
            this.status = status;
            return this;
        }

        /** Defaults to 0 for a queued job and 1 otherwise. */
        public Builder withAttempt(int attempt) {
            this.attempt = attempt;
            return this;
        }

        public Builder withMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** A queued job waiting for its retry, after an attempt that failed with {@code error}. */
        public Builder waitingForRetryAt(Instant nextRetryAt, FailureReason error) {
            this.status = JobStatus.QUEUED;
            this.nextRetryAt = nextRetryAt;
            this.error = error;
            this.errorSet = true;
            if (attempt == null) {
                attempt = 1;
            }
            return this;
        }

        public Builder withExpectedSha256(Sha256 expectedSha256) {
            this.expectedSha256 = expectedSha256;
            return this;
        }

        /** A running job held by {@code worker} until {@code expiresAt}. */
        public Builder runningUnderLease(String worker, Instant expiresAt) {
            this.status = JobStatus.RUNNING;
            return withLease(new JobLease(worker, expiresAt));
        }

        /** Explicit lease, even {@code null} for a running job or one for a job in another state (to test the invariant). */
        public Builder withLease(JobLease lease) {
            this.lease = lease;
            this.leaseSet = true;
            return this;
        }

        public Builder withNextRetryAt(Instant nextRetryAt) {
            this.nextRetryAt = nextRetryAt;
            return this;
        }

        /** Explicit error, even {@code null} for a failed job (to test the invariant). */
        public Builder withError(FailureReason error) {
            this.error = error;
            this.errorSet = true;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            this.startedAtSet = true;
            return this;
        }

        /** Explicit end time, even {@code null} for a final job (to test the invariant). */
        public Builder finishedAt(Instant finishedAt) {
            this.finishedAt = finishedAt;
            this.finishedAtSet = true;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        public Job build() {
            int builtAttempt = attempt != null ? attempt : status == JobStatus.QUEUED ? 0 : 1;
            Instant builtStartedAt = startedAtSet ? startedAt : builtAttempt > 0 ? createdAt.plus(Duration.ofSeconds(1)) : null;
            Instant builtFinishedAt = finishedAtSet ? finishedAt
                    : status.isFinal() ? createdAt.plus(Duration.ofSeconds(2)) : null;
            FailureReason builtError = errorSet ? error : status == JobStatus.FAILED ? DEFAULT_ERROR : null;
            Instant builtUpdatedAt = updatedAt != null ? updatedAt
                    : latest(createdAt, builtStartedAt, builtFinishedAt);
            JobLease builtLease = leaseSet ? lease : status == JobStatus.RUNNING
                    ? new JobLease(DEFAULT_WORKER, (builtStartedAt != null ? builtStartedAt : createdAt).plus(DEFAULT_LEASE))
                    : null;
            return Job.restore(job -> job.id(id).artifactId(artifactId).spaceId(spaceId).kind(kind).status(status)
                    .attempt(builtAttempt).maxAttempts(maxAttempts).expectedSha256(expectedSha256)
                    .nextRetryAt(nextRetryAt).error(builtError).lease(builtLease).createdAt(createdAt)
                    .startedAt(builtStartedAt).finishedAt(builtFinishedAt).updatedAt(builtUpdatedAt).version(version));
        }

        private static Instant latest(Instant first, Instant... others) {
            Instant latest = first;
            for (Instant other : others) {
                if (other != null && other.isAfter(latest)) {
                    latest = other;
                }
            }
            return latest;
        }
    }
}
