package gamatech.testkit;

import io.jans.orm.PersistenceEntryManager;
import io.jans.orm.exception.EntryPersistenceException;
import io.jans.service.cache.NativePersistenceCacheEntity;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;

/**
 * A PersistenceEntryManager over a real SQL database (PostgreSQL in the tests), holding cache entries in a table keyed like
 * Janssen's SQL cache table: "jansCache" with primary key doc_id = the uuid of the DN uuid=<id>,ou=cache,<base>. So a
 * duplicate persist is the database's own unique-key violation, which this wraps in EntryPersistenceException as Janssen's
 * SQL dialect does (guess: Janssen wraps a PersistenceException("Failed to add entry") whose cause wraps the SQLException;
 * here the SQLException is the direct cause). Any other failure (server stopped, connection lost) is an
 * EntryPersistenceException too. Column names and types are a guess at Janssen's schema; only the key matters here.
 * Only NativePersistenceCacheEntity is supported. Thread-safe: a small pool of connections, one per call at a time.
 */
public final class SqlEntryManager implements PersistenceEntryManager {
    private static final String TABLE = "\"jansCache\"";
    private static final String COLUMNS = "doc_id, \"objectClass\", dn, uuid, iat, exp, del, dat, ttl";

    private final SqlConnections connections;

    public SqlEntryManager(Driver driver, String url, String user, String password) {
        this.connections = new SqlConnections(driver, url, user, password);
    }

    /** The pool, shared with the entry managers that add queries over the same table. */
    public SqlConnections connections() {
        return connections;
    }

    /** Creates the table when missing and empties it. */
    public void resetTable() {
        execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (doc_id VARCHAR(64) NOT NULL PRIMARY KEY, \"objectClass\" VARCHAR(48),"
                + " dn VARCHAR(128), uuid VARCHAR(64), iat TIMESTAMP, exp TIMESTAMP, del BOOLEAN, dat TEXT, ttl INTEGER)");
        execute("DELETE FROM " + TABLE);
    }

    /** Closes the pooled connections (a stopped server leaves them broken). */
    public void closeConnections() {
        connections.closeAll();
    }

    @Override
    public void persist(Object entry) {
        NativePersistenceCacheEntity entity = cacheEntity(entry);
        Connection connection = connections.borrow();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, 'jansCache', ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, entity);
            insert.executeUpdate();
            connections.giveBack(connection);
        } catch (SQLException e) {
            connections.discardOrGiveBack(connection, e);
            throw new EntryPersistenceException("Failed to persist entry: " + entity.getDn(), e);
        }
    }

    @Override
    public Void merge(Object entry) {
        NativePersistenceCacheEntity entity = cacheEntity(entry);
        Connection connection = connections.borrow();
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, 'jansCache', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE"
                        + " SET dn = EXCLUDED.dn, iat = EXCLUDED.iat, exp = EXCLUDED.exp, del = EXCLUDED.del, dat = EXCLUDED.dat,"
                        + " ttl = EXCLUDED.ttl")) {
            bind(upsert, entity);
            upsert.executeUpdate();
            connections.giveBack(connection);
            return null;
        } catch (SQLException e) {
            connections.discardOrGiveBack(connection, e);
            throw new EntryPersistenceException("Failed to merge entry: " + entity.getDn(), e);
        }
    }

    @Override
    public <T> boolean contains(String primaryKey, Class<T> entryClass) {
        Connection connection = connections.borrow();
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE doc_id = ?")) {
            query.setString(1, docId(primaryKey));
            try (ResultSet rows = query.executeQuery()) {
                boolean found = rows.next();
                connections.giveBack(connection);
                return found;
            }
        } catch (SQLException e) {
            connections.discardOrGiveBack(connection, e);
            throw new EntryPersistenceException("Failed to find entry: " + primaryKey, e);
        }
    }

    @Override
    public <T> T find(Class<T> entryClass, Object primaryKey) {
        String dn = String.valueOf(primaryKey);
        Connection connection = connections.borrow();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT dn, uuid, iat, exp, del, dat, ttl FROM " + TABLE + " WHERE doc_id = ?")) {
            query.setString(1, docId(dn));
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    connections.giveBack(connection);
                    throw new EntryPersistenceException("Failed to find entry: " + dn);
                }
                NativePersistenceCacheEntity entity = new NativePersistenceCacheEntity();
                entity.setDn(rows.getString(1));
                entity.setId(rows.getString(2));
                entity.setCreationDate(date(rows.getTimestamp(3)));
                entity.setExpirationDate(date(rows.getTimestamp(4)));
                entity.setDeletable(rows.getBoolean(5));
                entity.setData(rows.getString(6));
                entity.setTtl(rows.getInt(7));
                connections.giveBack(connection);
                return entryClass.cast(entity);
            }
        } catch (SQLException e) {
            connections.discardOrGiveBack(connection, e);
            throw new EntryPersistenceException("Failed to find entry: " + dn, e);
        }
    }

    @Override
    public <T> void remove(String primaryKey, Class<T> entryClass) {
        execute("DELETE FROM " + TABLE + " WHERE doc_id = ?", docId(primaryKey));
    }

    @Override
    public boolean hasBranchesSupport(String primaryKey) {
        return false;
    }

    @Override
    public String getPersistenceType(String primaryKey) {
        return "sql";
    }

    private void execute(String sql, String... parameters) {
        Connection connection = connections.borrow();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            connections.giveBack(connection);
        } catch (SQLException e) {
            connections.discardOrGiveBack(connection, e);
            throw new EntryPersistenceException("Failed to execute: " + sql, e);
        }
    }

    private static NativePersistenceCacheEntity cacheEntity(Object entry) {
        if (entry == null) {
            throw new IllegalArgumentException("Entry to persist is null");
        }
        if (!(entry instanceof NativePersistenceCacheEntity)) {
            throw new IllegalArgumentException("the SQL double stores cache entries only, got " + entry.getClass().getName());
        }
        return (NativePersistenceCacheEntity) entry;
    }

    private static void bind(PreparedStatement statement, NativePersistenceCacheEntity entity) throws SQLException {
        statement.setString(1, docId(entity.getDn()));
        statement.setString(2, entity.getDn());
        statement.setString(3, entity.getId());
        statement.setTimestamp(4, timestamp(entity.getCreationDate()));
        statement.setTimestamp(5, timestamp(entity.getExpirationDate()));
        statement.setBoolean(6, Boolean.TRUE.equals(entity.isDeletable()));
        statement.setString(7, entity.getData());
        statement.setInt(8, entity.getTtl() == null ? 0 : entity.getTtl());
    }

    /** The value of the DN's first RDN (uuid=<id>,ou=cache,... → <id>), as Janssen's SQL ORM keys rows. */
    private static String docId(String dn) {
        if (dn == null) {
            throw new EntryPersistenceException("DN is null");
        }
        int equals = dn.indexOf('=');
        int comma = dn.indexOf(',');
        return dn.substring(equals + 1, comma < 0 ? dn.length() : comma);
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    private static Date date(Timestamp timestamp) {
        return timestamp == null ? null : new Date(timestamp.getTime());
    }
}
