package io.jans.as.server.model.config;

/** Bench double of Janssen's server Constants: the one the 2FA sample uses. */
public final class Constants {
    public static final String AUTHENTICATED_USER = "auth_user";

    private Constants() {}
}
