package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Transactions of {@link QuarkusUnitOfWork} and its recognition of lost database connections. */
@QuarkusTest
class QuarkusUnitOfWorkTest {

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    SpaceRepository spaces;

    @Test
    void givenWorkThatThrows_inTransaction_rollsBackAndRethrowsAsIs() {
        Space space = newSpaceValue();
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            spaces.add(space);
            throw failure;
        })).isSameAs(failure);

        assertThat(unitOfWork.inTransaction(() -> spaces.findById(space.id()))).isEmpty();
    }

    @Test
    void givenNestedCall_inTransaction_joinsTheOuterTransaction() {
        Space space = newSpaceValue();

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            unitOfWork.inTransaction(() -> spaces.add(space));
            throw new IllegalStateException("outer fails after inner returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(unitOfWork.inTransaction(() -> spaces.findById(space.id()))).isEmpty();
    }

    @Test
    void givenWork_inTransaction_commitsAndReturnsItsResult() {
        Space space = newSpaceValue();

        String result = unitOfWork.inTransaction(() -> {
            spaces.add(space);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(unitOfWork.inTransaction(() -> spaces.findById(space.id()))).contains(space);
    }

    @Test
    void givenConnectionRefusedSqlStateNestedInRuntimeException_isConnectionFailure() {
        RuntimeException wrapped = new RuntimeException("could not acquire connection",
                new IllegalStateException("pool", new SQLException("Connection refused", "08001")));

        assertThat(QuarkusUnitOfWork.isConnectionFailure(wrapped)).isTrue();
    }

    @Test
    void givenServerShutdownSqlStates_isConnectionFailure() {
        assertThat(QuarkusUnitOfWork.isConnectionFailure(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(QuarkusUnitOfWork.isConnectionFailure(new SQLException("database system is starting up", "57P03")))
                .isTrue();
        assertThat(QuarkusUnitOfWork.isConnectionFailure(new SQLException("connection failure", "08006"))).isTrue();
    }

    @Test
    void givenCommitFailingAsTheServerGoesAway_isConnectionFailure() {
        // what Narayana throws when the connection dies at commit: the SQLException is only suppressed
        RuntimeException commitFailed = new RuntimeException("Could not commit transaction.",
                new IllegalStateException("ARJUNA016053: Could not commit transaction."));
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commitFailed.getCause().addSuppressed(xa);

        assertThat(QuarkusUnitOfWork.isConnectionFailure(commitFailed)).isTrue();
    }

    @Test
    void givenHibernateConnectionException_isConnectionFailure() {
        assertThat(QuarkusUnitOfWork.isConnectionFailure(
                new RuntimeException(new JDBCConnectionException("lost", new SQLException("lost"))))).isTrue();
    }

    @Test
    void givenOtherFailures_isNotConnectionFailure() {
        assertThat(QuarkusUnitOfWork.isConnectionFailure(
                new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(QuarkusUnitOfWork.isConnectionFailure(new RuntimeException(new SQLException("no state")))).isFalse();
        assertThat(QuarkusUnitOfWork.isConnectionFailure(new IllegalStateException("plain"))).isFalse();
    }

    private static Space newSpaceValue() {
        return new Space(SpaceId.of(UUID.randomUUID()), "unit of work test", T0);
    }
}
