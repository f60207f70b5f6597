package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The rate limiter's view of the service's data source: every transaction it begins on a connection
 * ({@code setAutoCommit(false)}) first runs {@code SET LOCAL synchronous_commit = off}, sent in the same round
 * trip as the {@code BEGIN}. The commit of a bucket's state then returns without waiting for the WAL to reach
 * the disk, so the key's row lock is no longer held across an {@code fsync}.
 *
 * <p>{@code SET LOCAL} ends with the transaction, so the pooled connection goes back to the pool with the
 * server's default: no other transaction of the service commits asynchronously. What it risks: if PostgreSQL
 * crashes (not a clean shutdown, not a client failure), the bucket updates of the last few hundred
 * milliseconds ({@code wal_writer_delay} × 3 at most) are lost, so a key may get back the tokens it spent in
 * that window. The database stays consistent (asynchronous commit never corrupts, it only forgets the newest
 * commits), and a rate limit that forgets a fraction of a second after a crash is an acceptable trade.
 */
final class AsynchronousCommitDataSource implements DataSource {

    static final String SET_ASYNC_COMMIT = "set local synchronous_commit = off";

    private final DataSource delegate;

    AsynchronousCommitDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private static Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> invoke(connection, method, args);
        return (Connection) Proxy.newProxyInstance(AsynchronousCommitDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        Object result;
        try {
            result = method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(SET_ASYNC_COMMIT);
            }
        }
        return result;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
