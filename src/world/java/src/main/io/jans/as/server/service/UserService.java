package io.jans.as.server.service;

import gamatech.testkit.Directory;
import gamatech.testkit.Faults;
import io.jans.as.common.model.common.User;
import java.util.List;

/**
 * Double of io.jans.as.server.service.UserService (reference-src/.../UserService.java; only the real server has it). Real:
 * getUserByAttribute is a plain equality filter on the persistence layer, so whether values match ignoring case is the
 * database's (Directory.setValuesIgnoreCase); the entry comes back fully read and mapped by the ORM (Directory.toUser).
 * Guessed: the first of several matches is returned (the real code takes the first of the search result, order unknown).
 */
public class UserService {
    /** The first matching entry as a fresh copy, like a database read; null when none matches. */
    public User getUserByAttribute(String attributeName, Object value) {
        Faults.failIfInjected("users.getUserByAttribute");
        if (value == null) {
            return null;
        }
        List<User> found = Directory.find(attributeName, value.toString());
        return found.isEmpty() ? null : found.get(0);
    }
}
