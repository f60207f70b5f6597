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

    /** SQLState class 08 is "connection exception"; 57P01-03 is the server shutting down or starting. */
    static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
