package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.shared.NotFoundException;

public final class JobNotFoundException extends NotFoundException {

    public JobNotFoundException(JobId id) {
        super("job", id);
    }
}
