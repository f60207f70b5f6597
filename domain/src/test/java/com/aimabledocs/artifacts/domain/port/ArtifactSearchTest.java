package com.aimabledocs.artifacts.domain.port;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactSearchTest {

    @Test
    void givenNullFilters_search_hasNoFilters() {
        ArtifactSearch search = new ArtifactSearch(DEFAULT_SPACE, null, null, null, null, 10);

        assertThat(search.threadId()).isEmpty();
        assertThat(search.documentType()).isEmpty();
        assertThat(search.status()).isEmpty();
        assertThat(search.after()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void givenLimitBelowOne_search_isRefused(int limit) {
        assertThatThrownBy(() -> new ArtifactSearch(DEFAULT_SPACE, null, null, null, null, limit))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void position_needsBothSortKeys() {
        assertThatThrownBy(() -> new ArtifactSearch.Position(null, ArtifactId.of(TestIds.next())))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ArtifactSearch.Position(DEFAULT_CREATED_AT, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void unitOfWork_runsARunnableThroughTheSupplierForm() {
        AtomicInteger transactions = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        UnitOfWork unitOfWork = new UnitOfWork() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                transactions.incrementAndGet();
                return work.get();
            }
        };

        unitOfWork.inTransaction(runs::incrementAndGet);
        unitOfWork.inTransaction((Runnable) runs::incrementAndGet);

        assertThat(runs).hasValue(2);
        assertThat(transactions).hasValue(2);
    }
}
