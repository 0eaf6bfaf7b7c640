package io.jans.as.server.service;

import gamatech.testkit.Directory;
import gamatech.testkit.Faults;
import io.jans.as.common.model.common.User;
import java.util.List;

/**
 * Checks a password by uid and requires jansStatus "active" (compared ignoring case, as Janssen does). Janssen's brute-force
 * delay is not modelled: it only sleeps, which would slow tests without changing any outcome.
 */
public class AuthenticationService {
    private User authenticatedUser;

    public boolean authenticate(String userName, String password) {
        Faults.failIfInjected("auth.authenticate");
        authenticatedUser = null;
        // Assumed, not read in Janssen's source: an empty user name or password never authenticates.
        if (userName == null || userName.trim().isEmpty() || password == null || password.isEmpty()) {
            return false;
        }
        List<User> found = Directory.find("uid", userName);
        if (found.isEmpty()) {
            return false;
        }
        User user = found.get(0);
        String status = user.getAttribute("jansStatus");
        if (status == null || !status.equalsIgnoreCase("active") || !Directory.passwordMatches(user, password)) {
            return false;
        }
        authenticatedUser = user;
        return true;
    }

    /** Janssen keeps this per request (in the session identity); the harness starts every request with none. */
    public User getAuthenticatedUser() {
        return authenticatedUser;
    }

    public void forgetAuthenticatedUser() {
        authenticatedUser = null;
    }
}
