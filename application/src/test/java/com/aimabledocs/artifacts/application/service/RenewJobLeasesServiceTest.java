package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.job.JobTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.RenewJobLeasesUseCase.Renewal;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobLease;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RenewJobLeasesServiceTest {

    private static final String WORKER = "worker-a";
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final HeldJobs held = new HeldJobs();
    private final RenewJobLeasesService renewer = new RenewJobLeasesService(ports.jobs, ports.unitOfWork, ports.clock,
            new LeaseTerms(WORKER, LEASE), held);
    private final Instant now = ports.clock.peek();

    private Job heldRunning(String worker, Instant leaseUntil) {
        Job job = aJob().runningUnderLease(worker, leaseUntil).withVersion(2).build();
        ports.jobs.put(job);
        held.tryHold(job.id());
        held.leased(job.id());
        return job;
    }

    @Test
    void givenJobsThisWorkerRuns_renew_extendsEachLeaseWithoutAStateChange() {
        Job first = heldRunning(WORKER, now.plusSeconds(5));
        Job second = heldRunning(WORKER, now.plusSeconds(1));

        Renewal renewal = renewer.renewHeldLeases();

        assertThat(renewal.renewed()).isEqualTo(2);
        assertThat(renewal.lost()).isEmpty();
        for (Job job : new Job[] {first, second}) {
            Job stored = ports.jobs.get(job.id());
            assertThat(stored.lease()).contains(new JobLease(WORKER, now.plus(LEASE)));
            assertThat(stored.version()).as("no version bump: the holder's next update must not conflict").isEqualTo(2);
            assertThat(stored.updatedAt()).isEqualTo(job.updatedAt());
        }
    }

    @Test
    void givenJobTakenBackMeanwhile_renew_reportsItLostAndLeavesItAlone() {
        Job taken = heldRunning(WORKER, now.minusSeconds(1));
        Job requeued = taken.expireLease(now.plusSeconds(1), now);
        ports.jobs.put(requeued);

        Renewal renewal = renewer.renewHeldLeases();

        assertThat(renewal.renewed()).isZero();
        assertThat(renewal.lost()).containsExactly(taken.id());
        assertThat(ports.jobs.get(taken.id())).usingRecursiveComparison().isEqualTo(requeued);
    }

    @Test
    void givenJobRunningUnderAnotherWorker_renew_neverExtendsThatLease() {
        Job others = heldRunning("worker-b", now.plusSeconds(3));

        Renewal renewal = renewer.renewHeldLeases();

        assertThat(renewal.lost()).containsExactly(others.id());
        assertThat(ports.jobs.get(others.id()).lease()).contains(new JobLease("worker-b", now.plusSeconds(3)));
    }

    @Test
    void givenJobHeldButNotClaimedYet_renew_leavesItAlone() {
        Job queued = aJob().build();
        ports.jobs.put(queued);
        held.tryHold(queued.id());

        Renewal renewal = renewer.renewHeldLeases();

        assertThat(renewal.renewed()).isZero();
        assertThat(renewal.lost()).as("not lost: it has no lease yet").isEmpty();
        assertThat(ports.unitOfWork.transactions()).isZero();
    }

    @Test
    void givenNothingHeld_renew_touchesNoJob() {
        ports.jobs.put(aJob().runningUnderLease(WORKER, now.plusSeconds(3)).build());

        Renewal renewal = renewer.renewHeldLeases();

        assertThat(renewal.renewed()).isZero();
        assertThat(ports.jobs.renewals()).isZero();
        assertThat(ports.unitOfWork.transactions()).isZero();
    }

    @Test
    void givenFinishedJob_renew_reportsItLost() {
        Job done = aJob().withStatus(JobStatus.SUCCEEDED).build();
        ports.jobs.put(done);
        held.tryHold(done.id());
        held.leased(done.id());

        assertThat(renewer.renewHeldLeases().lost()).containsExactly(done.id());
    }

    @Test
    void leaseTerms_renewEveryThirdOfTheLease() {
        assertThat(new LeaseTerms(WORKER, LEASE).renewEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(new LeaseTerms(WORKER, LEASE).until(now)).isEqualTo(now.plus(LEASE));
    }
}
