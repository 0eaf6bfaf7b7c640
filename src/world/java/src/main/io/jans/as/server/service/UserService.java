package io.jans.as.server.service;

import gamatech.testkit.Directory;
import gamatech.testkit.Faults;
import io.jans.as.common.model.common.User;
import java.util.List;

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
