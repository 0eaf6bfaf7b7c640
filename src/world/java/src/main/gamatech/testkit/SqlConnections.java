package gamatech.testkit;

import io.jans.orm.exception.EntryPersistenceException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The JDBC connections of the SQL entry managers: a small pool, one connection per call at a time, with short timeouts so
 * that a stopped server fails a call quickly (as an EntryPersistenceException, the way Janssen's SQL layer reports it).
 */
public final class SqlConnections {
    private final Driver driver;
    private final String url;
    private final Properties properties = new Properties();
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    public SqlConnections(Driver driver, String url, String user, String password) {
        this.driver = driver;
        this.url = url;
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "10");
    }

    public Connection borrow() {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        try {
            Connection fresh = driver.connect(url, properties);
            if (fresh == null) {
                throw new EntryPersistenceException("the JDBC driver does not accept " + url);
            }
            return fresh;
        } catch (SQLException e) {
            // The driver's message (refused, timed out, starting up) says which; it names no password.
            throw new EntryPersistenceException("Failed to connect to the database: " + e.getMessage(), e);
        }
    }

    public void giveBack(Connection connection) {
        idle.offer(connection);
    }

    /** A constraint violation (SQLState class 23) leaves the connection usable; anything else may have broken it. */
    public void discardOrGiveBack(Connection connection, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("23")) {
            giveBack(connection);
            return;
        }
        discard(connection);
    }

    public void discard(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // broken already
        }
    }

    /** Closes the pooled connections (a stopped server leaves them broken). */
    public void closeAll() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            discard(connection);
        }
    }
}
