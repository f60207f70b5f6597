package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.port.ArtifactRepository;
import com.aimabledocs.artifacts.domain.port.ArtifactSearch;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Optional;

/** Keyset pagination: asks for one row more than the page to know, exactly, whether another page follows. */
public final class ListArtifactsService implements ListArtifactsQuery {

    private final ArtifactRepository artifacts;
    private final UnitOfWork unitOfWork;

    public ListArtifactsService(ArtifactRepository artifacts, UnitOfWork unitOfWork) {
        this.artifacts = artifacts;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page list(Request request) {
        if (request.limit() < 1 || request.limit() > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        request.principal().authorize(request.spaceId(), Scope.ARTIFACTS_READ);
        String filters = PageCursor.filterFingerprint(request);
        Optional<ArtifactSearch.Position> after = request.cursor().map(c -> PageCursor.decode(c, filters));
        ArtifactSearch search = new ArtifactSearch(request.spaceId(), request.threadId(), request.documentType(),
                request.status(), after, request.limit() + 1);
        List<Artifact> rows = unitOfWork.inTransaction(() -> artifacts.search(search));
        if (rows.size() <= request.limit()) {
            return new Page(rows, Optional.empty());
        }
        List<Artifact> page = rows.subList(0, request.limit());
        Artifact last = page.get(page.size() - 1);
        return new Page(page, Optional.of(PageCursor.encode(new ArtifactSearch.Position(last.createdAt(), last.id()), filters)));
    }
}
