package io.jans.as.server.service;

import gamatech.testkit.Directory;
import gamatech.testkit.Faults;
import io.jans.as.common.model.common.User;
import java.util.List;

/**
 * Double of io.jans.as.server.service.AuthenticationService (reference-src; only an outdated version was saved). Checks a
 * password by uid and requires status "active" (compared ignoring case). Guessed: how current Janssen reads the status here
 * (see authenticate); an empty user name or password never authenticating. Janssen's brute-force delay is not modelled: it
 * only sleeps, which would slow tests without changing any outcome.
 */
public class AuthenticationService {
    // Per thread: Janssen keeps it in the request's identity, and parallel requests each have their own.
    private final ThreadLocal<User> authenticatedUser = new ThreadLocal<>();

    public boolean authenticate(String userName, String password) {
        Faults.failIfInjected("auth.authenticate");
        authenticatedUser.remove();
        // Assumed, not read in Janssen's source: an empty user name or password never authenticates.
        if (userName == null || userName.trim().isEmpty() || password == null || password.isEmpty()) {
            return false;
        }
        List<User> found = Directory.find("uid", userName);
        if (found.isEmpty()) {
            return false;
        }
        User user = found.get(0);
        // Guess: current Janssen checks the mapped status field; the only AuthenticationService source saved (older than
        // the GluuStatus field) checks the jansStatus custom attribute, which is what a legacy-model user still carries.
        String status = user.getStatus() != null ? user.getStatus().getValue() : user.getAttribute("jansStatus");
        if (status == null || !status.equalsIgnoreCase("active") || !Directory.passwordMatches(user, password)) {
            return false;
        }
        authenticatedUser.set(user);
        return true;
    }

    /** Janssen keeps this per request (in the session identity); the harness starts every request with none. */
    public User getAuthenticatedUser() {
        return authenticatedUser.get();
    }

    public void forgetAuthenticatedUser() {
        authenticatedUser.remove();
    }
}
