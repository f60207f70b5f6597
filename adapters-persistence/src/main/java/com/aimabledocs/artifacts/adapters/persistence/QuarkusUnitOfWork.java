package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * One JTA transaction per call (joining one already open). A lost or refused database connection is
 * reported as {@link UnavailableException}, which the callers treat as transient.
 *
 * <p>{@link #read} opens no transaction: the single statement of such a read runs on an auto-commit
 * connection (one round trip, no {@code BEGIN}/{@code COMMIT}, no Narayana coordination, no Hibernate flush
 * with dirty checking at commit). Inside an open transaction the statement simply runs in it.
 */
@ApplicationScoped
public class QuarkusUnitOfWork implements UnitOfWork {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return QuarkusTransaction.joiningExisting().call(work::get);
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw new UnavailableException("database", e);
            }
            throw e;
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw new UnavailableException("database", e);
            }
            throw e;
        }
    }

    /**
     * SQLState class 08 is "connection exception"; 57P01-03 is the server shutting down or starting. The
     * cause may hide in a suppressed exception: a commit that fails as the server goes away surfaces as a
     * RollbackException whose XAException (carrying the SQLException) is only suppressed.
     */
    static boolean isConnectionFailure(Throwable error) {
        return isConnectionFailure(error, 0);
    }

    private static boolean isConnectionFailure(Throwable error, int depth) {
        if (error == null || depth > 10) {
            return false;
        }
        if (error instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
            return true;
        }
        if (error instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        for (Throwable suppressed : error.getSuppressed()) {
            if (isConnectionFailure(suppressed, depth + 1)) {
                return true;
            }
        }
        return error.getCause() != error && isConnectionFailure(error.getCause(), depth + 1);
    }
}
