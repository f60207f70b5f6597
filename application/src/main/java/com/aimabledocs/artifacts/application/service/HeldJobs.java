package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.domain.job.JobId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs this worker process is working on right now, shared by the threads that process requests and
 * the one that renews leases. Holding a job keeps two threads of one process from working on it at once
 * (two deliveries of one request); once the job is claimed, it is {@linkplain #leased leased} and its
 * lease is renewed until the job is released.
 */
public final class HeldJobs {

    /** Held jobs, each mapped to whether it is claimed under this worker's lease yet. */
    private final Map<JobId, Boolean> held = new ConcurrentHashMap<>();

    /** @return false when another thread of this process holds the job already */
    public boolean tryHold(JobId job) {
        return held.putIfAbsent(job, Boolean.FALSE) == null;
    }

    /** The held job now runs under this worker's lease, which must be renewed from now on. */
    public void leased(JobId job) {
        held.replace(job, Boolean.TRUE);
    }

    /**
     * The held job's lease ended without this worker finishing it ({@linkplain HandBackHeldJobsService handed
     * back}): it is no longer renewed, and stays held until the thread working on it lets it go.
     */
    public void leaseEnded(JobId job) {
        held.replace(job, Boolean.FALSE);
    }

    public void release(JobId job) {
        held.remove(job);
    }

    public boolean isHeld(JobId job) {
        return held.containsKey(job);
    }

    /** The held jobs whose lease is to be renewed. */
    public List<JobId> leasedJobs() {
        return held.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    /** Every held job, leased or not. */
    public List<JobId> snapshot() {
        return List.copyOf(held.keySet());
    }

    /** Whether no thread of this process works on a job now. */
    public boolean isEmpty() {
        return held.isEmpty();
    }
}
