package io.jans.orm.exception;

/**
 * What every Janssen ORM dialect throws when an operation fails (the real one extends BasePersistenceException, itself a
 * RuntimeException). On SQL a duplicate DN arrives as this exception wrapping the database's unique-key violation.
 */
public class EntryPersistenceException extends RuntimeException {
    public EntryPersistenceException(String message) {
        super(message);
    }

    public EntryPersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
