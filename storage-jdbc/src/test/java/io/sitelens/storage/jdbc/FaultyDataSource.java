package io.sitelens.storage.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real DataSource whose connections fail {@code executeBatch} with a chosen SQLState while armed: the way a
 * dropped connection, a serialization failure or a constraint violation reaches the adapter. Counts the
 * connections handed out, which is the number of attempts a unit of work took.
 */
final class FaultyDataSource implements DataSource {
    private final DataSource real;
    final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile String sqlState = "40001";

    FaultyDataSource(DataSource real) {
        this.real = real;
    }

    /** The next {@code times} batch executions fail with {@code state}. */
    void failBatches(String state, int times) {
        this.sqlState = state;
        failuresLeft.set(times);
        connections.set(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        connections.incrementAndGet();
        return wrap(real.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        connections.incrementAndGet();
        return wrap(real.getConnection(username, password));
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(c, method, args);
                    if (result instanceof java.sql.PreparedStatement ps) {
                        return wrapStatement(ps);
                    }
                    return result;
                });
    }

    private java.sql.PreparedStatement wrapStatement(java.sql.PreparedStatement ps) {
        return (java.sql.PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {java.sql.PreparedStatement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("executeBatch") && failuresLeft.getAndDecrement() > 0) {
                        throw new SQLException("injected failure " + sqlState, sqlState);
                    }
                    return invoke(ps, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return real.isWrapperFor(iface);
    }
}
