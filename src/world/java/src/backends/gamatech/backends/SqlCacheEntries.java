package gamatech.backends;

import gamatech.testkit.Latency;
import gamatech.testkit.SqlConnections;
import gamatech.testkit.SqlEntryManager;
import io.jans.orm.PersistenceEntryManager;
import io.jans.orm.exception.EntryPersistenceException;
import io.jans.orm.search.filter.Filter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * The entry manager behind the database cache: SqlEntryManager's table (its inserts, reads and key-violation duplicates)
 * plus the two calls of PersistenceEntryManager that Janssen's own expiry clean-up uses, `int remove(baseDn, entryClass,
 * filter, count)` and `String encodeTime(baseDn, date)` (reference-src NativePersistenceCacheProvider.cleanup), so a
 * delete can be conditional on the row still being expired. Every call costs the world's store round trip (Latency), as
 * a database on another host would; CacheService's own round trip comes on top for the provider's calls.
 *
 * Guesses about Janssen (its SQL entry manager was not read): remove-with-filter deletes at most `count` matching entries
 * under the base (0 or less: no cap) and answers how many it deleted; encodeTime on SQL gives the UTC text
 * yyyy-MM-dd'T'HH:mm:ss.SSS that its filter converter reads back as a timestamp; the filter's attribute names are the
 * jansCache attributes (uuid, iat, exp, del, dat), which are the table's column names.
 */
public final class SqlCacheEntries implements PersistenceEntryManager {
    private static final String TABLE = "\"jansCache\"";
    private static final String TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS";
    private static final Map<String, String> COLUMNS =
            Map.of("uuid", "uuid", "iat", "iat", "exp", "exp", "del", "del", "dat", "dat");

    private final SqlEntryManager table;
    private final SqlConnections connections;

    public SqlCacheEntries(Driver driver, String url, String user, String password) {
        this.table = new SqlEntryManager(driver, url, user, password);
        this.connections = table.connections();
    }

    /** The table itself, to empty it at a reset. */
    public SqlEntryManager table() {
        return table;
    }

    public void closeConnections() {
        table.closeConnections();
    }

    @Override
    public void persist(Object entry) {
        Latency.pause();
        try {
            table.persist(entry);
        } finally {
            Latency.pause();
        }
    }

    @Override
    public Void merge(Object entry) {
        Latency.pause();
        try {
            return table.merge(entry);
        } finally {
            Latency.pause();
        }
    }

    @Override
    public <T> boolean contains(String primaryKey, Class<T> entryClass) {
        Latency.pause();
        try {
            return table.contains(primaryKey, entryClass);
        } finally {
            Latency.pause();
        }
    }

    @Override
    public <T> T find(Class<T> entryClass, Object primaryKey) {
        Latency.pause();
        try {
            return table.find(entryClass, primaryKey);
        } finally {
            Latency.pause();
        }
    }

    @Override
    public <T> void remove(String primaryKey, Class<T> entryClass) {
        Latency.pause();
        try {
            table.remove(primaryKey, entryClass);
        } finally {
            Latency.pause();
        }
    }

    /** Deletes the entries matching `filter` (at most `count` when positive) in one statement; answers how many. */
    public <T> int remove(String baseDn, Class<T> entryClass, Filter filter, int count) {
        List<Object> values = new ArrayList<>();
        String condition = sql(filter, values);
        String limited = count > 0
                ? " AND doc_id IN (SELECT doc_id FROM " + TABLE + " WHERE " + condition + " LIMIT " + count + ")"
                : "";
        List<Object> bound = new ArrayList<>(values);
        if (count > 0) {
            bound.addAll(values);
        }
        Latency.pause();
        Connection connection = connections.borrow();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + TABLE + " WHERE " + condition + limited)) {
            for (int i = 0; i < bound.size(); i++) {
                bind(delete, i + 1, bound.get(i));
            }
            int removed = delete.executeUpdate();
            connections.giveBack(connection);
            return removed;
        } catch (SQLException e) {
            connections.discard(connection);
            throw new EntryPersistenceException("Failed to remove entries under " + baseDn, e);
        } finally {
            Latency.pause();
        }
    }

    public String encodeTime(String baseDn, Date date) {
        return date == null ? null : format().format(date);
    }

    @Override
    public boolean hasBranchesSupport(String primaryKey) {
        return table.hasBranchesSupport(primaryKey);
    }

    @Override
    public String getPersistenceType(String primaryKey) {
        return table.getPersistenceType(primaryKey);
    }

    private static String sql(Filter filter, List<Object> values) {
        switch (filter.kind()) {
            case AND:
                List<String> parts = new ArrayList<>();
                for (Filter part : filter.filters()) {
                    parts.add("(" + sql(part, values) + ")");
                }
                return String.join(" AND ", parts);
            case EQUALITY:
                values.add(value(filter));
                return column(filter.attributeName()) + " = ?";
            case LESS_OR_EQUAL:
                values.add(value(filter));
                return column(filter.attributeName()) + " <= ?";
            default:
                throw new IllegalArgumentException("filter kind " + filter.kind() + " is not supported");
        }
    }

    private static String column(String attributeName) {
        String column = COLUMNS.get(attributeName);
        if (column == null) {
            throw new IllegalArgumentException("no jansCache attribute " + attributeName);
        }
        return column;
    }

    /** Times are compared as timestamps (bound as SqlEntryManager binds them), everything else as given. */
    private static Object value(Filter filter) {
        Object value = filter.assertionValue();
        String name = filter.attributeName();
        if (("exp".equals(name) || "iat".equals(name)) && value instanceof String) {
            try {
                return new Timestamp(format().parse((String) value).getTime());
            } catch (ParseException e) {
                throw new IllegalArgumentException("not an encoded time: " + value, e);
            }
        }
        return value;
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Timestamp) {
            statement.setTimestamp(index, (Timestamp) value);
        } else if (value instanceof Boolean) {
            statement.setBoolean(index, (Boolean) value);
        } else {
            statement.setString(index, String.valueOf(value));
        }
    }

    private static SimpleDateFormat format() {
        SimpleDateFormat format = new SimpleDateFormat(TIME_FORMAT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format;
    }
}
