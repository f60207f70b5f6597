package com.aimabledocs.artifacts.adapters.persistence;

import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;

/** Wraps a failure of plain JDBC code the way Hibernate would, so callers classify it the same way. */
final class JdbcFailures {

    private JdbcFailures() {
    }

    static RuntimeException translate(String what, SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
            return new JDBCConnectionException("could not " + what, e);
        }
        return new GenericJDBCException("could not " + what, e);
    }
}
